#!/bin/sh
# Golden error status blocks: examples/cper/NAME.yaml -> tests/golden/cper/NAME.bin,
# byte for byte; each golden decodes and checks clean.  Each status block's
# QMP command (hestc cper --format qmp; --block-size 4KiB for a block over
# QEMU's 1 KiB) -> tests/golden/cper/NAME.qmp, whose payload, base64-decoded
# by Python, is the .bin, and which hestval cper lists exactly as the .bin.  `make regen-golden-cper`
# (or regen-golden) rewrites the goldens; review the diff like code.  The
# YAML and JSON descriptions hestval cper writes of each golden build it again.
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
	qmp=
	if ! grep -q '^form: *record' "$y"; then
		qmp="$scratch/$name.qmp"
		size=
		[ "$(wc -c <"$out")" -gt 1024 ] && size="--block-size 4KiB"
		# shellcheck disable=SC2086 # size is empty or two words
		if ! "$HESTC" cper -q --format qmp $size "$y" -o "$qmp"; then
			not_ok "$name: hestc cper --format qmp $size builds its QMP command"
			continue
		fi
	fi
	if $regen; then
		cp "$out" "$gold/$name.bin" && ok "$name: golden regenerated"
		[ -z "$qmp" ] || { cp "$qmp" "$gold/$name.qmp" && ok "$name: QMP golden regenerated"; }
		continue
	fi
	if [ -n "$qmp" ]; then
		check "$name: QMP command equals tests/golden/cper/$name.qmp" cmp -s "$qmp" "$gold/$name.qmp"
		check "$name: the QMP command's cper, base64-decoded by Python, is the golden block" python3 -c '
import base64, json, sys
text = open(sys.argv[1]).read()
assert text.endswith("}\n") and text.count("\n") == 1, "one newline-terminated line"
cmd = json.loads(text)
assert list(cmd) == ["execute", "arguments"] and cmd["execute"] == "inject-ghes-v2-error"
assert list(cmd["arguments"]) == ["cper"]
assert base64.b64decode(cmd["arguments"]["cper"], validate=True) == open(sys.argv[2], "rb").read()
' "$gold/$name.qmp" "$gold/$name.bin"
		"$HESTVAL" cper "$gold/$name.qmp" >"$scratch/qmp-list.txt" 2>&1
		"$HESTVAL" cper "$gold/$name.bin" >"$scratch/bin-list.txt" 2>&1
		check "$name: hestval cper lists the QMP command exactly as the block" \
			cmp -s "$scratch/qmp-list.txt" "$scratch/bin-list.txt"
		"$HESTVAL" cper --format json "$gold/$name.qmp" | sed 's/^{"file":"[^"]*","input":"[a-z0-9]*",/{/' >"$scratch/qmp.json"
		"$HESTVAL" cper --format json "$gold/$name.bin" | sed 's/^{"file":"[^"]*","input":"[a-z0-9]*",/{/' >"$scratch/bin.json"
		check "$name: ... and as JSON (file and input aside)" cmp -s "$scratch/qmp.json" "$scratch/bin.json"
	fi
	check "$name: bytes equal tests/golden/cper/$name.bin" cmp -s "$out" "$gold/$name.bin"
	# the description hestval cper writes back builds the same bytes
	"$HESTVAL" cper --format yaml "$gold/$name.bin" >"$scratch/back.yaml" 2>/dev/null &&
		"$HESTC" cper -q "$scratch/back.yaml" -o "$scratch/back.bin" 2>/dev/null
	check "$name: hestval cper --format yaml, built again, is the golden" cmp -s "$scratch/back.bin" "$gold/$name.bin"
	"$HESTVAL" cper --format json "$gold/$name.bin" >"$scratch/back.json" 2>/dev/null &&
		"$HESTC" cper -q "$scratch/back.json" -o "$scratch/back2.bin" 2>/dev/null
	check "$name: hestval cper --format json (the whole report), built again, is the golden" \
		cmp -s "$scratch/back2.bin" "$gold/$name.bin"
	"$HESTC" cper -q "$y" -o "$scratch/again.bin"
	check "$name: building twice gives identical bytes" cmp -s "$out" "$scratch/again.bin"
	check "$name: hestval cper --werror finds nothing to report" \
		quiet "$HESTVAL" cper --werror "$gold/$name.bin"
	"$HESTVAL" cper "$gold/$name.bin" >"$scratch/list.txt" 2>&1
	check "$name: the listing names every field of the section" \
		grep -q "section #0: .*($(sed -n 's/^ *- type: *\([a-z0-9-]*\).*/\1/p' "$y" | head -n 1)" "$scratch/list.txt"
done
$regen || for g in "$gold"/*.bin "$gold"/*.qmp; do
	name=$(basename "$g")
	check "golden $name has its example" [ -f "$top_srcdir/examples/cper/${name%.*}.yaml" ]
done
check "examples/cper/*.yaml found ($n)" [ "$n" -ge 11 ]
done_testing
