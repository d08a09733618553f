#!/bin/sh
# Every real table decodes without a crash, and its diagnostics and Linux
# summary match the reviewed golden in tests/golden/val/ (regenerate with
# `make regen-golden-val` and review the diff).  The anomalies the corpus
# README lists are each reported.
. "$top_srcdir/tests/lib.sh"
corpus=${shared_dir:?}/corpus/real
ref=$shared_dir/reference
goldens=$top_srcdir/tests/golden/val
if [ ! -d "$corpus/hest" ] || [ ! -d "$ref/iasl" ]; then
	echo "1..0 # SKIP the shared corpus and references (../shared) are not present"
	exit 0
fi

# run DIR FILE: validates FILE from inside DIR so that names are relative.
run() {
	(cd "$1" && "$HESTVAL" validate "$2"; echo "exit=$?") 2>&1
}

inputs() {
	for f in "$corpus"/hest/*.dat; do echo "$corpus/hest $(basename "$f")"; done
	for f in "$corpus"/acpidump/*.txt; do echo "$corpus/acpidump $(basename "$f")"; done
	echo "$ref/iasl hest-template.aml"
	echo "$ref/qemu aarch64-virt-HEST.loaded"
	echo "$ref/qemu aarch64-virt-HEST.loaded.dsl"
}

inputs >"$scratch/list"
while read -r dir file; do
	out=$scratch/$file.out
	run "$dir" "$file" >"$out"
	rc=$(sed -n 's/^exit=//p' "$out")
	check "$file: decoded and checked without a crash (exit $rc)" test "$rc" = 0 -o "$rc" = 1
	golden=$goldens/$file.txt
	if [ "${REGEN:-}" = 1 ]; then
		mkdir -p "$goldens" && cp "$out" "$golden"
		ok "$file: golden regenerated"
	elif [ ! -f "$golden" ]; then
		not_ok "$file: golden $golden exists (run make regen-golden-val and review it)"
	elif cmp -s "$out" "$golden"; then
		ok "$file: diagnostics match the golden"
	else
		not_ok "$file: diagnostics match the golden"
		diag "$(diff "$golden" "$out")"
	fi
done <"$scratch/list"
[ "${REGEN:-}" = 1 ] && done_testing && exit 0

has() { # has FILE 'text': the output for FILE holds text
	grep -qF -- "$2" "$scratch/$1.out"
}

# README anomaly: Supermicro X10, a CMC whose banks run into garbage that
# walks as empty MCE structures and then an unknown type.
x10=Supermicro_X10_4A64A6094FE3.dat
check "X10: the unknown type at 0x2d8 is reported" has $x10 ":0x2d8: error[HEST-UNKNOWN-TYPE]: structure type 4120"
check "X10: the zero structures read as empty MCEs are reported" has $x10 "error[HEST-ZERO-STRUCT]: 8 structures from 0x170"
check "X10: the declared count disagrees with what the walk finds" has $x10 "error[HEST-COUNT]: Error Source Count is 3"
check "X10: the gap and the two GHES after it are found" has $x10 "from 0x2c0, 2 structures (ghes at 0x2c0, ghes at 0x300)"
check "X10: the Linux summary registers no GHES" has $x10 "0 GHES registered"
# README anomaly: HP ProLiant A8DA, an id that is not ASCII; AER sources only.
check "HP A8DA: the non-ASCII id is reported" has Hewlett-Packard_ProLiant_A8DA802364DF.dat \
	"note[HEST-ID-ASCII]: Creator ID holds bytes that are not printable ASCII (d2 04 00 00)"
# README anomaly: ids padded with NUL bytes.
for f in Dell_Latitude_A37FB9368F2A.dat Dell_Precision_072875B334CD.dat Hewlett-Packard_ProLiant_1979FBF2D488.dat \
	Supermicro_H8_28567EC2EFB1.dat Supermicro_X8_319567CDA949.dat Supermicro_X10_4A64A6094FE3.dat; do
	check "$f: NUL padding of an id is noted" has $f "note[HEST-ID-PADDING]"
done
# README: all checksums are valid.
check "no corpus table has a checksum error" sh -c "! cat '$scratch'/*.dat.out | grep -q 'HEST-CHECKSUM'"

# iasl's template: a count of 4 for 8 structures and repeated ids.
t=hest-template.aml
check "template: the count mismatch is reported" has $t \
	"error[HEST-COUNT]: Error Source Count is 4 but the table holds 8 structures"
check "template: id 0 repeated by the AER endpoint" has $t ":0xf2: error[HEST-DUP-ID]: source 0 (aer-endpoint): source id 0"
check "template: id 0 repeated by the AER bridge" has $t ":0x11e: error[HEST-DUP-ID]: source 0 (aer-bridge): source id 0"
check "template: id 3 repeated by the GHESv2" has $t ":0x1d6: error[HEST-DUP-ID]: source 3 (ghes-v2): source id 3"
check "template: id 1 repeated by the deferred MC" has $t ":0x232: error[HEST-DUP-ID]: source 1 (deferred-mc): source id 1"

# A HEST inside a whole-machine acpidump gives the same diagnostics as the
# same table on its own (names aside).
for m in Supermicro_X7_22C25EDFF9A3 Supermicro_X8_40AECBFF4573; do
	sed 's/^[^:]*:[0-9]*\[HEST\]//' "$scratch/$m.txt.out" >"$scratch/$m.a"
	sed "s/^$m\.dat//" "$scratch/$m.dat.out" >"$scratch/$m.b"
	if cmp -s "$scratch/$m.a" "$scratch/$m.b"; then
		ok "$m: the HEST found in the acpidump text checks like the raw table"
	else
		not_ok "$m: the HEST found in the acpidump text checks like the raw table"
		diag "$(diff "$scratch/$m.b" "$scratch/$m.a")"
	fi
done
check "the iasl Raw Table Data form is read (QEMU reference)" has aarch64-virt-HEST.loaded.dsl "2 GHES registered"
done_testing
