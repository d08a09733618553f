#!/bin/sh
# Golden error status blocks: examples/cper/NAME.yaml -> tests/golden/cper/NAME.bin,
# byte for byte; each golden decodes and checks clean.  `make regen-golden-cper`
# (or regen-golden) rewrites the goldens; review the diff like code.
. "$top_srcdir/tests/lib.sh"
quiet() { "$@" >/dev/null 2>&1; }
regen=false
[ "${1:-}" = --regenerate ] && regen=true
gold="$top_srcdir/tests/golden/cper"
mkdir -p "$gold"
n=0
for y in "$top_srcdir"/examples/cper/*.yaml; do
	name=$(basename "$y" .yaml)
	n=$((n + 1))
	out="$scratch/$name.bin"
	if ! "$HESTC" cper -q "$y" -o "$out"; then
		not_ok "$name: hestc cper builds it"
		continue
	fi
	if $regen; then
		cp "$out" "$gold/$name.bin" && ok "$name: golden regenerated"
		continue
	fi
	check "$name: bytes equal tests/golden/cper/$name.bin" cmp -s "$out" "$gold/$name.bin"
	"$HESTC" cper -q "$y" -o "$scratch/again.bin"
	check "$name: building twice gives identical bytes" cmp -s "$out" "$scratch/again.bin"
	check "$name: hestval cper --werror finds nothing to report" \
		quiet "$HESTVAL" cper --werror "$gold/$name.bin"
	"$HESTVAL" cper "$gold/$name.bin" >"$scratch/list.txt" 2>&1
	check "$name: the listing names every field of the section" \
		grep -q "section #0: .*($(sed -n 's/^ *- type: *\([a-z0-9-]*\).*/\1/p' "$y" | head -n 1)" "$scratch/list.txt"
done
$regen || for g in "$gold"/*.bin; do
	name=$(basename "$g" .bin)
	check "golden $name.bin has its example" [ -f "$top_srcdir/examples/cper/$name.yaml" ]
done
check "examples/cper/*.yaml found ($n)" [ "$n" -ge 10 ]
done_testing
