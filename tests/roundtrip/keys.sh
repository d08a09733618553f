#!/bin/sh
# Non-canonical content survives decompile -> compile through explicit keys,
# and the decompiler says so on stderr.  Each case is a real table (Dell
# Latitude, two GHES; HP ProLiant, three AER) changed in one way by the
# python below; the description must carry the named key, stderr a warning
# naming it, and compiling must give the changed table back byte for byte.
. "$top_srcdir/tests/lib.sh"

hest=$shared_dir/corpus/real/hest
ghes=$hest/Dell_Latitude_A37FB9368F2A.dat
aer=$hest/Hewlett-Packard_ProLiant_A8DA802364DF.dat
for f in "$ghes" "$aer"; do
	[ -f "$f" ] || { not_ok "corpus table $f exists"; done_testing; exit 1; }
done

python3 - "$ghes" "$aer" "$scratch" <<'PY' || not_ok "test tables generated"
import struct, sys
ghes, aer, out = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read(), sys.argv[3]

def fix(t, length=True, count=None):
    t = bytearray(t)
    if length:
        t[4:8] = struct.pack("<I", len(t))
    if count is not None:
        t[36:40] = struct.pack("<I", count)
    t[9] = 0
    t[9] = (-sum(t)) & 0xFF
    return bytes(t)

def put(name, t):
    open("%s/%s.aml" % (out, name), "wb").write(t)

def patched(t, at, b, length=True):
    t = bytearray(t)
    t[at:at + len(b)] = b
    return fix(t, length)

put("bad-checksum", ghes[:9] + bytes([(ghes[9] + 1) & 0xFF]) + ghes[10:])
put("trailing", ghes + b"\xde\xad\xbe\xef\x00")
put("cut-short", ghes[:-10])                        # Length says 168; the second GHES is cut
put("count", fix(ghes, count=5))
put("reserved-type", fix(ghes + struct.pack("<HH", 12, 7) + bytes(8)))
put("oem-id-bytes", patched(ghes, 10, b"\xffAB\x00\x01 "))
put("reserved-nonzero", patched(ghes, 40 + 6, b"\x05"))
put("flag-bits", patched(aer, 40 + 6, bytes([aer[46] | 0x80])))
put("notify-type", patched(ghes, 40 + 32, b"\x20"))
put("enabled-2", patched(ghes, 40 + 7, b"\x02"))
put("space-id", patched(ghes, 40 + 20, b"\x42"))
put("short-length", patched(ghes, 4, struct.pack("<I", 36), length=False))
put("length-inside", patched(ghes, 4, struct.pack("<I", 104), length=False))  # the second GHES lies beyond Length
put("no-sources", fix(ghes[:40], count=0))
put("duplicate-ids", patched(ghes, 104 + 2, b"\x00\x00"))
put("short-tail", fix(ghes + b"\x09\x00"))
put("small-block", patched(ghes, 40 + 60, struct.pack("<I", 21)))
put("two-allowances", patched(patched(ghes, 104 + 2, b"\x00\x00"), 40 + 60, struct.pack("<I", 0)))
PY

# case NAME KEY-REGEX STDERR-REGEX: decompile, look for the key and the
# warning, compile, compare.
case_() {
	name=$1 key=$2 warning=$3
	t=$scratch/$name.aml
	d=$scratch/$name
	if ! "$HESTC" decompile "$t" -o "$d.yaml" 2>"$d.err"; then
		not_ok "$name: decompiles"
		while IFS= read -r l; do diag "  $l"; done <"$d.err"
		return
	fi
	check "$name: the description keeps it with $key" grep -qE "$key" "$d.yaml"
	check "$name: stderr says so" grep -qE "warning: .*$warning" "$d.err"
	if "$HESTC" compile -q "$d.yaml" -o "$d.out" 2>"$d.cerr" && cmp -s "$d.out/hest.aml" "$t"; then
		ok "$name: compiles back to the same $(wc -c <"$t") bytes"
	else
		not_ok "$name: compiles back to the same bytes"
		while IFS= read -r l; do diag "  $l"; done <"$d.cerr"
	fi
}

