#!/bin/sh
# Parity with the Firmware Test Suite's HEST test (fwts src/acpi/hest/hest.c,
# 2015-2026): hestval reports every fault fwts reports.
#
# fwts walks the structures by type up to the table Length and, per type,
# checks: the structure fits (*TooShort; a bank list that does not fit aborts
# silently), reserved fields zero (HESTReservedNonZero), flags (IA-32: only
# bits 0 and 2, not both; AER: bits 2-7 reserved; HESTReservedBitsNonZero),
# records_to_preallocate and max_sections_per_record >= 1 (NMI, AER, GHES,
# GHESv2), notification type <= 11 (CMC, deferred MC, GHES, GHESv2),
# configuration write enable bits 6+ zero (GHES, GHESv2), bank
# clear_status_on_init <= 1 and status_data_format <= 2, at most one MCE,
# CMC and NMI structure, and stops at any other type (HESTInvalidType).
# It does not compare the declared count, look for duplicate ids, check
# GHES registers, block sizes or poll intervals.
. "$top_srcdir/tests/lib.sh"
G=$top_srcdir/tests/golden
P="python3 $top_srcdir/tests/val/hestpatch.py"
corpus=${shared_dir:?}/corpus/real/hest
ref=$shared_dir/reference/iasl

# The hestval rule(s) that report what an fwts label reports.
rules_for() {
	case $1 in
	HESTTooShort) echo HEST-LENGTH ;;
	HESTIA32MachineCheckTooShort | HESTIA32CorrectedMachineCheckTooShort | HESTIA-32ArchitectureNmiTooShort | \
		HESTPciExpressRootPortAerTooShort | HESTPciExpressDeviceAerTooShort | HESTPciExpressBridgeAerTooShort | \
		HESTGenericHardwareErrorSourceTooShort | silent-bank-abort) echo HEST-TRUNCATED ;;
	HESTInvalidType) echo HEST-UNKNOWN-TYPE ;;
	HESTReservedNonZero) echo HEST-RESERVED ;;
	HESTReservedBitsNonZero) echo "HEST-FLAGS-RESERVED HEST-NOTIFY-RESERVED" ;;
	HESTIA32FlagsReserved | HESTIA32CorrectedMachineCheckFlagsReserved) echo HEST-FLAGS-RESERVED ;;
	HESTIA32BadFlags | HESTIA32CorrectedMachineCheckBadFlags) echo HEST-FLAGS-FF-ASSIST ;;
	HESTInvalidHardwareErrorNotificationType) echo HEST-NOTIFY-TYPE ;;
	HESTInvalidRecordsToPreallocate) echo HEST-RECORDS ;;
	HESTInvalidMaxSectionsPerRecord) echo HEST-MAX-SECTIONS ;;
	HESTIA32InvalidClearStatusOnInit) echo HEST-BANK-CLEAR ;;
	HESTIA32InvalidBankStatusDataFormat) echo HEST-BANK-FORMAT ;;
	HESTTooManyIA32ArchMachineCheckExceptions | HESTTooManyIA32CorrectedMachineChecks | HESTTooManyNmiErrors)
		echo HEST-SINGLETON ;;
	*) echo "UNMAPPED-$1" ;;
	esac
}

# expect FILE LABEL...: hestval reports, for every fwts LABEL, one of its rules.
expect() {
	e_file=$1
	shift
	"$HESTVAL" validate -q "$e_file" >"$scratch/out" 2>&1
	e_name=$(basename "$e_file")
	for label in "$@"; do
		found=
		for rule in $(rules_for "$label"); do
			grep -q "\[$rule\]" "$scratch/out" && found=$rule
		done
		if [ -n "$found" ]; then
			ok "$e_name: fwts $label -> hestval $found"
		else
			not_ok "$e_name: fwts $label -> hestval $(rules_for "$label")"
			diag "$(cat "$scratch/out")"
		fi
	done
}

# Every rule hestval reports on a table (for the record in the log).
beyond() {
	"$HESTVAL" validate -q "$1" 2>&1 | sed -n 's/.*\]*: \(error\|warning\)\[\([A-Z0-9-]*\)\].*/\2/p' | sort -u |
		tr '\n' ' '
}

