#!/bin/sh
# The description parser reads `sources:` as a stream (parser/ytree.c's
# struct ystream): each source is parsed as soon as it has been read and its
# nodes are released.  Nothing may depend on where `sources:` stands: each
# example is compiled as written and with its `sources:` block moved to the
# top (before `table:` and `placement:`, which some sources' keys, like
# block_address, depend on), and every output must be the same.
. "$top_srcdir/tests/lib.sh"

# sources_first IN OUT: the top-level blocks of IN (a key at column 0 with
# the lines under it), `sources:` first, the others in their order.
sources_first() {
	awk '
	/^[A-Za-z_][A-Za-z0-9_]*:/ { cur = ($0 ~ /^sources:/) ? "s" : "o" }
	!cur { head = head $0 "\n"; next }
	cur == "s" { s = s $0 "\n"; next }
	{ o = o $0 "\n" }
	END { printf "%s%s%s", head, s, o }' "$1" >"$2"
}

for ex in fixed-vmm x86-server qemu-virt-arm64 arm-ged-gpio vmm-loader-options; do
	src=$top_srcdir/examples/$ex.yaml
	if [ ! -f "$src" ]; then
		not_ok "$ex: no examples/$ex.yaml"
		continue
	fi
	mkdir "$scratch/$ex" "$scratch/$ex/a" "$scratch/$ex/b"
	cp "$src" "$scratch/$ex/a.yaml"
	sources_first "$src" "$scratch/$ex/b.yaml"
	if cmp -s "$scratch/$ex/a.yaml" "$scratch/$ex/b.yaml" ||
	   [ "$(head -c 8 "$scratch/$ex/a.yaml")" = "sources:" ]; then
		not_ok "$ex: reordering changed nothing (the test would prove nothing)"
		continue
	fi
	(cd "$scratch/$ex" && "$HESTC" compile -q a.yaml --emit all -o a && "$HESTC" compile -q b.yaml --emit all -o b) \
		>"$scratch/$ex/log" 2>&1
	rc=$?
	# hest.dsl and the header name their description; compare with the name replaced
	same=yes
	for f in "$scratch/$ex"/a/*; do
		n=${f##*/}
		sed 's/a\.yaml/X.yaml/g' "$f" >"$scratch/$ex/fa"
		sed 's/b\.yaml/X.yaml/g' "$scratch/$ex/b/$n" >"$scratch/$ex/fb" 2>/dev/null || same="no b/$n"
		cmp -s "$scratch/$ex/fa" "$scratch/$ex/fb" || same="no ($n differs)"
	done
	if [ "$rc" -eq 0 ] && [ "$same" = yes ] && [ -s "$scratch/$ex/a/hest.aml" ]; then
		ok "$ex: sources first gives the same $(ls "$scratch/$ex/a" | wc -l) outputs"
	else
		not_ok "$ex: exit $rc, same: $same"
		sed 's/^/# /' "$scratch/$ex/log"
	fi
done
done_testing
