#!/bin/sh
# hestval validate's command line: inputs, options, formats, exit codes.
. "$top_srcdir/tests/lib.sh"
G=$top_srcdir/tests/golden
P="python3 $top_srcdir/tests/val/hestpatch.py"
T=$scratch
ghes=$G/type-ghes.aml

v() { # v ARGS...: runs hestval validate; $T/out, $T/err, $rc
	"$HESTVAL" validate "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O.
v -q "$ghes"
check "a clean table exits 0 (got $rc)" test $rc -eq 0
$P patch "$ghes" "$T/warn.aml" s0+24:8=0x7ff7e004
v -q "$T/warn.aml"
check "a table with warnings only exits 0 (got $rc)" test $rc -eq 0
check "... and says so" grep -q "0 errors, 1 warning, 0 notes" "$T/out"
$P patch "$ghes" "$T/bad.aml" s0+60:4=64
v -q "$T/bad.aml"
check "a table with an error exits 1 (got $rc)" test $rc -eq 1
v -q "$T/no-such-file.aml"
check "a missing input exits 2 (got $rc)" test $rc -eq 2
check "... naming it" grep -q "cannot open.*no-such-file" "$T/err"
v
check "no input is a usage error (exit $rc)" test $rc -eq 2
v --bogus "$ghes"
check "an unknown option is a usage error (exit $rc)" test $rc -eq 2
v --arch sparc "$ghes"
check "an unknown --arch is a usage error (exit $rc)" test $rc -eq 2
check "... listing the choices" grep -q "x86_64, arm64, riscv64 or any" "$T/err"
v --format xml "$ghes"
check "an unknown --format is a usage error (exit $rc)" test $rc -eq 2
v -W NO-SUCH-RULE "$ghes"
check "an unknown rule is a usage error (exit $rc)" test $rc -eq 2
check "... pointing at hestval rules" grep -q "hestval rules" "$T/err"
v --blob nonsense --loader "$G/placement/qemu-virt-arm64/table-loader.bin" "$ghes"
check "--blob without NAME=FILE is a usage error (exit $rc)" test $rc -eq 2
printf 'table: {}\nsources: []\n' >"$T/desc.yaml"
v "$T/desc.yaml"
check "a description is not taken for a table (exit $rc)" test $rc -eq 2
check "... and the message says what to use" grep -q "hestc compile" "$T/err"
v --help
check "--help exits 0 and shows the usage" sh -c "test $rc -eq 0 && grep -q 'usage: hestval validate' '$T/out'"

# -W, -E, -w, --werror
v -q -E GAS-ALIGN "$T/warn.aml"
check "-E turns a warning into an error (exit $rc)" sh -c "test $rc -eq 1 && grep -q 'error\[GAS-ALIGN\]' '$T/out'"
v -q -W CPER-SIZE-ENTRY "$T/bad.aml"
check "-W turns an error into a warning (exit $rc)" sh -c "test $rc -eq 0 && grep -q 'warning\[CPER-SIZE-ENTRY\]' '$T/out'"
v -q -w CPER-SIZE-ENTRY "$T/bad.aml"
check "-w silences a rule (exit $rc)" sh -c "test $rc -eq 0 && ! grep -q 'CPER-SIZE-ENTRY' '$T/out'"
v -q --werror "$T/warn.aml"
check "--werror makes warnings errors (exit $rc)" sh -c "test $rc -eq 1 && grep -q 'error\[GAS-ALIGN\]' '$T/out'"
v -q --werror -w GAS-ALIGN "$T/warn.aml"
check "--werror spares silenced rules (exit $rc)" test $rc -eq 0
v -q -w 'CPER-*' "$T/bad.aml"
check "a pattern ending in * matches a family (exit $rc)" sh -c "test $rc -eq 0 && ! grep -q 'CPER-' '$T/out'"
v -q -w 'CPER-*' -E CPER-SIZE-ENTRY "$T/bad.aml"
check "later options win over earlier ones (exit $rc)" test $rc -eq 1
# Rule options have no count limit (each has room for one per argument).
set -- ; i=0; while [ $i -lt 600 ]; do set -- "$@" -W GAS-ALIGN; i=$((i + 1)); done
v -q "$@" -w CPER-SIZE-ENTRY "$T/bad.aml"
check "600 rule options, the last one silencing (exit $rc)" sh -c "test $rc -eq 0 && ! grep -q 'CPER-SIZE-ENTRY' '$T/out'"

# Output: compiler-style lines with offsets, source id and type.
v -q "$T/bad.aml"
check "text diagnostics are file:0xOFFSET: severity[RULE]: message" \
	grep -q "^$T/bad.aml:0x64: error\[CPER-SIZE-ENTRY\]: source 9 (ghes): error_block_length 64 cannot hold" "$T/out"
v "$ghes"
check "the Linux summary lists each source" grep -q "0x0028 ghes          id 9     registered   GHES.9, notified by sci" "$T/out"
v -q "$ghes"
check "-q omits the Linux summary" sh -c "! grep -q 'registered' '$T/out'"

# JSON: one object per diagnostic plus a summary.
v --format json "$T/bad.aml" "$ghes"
check "--format json exits like text (got $rc)" test $rc -eq 1
python3 - "$T/out" >"$T/json.txt" 2>&1 <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
ins = doc["inputs"]
assert len(ins) == 2, ins
d = [x for x in ins[0]["diagnostics"] if x["rule"] == "CPER-SIZE-ENTRY"][0]
assert d["offset"] == 0x64 and d["severity"] == "error", d
assert "error_block_length 64 cannot hold" in d["message"], d
assert ins[0]["summary"]["errors"] == 1, ins[0]["summary"]
assert ins[1]["linux"]["sources"][0]["verdict"] == "registered", ins[1]["linux"]
assert doc["summary"] == {"inputs": 2, "errors": 1, "warnings": 0, "notes": 0, "exit": 1}, doc["summary"]
print("json ok")
PY
check "the JSON parses and carries diagnostics, Linux verdicts and the summary" grep -q "json ok" "$T/json.txt"
[ -s "$T/json.txt" ] && diag "$(cat "$T/json.txt")"

# Several inputs: each is checked, the worst status wins.
v -q "$ghes" "$T/bad.aml"
check "two inputs, one with errors: exit 1 (got $rc)" test $rc -eq 1
check "... both are summarised" test "$(grep -c 'errors\?, ' "$T/out")" -eq 2
v -q "$ghes" "$T/missing.aml"
check "an unreadable input among good ones: exit 2 (got $rc)" test $rc -eq 2

# acpidump text, and iasl's Raw Table Data form, from stdin too.
printf 'FACP @ 0x0000000000001000\n    0000: 46 41 43 50 24 00 00 00 01 00 41 42 43 44 45 46  FACP......ABCDEF\n' >"$T/dump.txt"
od -An -v -tx1 -w16 "$ghes" | awk '{ printf "    %04X:", (NR - 1) * 16; for (i = 1; i <= NF; i++) printf " %s", toupper($i); printf "  ................\n" }' |
	sed '1i HEST @ 0x00000000BF7DE000' >>"$T/dump.txt"
v -q "$T/dump.txt"
check "a HEST is found among the tables of acpidump text (exit $rc)" test $rc -eq 0
check "... and named by the line of its heading" grep -q "dump.txt:3\[HEST\]: 0 errors" "$T/out"
v -q - <"$T/dump.txt"
check "acpidump text on stdin ('-') is read (exit $rc)" test $rc -eq 0
printf 'SSDT @ 0x0\n    0000: 53 53 44 54\n' >"$T/nohest.txt"
v -q "$T/nohest.txt"
check "acpidump text without a HEST exits 2 (got $rc)" test $rc -eq 2
check "... and says it has no HEST" grep -q "no HEST among its 1 table" "$T/err"
{
	echo "Raw Table Data: Length 104 (0x68)"
	echo
	od -An -v -tx1 -w16 "$ghes" | awk '{ printf "    %04X:", (NR - 1) * 16; for (i = 1; i <= NF; i++) printf " %s", toupper($i); printf "  // 0A 1B\n" }'
} >"$T/raw.dsl"
v -q "$T/raw.dsl"
check "the Raw Table Data form is read; its ASCII column is not taken for bytes (exit $rc)" \
	sh -c "test $rc -eq 0 && ! grep -q HEST-LENGTH '$T/out'"
# The Linux model, as Linux 6.1 and 6.12 did it (tests/e2e/linux-model.sh):
# a register above the CPU's physical address width is refused by ioremap,
# which prints the address and WARNs; the probe's -6 (ENXIO) is a "no
# match" the driver core logs only at debug level; a poll interval of 0
# binds the device without polling it, and it counts as registered.
$P patch "$G/type-ghes-v2.aml" "$T/high.aml" s0+68:8=0x100000543010
v --arch x86_64 --phys-bits 40 "$T/high.aml"
check "--phys-bits 40: the read-ack register at 0x100000543010 is refused by ioremap" \
	grep -qF 'probe-failed "ioremap: invalid physical address 100000543010" and a WARNING (it needs 45 address bits; the CPU has 40, --phys-bits); probe: -6 (ENXIO), logged at debug level only ("GHES: probe of GHES.10 rejects match -6"): GHES.10 unbound' "$T/out"
check "... and no 'probe ... failed with error' line is predicted for -6" sh -c "! grep -q 'failed with error' '$T/out'"
check "... and no GHES registers" grep -q "0 GHES registered" "$T/out"
v --arch x86_64 "$T/high.aml"
check "without --phys-bits (x86_64: 52 bits) it registers" grep -q "1 GHES registered" "$T/out"
v --arch x86_64 --phys-bits 45 "$T/high.aml"
check "--phys-bits 45 holds it" grep -q "1 GHES registered" "$T/out"
# x86's ioremap checks the register's first byte, arm64's its last (PHYS_MASK)
$P patch "$G/type-ghes-v2.aml" "$T/edge.aml" s0+68:8=0xfffffffffc
v --arch x86_64 --phys-bits 40 "$T/edge.aml"
check "x86_64 --phys-bits 40: a register at 0xfffffffffc (first byte below 2^40) registers" grep -q "1 GHES registered" "$T/out"
v --arch arm64 --phys-bits 40 "$T/edge.aml"
check "arm64 --phys-bits 40: its last byte is above, ioremap refuses it silently" \
	grep -qF 'probe-failed ioremap refuses physical address 0xfffffffffc, silently (its last byte needs 41 address bits; 40 are modelled, --phys-bits)' "$T/out"
# a system-memory register of bit_width 0 is mapped by no one: -6 too
$P patch "$G/type-ghes-v2.aml" "$T/narrow.aml" s0+21:1=0
v --arch x86_64 "$T/narrow.aml"
check "bit_width 0: acpi_os_map_generic_address maps nothing, the probe returns -6" \
	grep -qF 'acpi_os_map_generic_address maps nothing for it; probe: -6 (ENXIO)' "$T/out"
v --format json --arch arm64 "$T/high.aml"
check "JSON says the width modelled (arm64: 48)" grep -q '"phys_bits": 48' "$T/out"
v --phys-bits 12 "$ghes"
check "--phys-bits outside 32-64 is a usage error (exit $rc)" sh -c "test $rc -eq 2 && grep -q 'phys-bits takes a width from 32 to 64' '$T/err'"
$P patch "$ghes" "$T/poll0.aml" s0+32:1=0 s0+36:4=0
v --arch x86_64 "$T/poll0.aml"
check "a poll interval of 0: bound, never polled, and counted" \
	sh -c "grep -q '1 GHES registered' '$T/out' && grep -q 'inactive     GHES.9 bound, never polled: \"\[Firmware Warn\]: GHES: Poll interval is 0 for generic hardware error source: 9, disabled.\" (a record present at probe is still reported)' '$T/out'"
done_testing
