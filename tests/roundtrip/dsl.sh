#!/bin/sh
# `hestc compile --emit dsl`: iasl compiles hest.dsl back to hest.aml.
#
# For every example (each has a golden), hest.dsl goes through iasl 20200925
# twice:
#   iasl -z  keeps the creator id and revision of the source: the result must
#            equal tests/golden/NAME.aml byte for byte, except where iasl cannot
#            follow (below);
#   iasl     stamps its own creator ("INTL") and version over bytes 28..35 and
#            so changes the checksum: equal with those 8 bytes and byte 9 masked,
#            and bytes 28..31 must read "INTL".
# The one thing iasl 20200925 cannot say: bit 1 (Global) of the flags of an
# AER structure (types 6, 7, 8), because its HEST table reads the "Global"
# line as bit 0.  hestc writes "Global : 0" there and warns; this test allows
# exactly that bit at exactly those bytes (and the checksum it moves), found
# by walking the golden itself.
#
# A missing iasl is a failure, not a skip (acpica-tools is in
# scripts/debian-packages.txt).
. "$top_srcdir/tests/lib.sh"

need_iasl
ok "iasl found: $iasl"

# compare GOT WANT MASKCREATOR: "ok" or the reason they differ.  Allowed:
# byte 9 (checksum) when anything else differs in an allowed way, bytes
# 28..35 when MASKCREATOR is 1, and bit 1 of the flags byte (+6) of AER
# structures whose golden byte has it.
compare() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys
got, want, mask_creator = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read(), sys.argv[3] == "1"
if len(got) != len(want):
    sys.exit("%d bytes, golden %d" % (len(got), len(want)))
FIXED = {0: 40, 1: 48, 2: 20, 6: 48, 7: 44, 8: 56, 9: 64, 10: 92, 11: 48}
BANKS = {0: 32, 1: 44, 11: 44}
allowed = {9} | (set(range(28, 36)) if mask_creator else set())
global_bytes = set()
at = 40 if want[:4] == b"HEST" else len(want)  # a BERT/EINJ has no HEST structures to walk
while at + 4 <= len(want):
    t = want[at] | want[at + 1] << 8
    if t not in FIXED:
        sys.exit("golden has an unknown type %d at 0x%x" % (t, at))
    n = FIXED[t] + (28 * want[at + BANKS[t]] if t in BANKS else 0)
    if t in (6, 7, 8):
        global_bytes.add(at + 6)
    at += n
for i, (g, w) in enumerate(zip(got, want)):
    if g == w or i in allowed:
        continue
    if i in global_bytes and g ^ w == 0x02 and w & 0x02:
        continue
    sys.exit("byte 0x%x: iasl 0x%02x, golden 0x%02x" % (i, g, w))
if mask_creator and got[28:32] != b"INTL":
    sys.exit("iasl did not stamp INTL: %r" % got[28:32])
if sum(got) % 256:
    sys.exit("iasl's table does not sum to 0")
print("ok")
PY
}

n=0
for yaml in "$top_srcdir"/examples/*.yaml; do
	[ -e "$yaml" ] || continue
	name=$(basename "$yaml" .yaml)
	golden=$top_srcdir/tests/golden/$name.aml
	[ -f "$golden" ] || continue
	n=$((n + 1))
	dir=$scratch/$name
	t=hest # the table's file name: bert.dsl / einj.dsl for a BERT or EINJ
	grep -q 'signature: "*BERT' "$yaml" && t=bert
	grep -q 'signature: "*EINJ' "$yaml" && t=einj
	grep -q 'signature: "*ERST' "$yaml" && t=erst
	if ! "$HESTC" compile -q "$yaml" -o "$dir" --emit dsl 2>"$dir.err"; then
		not_ok "$name: compiles with --emit dsl"
		while IFS= read -r l; do diag "  $l"; done <"$dir.err"
		continue
	fi
	check "$name: $t.aml still equals the golden with --emit dsl" cmp -s "$dir/$t.aml" "$golden"
	for z in 1 0; do
		mkdir -p "$dir/iasl$z"
		cp "$dir/$t.dsl" "$dir/iasl$z/$t.dsl"
		flag=
		[ "$z" = 1 ] && flag=-z
		if ! (cd "$dir/iasl$z" && "$iasl" $flag $t.dsl >iasl.log 2>&1) || [ ! -s "$dir/iasl$z/$t.aml" ]; then
			not_ok "$name: iasl $flag compiles $t.dsl"
			tail -n 5 "$dir/iasl$z/iasl.log" | while IFS= read -r l; do diag "  $l"; done
			continue
		fi
		check "$name: iasl $flag compiles $t.dsl without warnings" \
			grep -q 'Compilation successful. 0 Errors, 0 Warnings' "$dir/iasl$z/iasl.log"
		mask=$((1 - z))
		r=$(compare "$dir/iasl$z/$t.aml" "$golden" "$mask" 2>&1)
		if [ "$r" = ok ]; then
			ok "$name: iasl ${flag:-(no -z)} gives the golden's bytes$([ $mask = 1 ] && echo ', creator and checksum masked')"
		else
			not_ok "$name: iasl ${flag:-(no -z)} gives the golden's bytes: $r"
		fi
	done
	# The Global flag is the only thing lost, and hestc says so.
	if grep -q 'Global : 0    /\*' "$dir/hest.dsl"; then
		check "$name: the lost Global flag is reported on stderr" grep -q 'cannot set flags bit 1' "$dir.err"
	else
		check "$name: --emit dsl reports nothing" sh -c "! grep -q -- '--emit dsl' '$dir.err'"
	fi
done
check "examples with goldens found ($n)" test "$n" -ge 20

# Our labels are iasl's: the field lines of hest.dsl for iasl's own template
# name the same fields, with the same widths, in the same order as the
# template `iasl -T HEST` printed.
tmpl=$shared_dir/reference/iasl/hest-template.dsl
fields() { sed -n 's/^\[\([0-9]*\)\] *\([^:]*[^ :]\) *:.*/\1 \2/p; s/^  *\([A-Za-z][^:]*[^ :]\) *: [01]\( .*\)\{0,1\}$/flag \1/p' "$1"; }
if [ -f "$tmpl" ] && [ -f "$scratch/iasl-template/hest.dsl" ]; then
	fields "$tmpl" >"$scratch/want.fields"
	fields "$scratch/iasl-template/hest.dsl" >"$scratch/got.fields"
	if cmp -s "$scratch/want.fields" "$scratch/got.fields"; then
		ok "iasl-template: hest.dsl has iasl's labels and widths ($(wc -l <"$scratch/got.fields") lines)"
	else
		not_ok "iasl-template: hest.dsl has iasl's labels and widths"
		diff "$scratch/want.fields" "$scratch/got.fields" | head -n 10 | while IFS= read -r l; do diag "  $l"; done
	fi
