#!/bin/sh
# docs/cper.md from docs/cper.md.in: the worked example (the DOC part of
# tests/cper/vmm-example.c) and the reference printed by `hestc cper --reference`.
# Usage: tests/cper/gen-doc.sh HESTC SRCDIR [--check]
set -eu
hestc=$1 src=$2 mode=${3:-write}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n '/^\/\* BEGIN DOC \*\/$/,/^\/\* END DOC \*\/$/p' "$src/tests/cper/vmm-example.c" | sed '1d;$d' >"$tmp/example.c"
"$hestc" cper --reference >"$tmp/ref.md"
awk -v ex="$tmp/example.c" -v ref="$tmp/ref.md" '
	$0 == "@VMM_EXAMPLE@" { while ((getline line < ex) > 0) print line; next }
	/<!-- BEGIN GENERATED/ { print; while ((getline line < ref) > 0) print line; next }
	{ print }
' "$src/docs/cper.md.in" >"$tmp/cper.md"
if [ "$mode" = --check ]; then
	cmp -s "$tmp/cper.md" "$src/docs/cper.md" || { diff -u "$src/docs/cper.md" "$tmp/cper.md" | head -20; exit 1; }
else
	cp "$tmp/cper.md" "$src/docs/cper.md"
fi
