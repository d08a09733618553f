#!/bin/sh
# The loader cross-check: hestval runs the script over its fw_cfg files,
# checks the HEST it patched, then where every register and block lands.
# Inputs are QEMU's two-source arm virt layout from the placement goldens,
# broken one way at a time.
. "$top_srcdir/tests/lib.sh"
L=$top_srcdir/tests/golden/placement/qemu-virt-arm64
P="python3 $top_srcdir/tests/val/hestpatch.py"
T=$scratch
blob=$L/hardware_errors.bin

head -c 8 /dev/zero >"$T/addr8"
# served FILE OUT: FILE as the VMM serves it for the loader (checksum byte 0)
served() { python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[9] = 0; open(sys.argv[2], "wb").write(b)' "$1" "$2"; }
# val NAME [ARGS...]: hestval validate on $T/NAME.aml, served (unless
# AS_IS=1), with the layout's blob and a writable etc/hardware_errors_addr
# (as QEMU registers it)
val() {
	name=$1
	shift
	in=$T/$name.aml
	if [ -z "${AS_IS:-}" ]; then
		served "$T/$name.aml" "$T/$name.served.aml"
		in=$T/$name.served.aml
	fi
	"$HESTVAL" validate --blob "etc/hardware_errors=${BLOB:-$blob}" \
		--writable "etc/hardware_errors_addr=${ADDR:-$T/addr8}" "$@" "$in" >"$T/$name.out" 2>&1
	echo $? >"$T/$name.rc"
}
fires() { # fires RULE NAME TEXT
	if grep -F "[$1]" "$T/$2.out" | grep -qF -- "$3"; then
		ok "$1 on $2: $3"
	else
		not_ok "$1 on $2: $3"
		diag "$(cat "$T/$2.out")"
	fi
}
clean() { # clean NAME: exit 0 and no error
	rc=$(cat "$T/$1.rc")
	if [ "$rc" = 0 ] && ! grep -q 'error\[\|error:' "$T/$1.out"; then
		ok "$1: no error after loading"
	else
		not_ok "$1: no error after loading (exit $rc)"
		diag "$(cat "$T/$1.out")"
	fi
}

cp "$L/hest.aml" "$T/good.aml"
val good --loader "$L/table-loader.bin"
clean good
check "good: both GHES are registered by Linux after loading" grep -q "2 GHES registered" "$T/good.out"
val good --loader "$L/table-loader.txt"
clean good
check "good: the text listing gives the same result" grep -q "2 GHES registered" "$T/good.out"

for fw in seabios uefi; do
	val good --loader "$L/table-loader.bin" --firmware $fw
	clean good
	check "good, $fw alone: both GHES are registered" grep -q "2 GHES registered" "$T/good.out"
done
check "... and OVMF/AAVMF install the HEST" grep -q "loader under OVMF/AAVMF: installs 1 table: HEST" "$T/good.out"

# The same, as a directory of fw_cfg files: the HEST as emitted for it.
mkdir -p "$T/fwcfg/etc/acpi"
cp "$L/hest-fwcfg.aml" "$T/fwcfg/etc/acpi/tables"
cp "$L/table-loader.bin" "$T/fwcfg/etc/table-loader"
cp "$blob" "$T/fwcfg/etc/hardware_errors"
"$HESTVAL" validate --writable "etc/hardware_errors_addr=$T/addr8" "$T/fwcfg" >"$T/dir.out" 2>&1
echo $? >"$T/dir.rc"
clean dir
check "a fw_cfg directory is checked after its etc/table-loader ran" grep -q "after the loader script" "$T/dir.out"
check "diagnostics of a directory name its etc/acpi/tables" grep -q "fwcfg/etc/acpi/tables" "$T/dir.out"

# UEFI firmware (issue 17).  Regression: hestc's earlier outputs, which OVMF
# and AAVMF drop (tests/val/uefi-regression/README.md); SeaBIOS loads them.
R=$top_srcdir/tests/val/uefi-regression
cp "$R/qemu-virt-arm64-hest.aml" "$T/old.aml"
AS_IS=1 val old --loader "$L/table-loader.bin" --firmware seabios
clean old
AS_IS=1 val old --loader "$L/table-loader.bin"
fires LOADER-CHECKSUM-NONZERO old "holds 0xe0 before ADD_CHECKSUM: OVMF/AAVMF store the range's checksum"
fires LOADER-HEST-NOT-INSTALLED old "the HEST in 'etc/acpi/tables' sums to 0x20, not 0"
check "old: the Linux summary says UEFI does not install it" \
	grep -q "(SeaBIOS); under OVMF/AAVMF: not installed by UEFI, Linux sees no HEST" "$T/old.out"
AS_IS=1 val old --loader "$L/table-loader.bin" --firmware uefi
check "old, uefi alone: Linux sees no HEST" \
	grep -q "under OVMF/AAVMF: not installed by UEFI: Linux sees no HEST; 0 GHES registered" "$T/old.out"
check "old, uefi alone: exit status 1" [ "$(cat "$T/old.rc")" = 1 ]
"$HESTVAL" validate --firmware uefi --format json --loader "$L/table-loader.bin" --blob "etc/hardware_errors=$blob" \
	--writable "etc/hardware_errors_addr=$T/addr8" "$T/old.aml" >"$T/old.json" 2>&1
check "old, uefi alone, JSON: the table is not-installed and no GHES registers" python3 -c '
import json, sys
i = json.load(open(sys.argv[1]))["inputs"][0]
fw = i["firmware"][0]
sys.exit(0 if fw["name"] == "uefi" and not fw["installed"] and i["linux"]["table"] == "not-installed"
         and i["linux"]["registered"] == 0
         and all(x["verdict"] == "not-installed" for x in i["linux"]["sources"]) else 1)' "$T/old.json"
mkdir -p "$T/oldsa/etc"
cp "$R/standalone-table-loader.bin" "$T/oldsa/etc/table-loader"
cp "$R/standalone-tables.bin" "$T/oldsa/etc/vmm_tables"
cp "$R/standalone-hardware_errors.bin" "$T/oldsa/etc/vmm_hw_errors"
"$HESTVAL" validate --writable "etc/acpi_table_hest_addr=$T/addr8" "$T/oldsa" >"$T/oldsa.out" 2>&1
fires LOADER-HEST-NOT-INSTALLED oldsa "sums to 0x4a, not 0: they take it for no table and do not install it, so the OS sees no HEST (and no ADD_POINTER points at it)"
fires LOADER-CHECKSUM-NONZERO oldsa "before ADD_CHECKSUM"
"$HESTVAL" validate --firmware seabios --writable "etc/acpi_table_hest_addr=$T/addr8" "$T/oldsa" >"$T/oldsa.out" 2>&1
# that script sent the HEST's address to QEMU's etc/acpi_table_hest_addr with
# a GHES first: QEMU 10.2 could walk to none of its sources
fires QEMU-HEST-WALK oldsa 'QEMU will not find source 10: it is a ghes (type 9, 64 bytes)'
fires QEMU-HEST-WALK oldsa 'QEMU will not find source 12: QEMU walks the HEST from its first structure in steps of 92 bytes, GHESv2 only, and stops at structure #0 at 0x28'
"$HESTVAL" validate --firmware seabios -w QEMU-HEST-WALK --writable "etc/acpi_table_hest_addr=$T/addr8" "$T/oldsa" \
	>"$T/oldsa.out" 2>&1
echo $? >"$T/oldsa.rc"
clean oldsa

# WRITE_POINTER targets under UEFI: missing rolls the script back, a
# read-only file halts the firmware, one of unknown access is a note.
head -c 8 /dev/zero >"$T/ro8"
cp "$L/hest.aml" "$T/wp.aml"
"$HESTVAL" validate --loader "$L/table-loader.bin" --blob "etc/hardware_errors=$blob" "$T/wp.aml" >"$T/wp.out" 2>&1
fires LOADER-UEFI-WRITE wp "is not among the fw_cfg files: OVMF/AAVMF roll the whole script back"
fires LOADER-WRITE-TARGET wp "is not among the given files"
fires LOADER-HEST-NOT-INSTALLED wp "roll the whole script back after its error"
val wp --loader "$L/table-loader.bin" --read-only "etc/hardware_errors_addr=$T/ro8"
fires LOADER-UEFI-WRITE wp "a read-only fw_cfg file: QEMU refuses the DMA write and OVMF/AAVMF stop there"
fires LOADER-HEST-NOT-INSTALLED wp "the guest never boots"
fires LOADER-WRITE-READONLY wp "QEMU drops the write, SeaBIOS does not notice"
val wp --loader "$L/table-loader.bin" --blob "etc/hardware_errors_addr=$T/ro8"
fires LOADER-WRITE-ACCESS wp "the VMM must register it as a writable fw_cfg file"
clean wp

"$HESTVAL" validate --firmware coreboot "$L/hest.aml" >"$T/fwopt.out" 2>&1
check "--firmware takes seabios, uefi or all: anything else is a usage error" \
	sh -c "[ $? = 2 ] && grep -q \"firmware takes seabios, uefi or all, not 'coreboot'\" '$T/fwopt.out'"
"$HESTVAL" validate --writable "nofile" "$L/hest.aml" >"$T/fwopt.out" 2>&1
check "--writable takes NAME=FILE" sh -c "[ $? = 2 ] && grep -q -- \"--writable takes NAME=FILE, not 'nofile'\" '$T/fwopt.out'"

# Every linker-loader example, compiled and served as emitted, loads clean
# under both firmware models (the HEST installed by UEFI).
for desc in "$top_srcdir"/examples/*.yaml; do
	grep -q 'mode: linker-loader' "$desc" || continue
	ex=$(basename "$desc" .yaml)
	o=$T/ex-$ex
	"$HESTC" compile -q "$desc" -o "$o" --emit all || { not_ok "$ex compiles"; continue; }
	set -- $(python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["placement"]
print(p["blob"], p["tables_blob"], p.get("address_blob") or "-", p.get("hest_address_blob") or "-")' "$o/hest-layout.json")
	mkdir -p "$o/fw/$(dirname "$1")" "$o/fw/$(dirname "$2")"
	cp "$o/table-loader.bin" "$o/fw/table-loader"
	cp "$o/hardware_errors.bin" "$o/fw/$1"
	if [ -f "$o/tables.bin" ]; then cp "$o/tables.bin" "$o/fw/$2"; else cp "$o/hest-fwcfg.aml" "$o/fw/$2"; fi
	extra=
	[ "$3" != - ] && extra="$extra --writable $3=$T/addr8"
	[ "$4" != - ] && extra="$extra --writable $4=$T/addr8"
	for fw in seabios uefi; do
		# shellcheck disable=SC2086
		"$HESTVAL" validate --firmware $fw --loader "$o/fw/table-loader" $extra "$o/fw" >"$T/$ex-$fw.out" 2>&1
		rc=$?
		if [ $rc = 0 ] && ! grep -q 'error\[LOADER\|error: \|error\[' "$T/$ex-$fw.out" && grep -q "GHES registered" "$T/$ex-$fw.out"; then
			ok "$ex: loads clean under $fw"
		else
			not_ok "$ex: loads clean under $fw (exit $rc)"
			diag "$(cat "$T/$ex-$fw.out")"
		fi
	done
	check "$ex: OVMF/AAVMF install its HEST" grep -q "loader under OVMF/AAVMF: installs .*HEST" "$T/$ex-uefi.out"
done

# Without the script, the unpatched register offsets are reported.
"$HESTVAL" validate "$L/hest.aml" >"$T/nolo.out" 2>&1
check "without a script, the zero register address is reported" grep -q "HEST-GAS-ZERO" "$T/nolo.out"

# LOADER-HEST-MISSING: the tables blob holds no HEST.
cp "$L/hest.aml" "$T/missing.aml"
val missing --loader "$L/table-loader.bin" --blob "etc/acpi/tables=$blob"
fires LOADER-HEST-MISSING missing "no allocated file holds a table with the signature 'HEST'"

# LOADER-REGISTER: the register offset leaves fewer than 8 bytes of the blob.
$P patch "$L/hest.aml" "$T/reg.aml" s0+24:8=0x81c
val reg --loader "$L/table-loader.bin"
fires LOADER-REGISTER reg "lies in 'etc/hardware_errors' but fewer than 8 bytes remain before its end"
$P patch "$L/hest.aml" "$T/reg2.aml" s0+24:8=0x4000
val reg2 --loader "$L/table-loader.bin"
fires LOADER-REGISTER reg2 "is outside every allocated file"

# LOADER-BLOCK: a register the script does not patch, a block too long.
grep -v 'ADD_POINTER   dest="etc/hardware_errors" offset=0x0 ' "$L/table-loader.txt" >"$T/nopatch.txt"
python3 - "$blob" "$T/zero-reg.bin" <<'PY' || exit 99
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[0:8] = bytes(8)
open(sys.argv[2], 'wb').write(b)
PY
cp "$L/hest.aml" "$T/block0.aml"
BLOB=$T/zero-reg.bin val block0 --loader "$T/nopatch.txt"
fires LOADER-BLOCK block0 "holds 0: no ADD_POINTER sets it"
cp "$L/hest.aml" "$T/block1.aml"
val block1 --loader "$T/nopatch.txt"
fires LOADER-BLOCK block1 "points at 0x20, outside every allocated file"
$P patch "$L/hest.aml" "$T/long.aml" s0+60:4=4096
val long --loader "$L/table-loader.bin"
fires LOADER-BLOCK long "where only 2048 bytes remain; error_block_length is 4096"

# LOADER-BLOCK-OVERLAP: both registers point at the first block.
python3 - "$blob" "$T/same-block.bin" <<'PY' || exit 99
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[8:16] = b[0:8]
open(sys.argv[2], 'wb').write(b)
PY
cp "$L/hest.aml" "$T/overlap.aml"
BLOB=$T/same-block.bin val overlap --loader "$L/table-loader.bin"
fires LOADER-BLOCK-OVERLAP overlap "overlaps the error status block of source"

# LOADER-READ-ACK: a read-ack register past the region.
$P patch "$L/hest.aml" "$T/ack.aml" s0+68:8=0x4000
val ack --loader "$L/table-loader.bin"
fires LOADER-READ-ACK ack "is not 8 bytes inside an allocated file"
# ... and a read-ack register shared by both sources.
$P patch "$L/hest.aml" "$T/ack2.aml" s1+68:8=0x10
val ack2 --loader "$L/table-loader.bin"
fires GAS-OVERLAP ack2 "the read-ack register 0x"

# LOADER-HEST-CHECKSUM: no ADD_CHECKSUM after the pointers into the HEST.
grep -v 'ADD_CHECKSUM' "$L/table-loader.txt" >"$T/nocksum.txt"
cp "$L/hest.aml" "$T/cksum.aml"
val cksum --loader "$T/nocksum.txt"
fires LOADER-HEST-CHECKSUM cksum "after the loader script ran: an ADD_CHECKSUM is missing or comes too early"

# The simulator's own faults come through, and under the rule settings.
printf 'ALLOCATE      file="etc/hardware_errors" align=12 zone=high\n' >"$T/align.txt"
cp "$L/hest.aml" "$T/align.aml"
val align --loader "$T/align.txt"
fires LOADER-ALIGN align "alignment 12 is not a power of two"
val align --loader "$T/align.txt" -w LOADER-ALIGN
check "-w silences a simulator rule" sh -c "! grep -q 'LOADER-ALIGN' '$T/align.out'"
done_testing
