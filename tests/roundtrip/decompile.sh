#!/bin/sh
# Round trip: every real table, every golden and the two reference tables
# decompile to a description that compiles back to exactly the same bytes.
#
#   ../shared/corpus/real/hest/*.dat        raw tables from real machines
#   ../shared/corpus/real/acpidump/*.txt    whole-machine dumps: the HEST in them,
#                                            extracted here by an independent reader
#   tests/golden/*.aml                       hestc's own goldens
#   ../shared/reference/qemu/aarch64-virt-HEST.loaded, ../shared/reference/iasl/hest-template.aml
#
# The corpus is part of the test: a missing directory is a failure.
. "$top_srcdir/tests/lib.sh"

corpus=$shared_dir/corpus/real
reference=$shared_dir/reference

# roundtrip NAME TABLE EXPECTED: decompile TABLE (raw or dump text), compile
# the description, compare with EXPECTED (the table's bytes).
roundtrip() {
	name=$1 table=$2 expected=$3
	dir=$scratch/$name
	mkdir -p "$dir"
	if ! "$HESTC" decompile "$table" -o "$dir/desc.yaml" 2>"$dir/decompile.err"; then
		not_ok "$name: decompiles"
		while IFS= read -r l; do diag "  $l"; done <"$dir/decompile.err"
		return
	fi
	if ! "$HESTC" compile -q "$dir/desc.yaml" -o "$dir/out" 2>"$dir/compile.err"; then
		not_ok "$name: the description compiles"
		while IFS= read -r l; do diag "  $l"; done <"$dir/compile.err"
		return
	fi
	# hest.aml, or bert.aml / einj.aml for a BERT or EINJ
	out=$(ls "$dir/out/hest.aml" "$dir/out/bert.aml" "$dir/out/einj.aml" "$dir/out/erst.aml" 2>/dev/null | head -n 1)
	if cmp -s "$out" "$expected"; then
		ok "$name: decompile -> compile gives the same $(wc -c <"$expected") bytes"
	else
		not_ok "$name: decompile -> compile gives the same bytes"
		cmp -l "$out" "$expected" 2>&1 | head -n 5 | while IFS= read -r l; do diag "  $l"; done
	fi
	# A wrong checksum is kept only through an explicit `checksum:` key.
	sum=$(od -An -v -tu1 "$expected" | tr -s ' \n' '\n\n' | awk 'NF { s += $1 } END { print s % 256 }')
	if [ "$sum" -eq 0 ]; then
		check "$name: valid checksum, so no 'checksum:' key" sh -c "! grep -q '^  checksum:' '$dir/desc.yaml'"
	else
		check "$name: wrong checksum kept by an explicit 'checksum:' key" grep -q '^  checksum:' "$dir/desc.yaml"
	fi
}

n=0
for f in "$corpus"/hest/*.dat; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	roundtrip "$(basename "$f")" "$f" "$f"
done
check "real tables found in $corpus/hest ($n)" test "$n" -ge 18

# The HEST inside acpidump text, read by a separate reader: after the
# "HEST @ 0x..." heading, "OFFSET: XX XX ..." lines, 16 bytes at most, the
# ASCII column after two spaces.
extract_hest() {
	python3 - "$1" "$2" <<'PY'
import re, sys
data, on = bytearray(), False
for line in open(sys.argv[1], encoding="latin-1"):
    if re.match(r"^\s*[A-Z0-9_!]{4} @ 0x[0-9A-Fa-f]+\s*$", line):
        on = line.split()[0] == "HEST"
        continue
    m = re.match(r"^\s*([0-9A-Fa-f]{4,8}):((?: [0-9A-Fa-f]{2}){1,16})", line) if on else None
    if m:
        if int(m.group(1), 16) != len(data):
            sys.exit("offset %s out of sequence" % m.group(1))
        data += bytes(int(b, 16) for b in m.group(2).split())
    elif on and data and not line.strip():
        on = False
if not data:
    sys.exit("no HEST in the dump")
open(sys.argv[2], "wb").write(data)
PY
}
n=0
for f in "$corpus"/acpidump/*.txt; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	name=$(basename "$f")
	if extract_hest "$f" "$scratch/$name.hest" 2>"$scratch/$name.extract"; then
		roundtrip "$name" "$f" "$scratch/$name.hest"
	else
		not_ok "$name: the test's own reader finds the HEST ($(cat "$scratch/$name.extract"))"
	fi
done
check "acpidump texts found in $corpus/acpidump ($n)" test "$n" -ge 2

n=0
for f in "$top_srcdir"/tests/golden/*.aml; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	roundtrip "golden-$(basename "$f")" "$f" "$f"
done
check "goldens found ($n)" test "$n" -ge 20

for f in "$reference/qemu/aarch64-virt-HEST.loaded" "$reference/iasl/hest-template.aml"; do
	if [ -f "$f" ]; then
		roundtrip "$(basename "$f")" "$f" "$f"
	else
		not_ok "reference table $f exists"
	fi
done

# Decompiling twice gives the same description.
f=$corpus/hest/Dell_PowerEdge_E5985CCBA349.dat
if "$HESTC" decompile "$f" >"$scratch/a.yaml" 2>/dev/null && "$HESTC" decompile "$f" >"$scratch/b.yaml" 2>/dev/null; then
	check "decompiling twice gives the same description" cmp -s "$scratch/a.yaml" "$scratch/b.yaml"
else
	not_ok "Dell_PowerEdge_E5985CCBA349.dat decompiles"
fi

done_testing