else
	not_ok "iasl's template ($tmpl) and our dsl of examples/iasl-template.yaml exist"
fi

# What iasl cannot say is an error, and nothing is written.
bad() { # bad NAME EXPECTED-MESSAGE YAML
	printf '%s\n' "$3" >"$scratch/$1.yaml"
	rc=0
	"$HESTC" compile -q "$scratch/$1.yaml" -o "$scratch/$1.out" --emit dsl 2>"$scratch/$1.err" || rc=$?
	check "$1: --emit dsl refuses (exit 1, got $rc)" test "$rc" = 1
	check "$1: the message says why" grep -q "$2" "$scratch/$1.err"
	check "$1: nothing is written" test ! -e "$scratch/$1.out/hest.dsl" -a ! -e "$scratch/$1.out/hest.aml"
}
ghes='{ type: ghes, id: 0, notification: { type: polled }, error_status_address: 0x1000 }'
bad raw-source "raw bytes" "sources: [ $ghes, { raw: 0c 00 01 00 } ]"
bad trailing "trailing_bytes" "trailing_bytes: 00 01
sources: [ $ghes ]"
bad checksum "checksum" "table: { checksum: 0x12 }
sources: [ $ghes ]"
bad length "Table Length" "table: { length: 200 }
sources: [ $ghes ]"
bad oem-id "oem_id" "table: { oem_id: { hex: 41 42 ff 00 00 00 } }
sources: [ $ghes ]"
bad unknown-flag "bits 0x8" "sources: [ { type: mce, id: 0, flags: [firmware-first, 0x8] } ]"
bad reserved "labelled \"Reserved\"" "sources: [ { type: ghes, id: 0, reserved_6: 3, notification: { type: polled }, error_status_address: 0x1000 } ]"
bad bank-reserved "banks\[0\].reserved_3" "sources: [ { type: mce, id: 0, banks: [ { reserved_3: 1 } ] } ]"
# iasl 20200925 compiles every Notify Length as 28, whatever the line says
# (firmware has shipped 92, a GHESv2's length, there).
bad notify-length "source 'ghes_0': notification.length 92 (0x5c) cannot be written for iasl, which always compiles 28 (0x1c)" \
	"sources: [ { type: ghes, id: 0, notification: { type: polled, length: 92 }, error_status_address: 0x1000 } ]"
bad notify-length-cmc "source 'cmc_0': notification.length 0 (0x0) cannot be written for iasl, which always compiles 28 (0x1c)" \
	"sources: [ { type: cmc, id: 0, notification: { type: polled, length: 0 } } ]"

# ... while Reserved1 and Reserved2 reach iasl's table unchanged.
printf '%s\n' "sources: [ { type: mce, id: 0, reserved_4: 0x1234, reserved_33: 0x55 } ]" >"$scratch/res12.yaml"
if "$HESTC" compile -q "$scratch/res12.yaml" -o "$scratch/res12" --emit dsl 2>/dev/null &&
	(cd "$scratch/res12" && mv hest.aml ours.aml && "$iasl" -z hest.dsl >/dev/null 2>&1); then
	check "Reserved1/Reserved2: iasl -z keeps them" cmp -s "$scratch/res12/hest.aml" "$scratch/res12/ours.aml"
else
	not_ok "Reserved1/Reserved2: compiles with --emit dsl and iasl -z"
fi

done_testing