# --- the corpus: labels fwts reports on each table ------------------------------
if [ -d "$corpus" ]; then
	while read -r file labels; do
		[ -n "$file" ] || continue
		if [ -n "$labels" ]; then
			# shellcheck disable=SC2086
			expect "$corpus/$file" $labels
		else
			ok "$file: fwts reports nothing"
		fi
		diag "$file: hestval reports: $(beyond "$corpus/$file")"
	done <<'LIST'
DEPO_Computers_Super_5ED617DD5961.dat
DEPO_Computers_Super_F84E17B9619B.dat
Dell_Latitude_A37FB9368F2A.dat
Dell_Latitude_C82728E65A3D.dat
Dell_PowerEdge_E5985CCBA349.dat
Dell_Precision_072875B334CD.dat
Dell_Precision_5B887671E31F.dat
Dell_Precision_FE48AAC0D405.dat
Fujitsu_PRIMERGY_41B1E7A57925.dat
Hewlett-Packard_ProLiant_1979FBF2D488.dat
Hewlett-Packard_ProLiant_A8DA802364DF.dat
Supermicro_H8_28567EC2EFB1.dat HESTReservedBitsNonZero
Supermicro_H8_58E82626C3C5.dat HESTReservedBitsNonZero
Supermicro_X10_4A64A6094FE3.dat HESTInvalidType HESTReservedNonZero HESTTooManyIA32ArchMachineCheckExceptions
Supermicro_X7_22C25EDFF9A3.dat
Supermicro_X8_319567CDA949.dat
Supermicro_X8_40AECBFF4573.dat
Supermicro_X8_CE92DF29C87C.dat
LIST
	check "every corpus table is in the parity list" \
		test "$(ls "$corpus"/*.dat | wc -l)" -eq 18
fi

# iasl's template: fwts passes it (it checks neither the count nor ids); hestval does not.
if [ -f "$ref/hest-template.aml" ]; then
	"$HESTVAL" validate -q "$ref/hest-template.aml" >"$scratch/t" 2>&1
	check "template: fwts passes, hestval reports the count mismatch" grep -q "\[HEST-COUNT\]" "$scratch/t"
	check "template: fwts passes, hestval reports duplicate ids" grep -q "\[HEST-DUP-ID\]" "$scratch/t"
fi

# --- one table per fwts check, built to trip it -----------------------------------
b() { $P patch "$@" || exit 99; }
c() { $P cat "$@" || exit 99; }
T=$scratch
mce=$G/type-mce.aml cmc=$G/type-cmc.aml nmi=$G/type-nmi.aml ghes=$G/type-ghes.aml ghes2=$G/type-ghes-v2.aml
aerr=$G/type-aer-root-port.aml aere=$G/type-aer-endpoint.aml aerb=$G/type-aer-bridge.aml dmc=$G/type-deferred-mc.aml