case_ bad-checksum '^  checksum: 0x[0-9a-f]{2} +# 0x009: deliberate' "checksum is 0x"
case_ trailing '^trailing_bytes: \|' "5 bytes after the table's end"
case_ cut-short '^  length: 168 ' "length is 168 but"
case_ cut-short '^    raw: \|' "cut short"
case_ count '^  error_source_count: 5 ' "error_source_count is 5 but 2 sources"
case_ reserved-type '^    raw: \|' "type 12 .0xc., which ACPI 6.5 reserves"
case_ oem-id-bytes '^  oem_id: \{ hex: "ff 41 42 00 01 20" \}' "oem_id holds bytes that are not printable ASCII"
case_ reserved-nonzero '^    reserved_6: 0x5 ' "reserved field reserved_6 is 0x5"
case_ flag-bits '^    flags: \[.*0x80\]' "flags has bits 0x80"
case_ notify-type '^      type: 0x20 ' "notification.type 0x20 is not a value"
case_ enabled-2 '^    enabled: 2 ' "enabled 2 is not a value"
case_ space-id '^      space_id: 0x42 ' "error_status_address.space_id 0x42 is not a value"
case_ short-length '^  length: 36 ' "length is 36 but"
case_ length-inside '^trailing_bytes: \|' "64 bytes after the table's end"
case_ no-sources '^allow: \[no-sources\]' "no error source"
case_ duplicate-ids '^allow: \[duplicate-source-ids\]' "source ids repeat"
case_ short-tail '^    raw: \|' "2 leftover bytes"
case_ small-block '^allow: \[undersized-error-blocks\]' "error_block_length 21 of the source at 0x28 cannot hold one record"
case_ two-allowances '^allow: \[duplicate-source-ids, undersized-error-blocks\]' "error_block_length 0 "

# Without the allowance, the compiler refuses such a block (CPER-SIZE-ENTRY).
grep -v '^allow:' "$scratch/small-block.yaml" >"$scratch/strict.yaml"
rc=0
"$HESTC" compile -q "$scratch/strict.yaml" -o "$scratch/strict" 2>"$scratch/strict.err" || rc=$?
check "small-block: without 'allow: [undersized-error-blocks]' compile refuses (exit 1, got $rc)" test "$rc" = 1
check "small-block: ... naming CPER-SIZE-ENTRY" grep -q 'CPER-SIZE-ENTRY' "$scratch/strict.err"

# Without its key, the non-canonical value is gone: the compiler computes
# the checksum again (a wrong one is never kept by accident).
grep -v '^  checksum:' "$scratch/bad-checksum.yaml" >"$scratch/fixed.yaml"
if "$HESTC" compile -q "$scratch/fixed.yaml" -o "$scratch/fixed" 2>/dev/null; then
	check "bad-checksum: without 'checksum:' the compiler writes the original, valid table" \
		cmp -s "$scratch/fixed/hest.aml" "$ghes"
else
	not_ok "bad-checksum: compiles without 'checksum:'"
fi

# What cannot be a HEST is refused (exit 1) with a reason.
head -c 30 "$ghes" >"$scratch/short.aml"
{ printf 'APIC'; tail -c +5 "$ghes"; } >"$scratch/apic.aml"
{ printf 'BERT'; tail -c +5 "$ghes" | head -c 40; } >"$scratch/short-bert.aml"
for c in "short.aml:a HEST starts with a 40-byte header" "apic.aml:not a HEST, BERT, EINJ or ERST: the signature is 'APIC'" \
	"short-bert.aml:a BERT starts with a 48-byte header"; do
	f=${c%%:*} msg=${c#*:}
	rc=0
	"$HESTC" decompile "$scratch/$f" -o "$scratch/$f.yaml" 2>"$scratch/$f.err" || rc=$?
	check "$f: refused with exit 1 (got $rc)" test "$rc" = 1
	check "$f: says '$msg'" grep -q "$msg" "$scratch/$f.err"
	check "$f: writes nothing" test ! -e "$scratch/$f.yaml"
done

# acpidump text without a HEST is a usage error, said plainly.
printf 'APIC @ 0x0000000000000000\n    0000: 41 50 49 43 24 00 00 00 01 00 00 00 00 00 00 00  APIC............\n' >"$scratch/nohest.txt"
rc=0
"$HESTC" decompile "$scratch/nohest.txt" >/dev/null 2>"$scratch/nohest.err" || rc=$?
check "acpidump text without a HEST: exit 2 (got $rc)" test "$rc" = 2
check "acpidump text without a HEST: says so" grep -q "no HEST among its 1 table" "$scratch/nohest.err"

# Offsets are optional; the description is otherwise the same.
"$HESTC" decompile "$ghes" >"$scratch/with.yaml" 2>/dev/null
"$HESTC" decompile --no-offsets "$ghes" >"$scratch/without.yaml" 2>/dev/null
check "--no-offsets drops the offset comments" sh -c "! grep -q '# 0x0' '$scratch/without.yaml'"
norm() { sed -e '1,/^$/d' -e 's/# 0x[0-9a-f]*: /# /' -e 's/ *# 0x[0-9a-f]*$//' -e 's/  *#/ #/' "$1"; }
norm "$scratch/with.yaml" >"$scratch/a"
norm "$scratch/without.yaml" >"$scratch/b"
check "--no-offsets changes nothing but the comments" cmp -s "$scratch/a" "$scratch/b"

# -q silences the warnings, not the errors.
"$HESTC" decompile -q "$scratch/count.aml" >/dev/null 2>"$scratch/q.err"
check "-q: no warnings" test ! -s "$scratch/q.err"

done_testing