b "$ghes" "$T/a1.aml" truncate=30;            expect "$T/a1.aml" HESTTooShort
b "$mce" "$T/a2.aml" truncate=70 fixlen;      expect "$T/a2.aml" HESTIA32MachineCheckTooShort
b "$cmc" "$T/a3.aml" truncate=80 fixlen;      expect "$T/a3.aml" HESTIA32CorrectedMachineCheckTooShort
b "$nmi" "$T/a4.aml" truncate=50 fixlen;      expect "$T/a4.aml" HESTIA-32ArchitectureNmiTooShort
b "$aerr" "$T/a5.aml" truncate=80 fixlen;     expect "$T/a5.aml" HESTPciExpressRootPortAerTooShort
b "$aere" "$T/a6.aml" truncate=80 fixlen;     expect "$T/a6.aml" HESTPciExpressDeviceAerTooShort
b "$aerb" "$T/a7.aml" truncate=90 fixlen;     expect "$T/a7.aml" HESTPciExpressBridgeAerTooShort
b "$ghes" "$T/a8.aml" truncate=90 fixlen;     expect "$T/a8.aml" HESTGenericHardwareErrorSourceTooShort
b "$ghes2" "$T/a9.aml" truncate=120 fixlen;   expect "$T/a9.aml" HESTGenericHardwareErrorSourceTooShort
b "$cmc" "$T/a10.aml" s0+44:1=9;              expect "$T/a10.aml" silent-bank-abort
b "$ghes" "$T/b1.aml" s0+0:2=3;               expect "$T/b1.aml" HESTInvalidType
b "$mce" "$T/b2.aml" s0+4:2=1;                expect "$T/b2.aml" HESTReservedNonZero
b "$mce" "$T/b3.aml" s0+33:1=1;               expect "$T/b3.aml" HESTReservedNonZero
b "$cmc" "$T/b4.aml" s0+45:1=1;               expect "$T/b4.aml" HESTReservedNonZero
b "$nmi" "$T/b5.aml" s0+4:4=1;                expect "$T/b5.aml" HESTReservedNonZero
b "$aerr" "$T/b6.aml" s0+26:2=1;              expect "$T/b6.aml" HESTReservedNonZero
b "$aerb" "$T/b7.aml" s0+6:1=0x80;            expect "$T/b7.aml" HESTReservedBitsNonZero
b "$ghes" "$T/b8.aml" s0+34:2=0x100;          expect "$T/b8.aml" HESTReservedBitsNonZero
b "$mce" "$T/c1.aml" s0+6:1=2;                expect "$T/c1.aml" HESTIA32FlagsReserved
b "$cmc" "$T/c2.aml" s0+6:1=0x10;             expect "$T/c2.aml" HESTIA32CorrectedMachineCheckFlagsReserved
b "$dmc" "$T/c3.aml" s0+6:1=0x8;              expect "$T/c3.aml" HESTIA32CorrectedMachineCheckFlagsReserved
b "$mce" "$T/c4.aml" s0+6:1=5;                expect "$T/c4.aml" HESTIA32BadFlags
b "$cmc" "$T/c5.aml" s0+6:1=5;                expect "$T/c5.aml" HESTIA32CorrectedMachineCheckBadFlags
# (fwts also flags 12, RISC-V SSE, which ACPI 6.6 defines; hestval does not)
b "$cmc" "$T/d1.aml" s0+16:1=13;              expect "$T/d1.aml" HESTInvalidHardwareErrorNotificationType
b "$ghes" "$T/d2.aml" s0+32:1=200;            expect "$T/d2.aml" HESTInvalidHardwareErrorNotificationType
b "$ghes2" "$T/d3.aml" s0+32:1=13;            expect "$T/d3.aml" HESTInvalidHardwareErrorNotificationType
b "$nmi" "$T/e1.aml" s0+8:4=0;                expect "$T/e1.aml" HESTInvalidRecordsToPreallocate
b "$aere" "$T/e2.aml" s0+8:4=0;               expect "$T/e2.aml" HESTInvalidRecordsToPreallocate
b "$ghes2" "$T/e3.aml" s0+8:4=0;              expect "$T/e3.aml" HESTInvalidRecordsToPreallocate
b "$nmi" "$T/e4.aml" s0+12:4=0;               expect "$T/e4.aml" HESTInvalidMaxSectionsPerRecord
b "$aerb" "$T/e5.aml" s0+12:4=0;              expect "$T/e5.aml" HESTInvalidMaxSectionsPerRecord
b "$ghes" "$T/e6.aml" s0+12:4=0;              expect "$T/e6.aml" HESTInvalidMaxSectionsPerRecord
b "$mce" "$T/f1.aml" s0+41:1=2;               expect "$T/f1.aml" HESTIA32InvalidClearStatusOnInit
b "$cmc" "$T/f2.aml" s0+50:1=7;               expect "$T/f2.aml" HESTIA32InvalidBankStatusDataFormat
c "$T/g1.aml" "$mce" "$mce";                  expect "$T/g1.aml" HESTTooManyIA32ArchMachineCheckExceptions
c "$T/g2.aml" "$cmc" "$cmc";                  expect "$T/g2.aml" HESTTooManyIA32CorrectedMachineChecks
c "$T/g3.aml" "$nmi" "$nmi";                  expect "$T/g3.aml" HESTTooManyNmiErrors
done_testing
