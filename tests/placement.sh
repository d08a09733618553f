#!/bin/sh
# Placement outputs: loader script (binary and listing), blobs, C header and
# JSON of the placement examples, compared with tests/golden/placement/.
# `tests/placement.sh --regenerate` rewrites the goldens (make regen-golden).
. "$top_srcdir/tests/lib.sh"
golden="$top_srcdir/tests/golden/placement"
examples="qemu-virt-arm64 qemu-virt-arm64-sea fixed-vmm vmm-loader-options"
regen=false
[ "${1:-}" = "--regenerate" ] && regen=true

for ex in $examples; do
	out="$scratch/$ex"
	if ! "$HESTC" compile "$top_srcdir/examples/$ex.yaml" -o "$out" --emit all -q 2>"$scratch/err"; then
		not_ok "$ex compiles with --emit all"
		sed 's/^/# /' "$scratch/err"
		continue
	fi
	ok "$ex compiles with --emit all"
	if $regen; then
		mkdir -p "$golden/$ex"
		rm -f "$golden/$ex"/*
		cp "$out"/* "$golden/$ex/"
		ok "$ex goldens regenerated"
		continue
	fi
	for f in "$golden/$ex"/*; do
		name=$(basename "$f")
		if cmp -s "$f" "$out/$name"; then
			ok "$ex/$name equals its golden"
		else
			not_ok "$ex/$name equals its golden"
			if [ -f "$out/$name" ]; then
				case $name in
				*.bin | *.aml) cmp -l "$f" "$out/$name" | head -5 | sed 's/^/# /' ;;
				*) diff -u "$f" "$out/$name" | head -20 | sed 's/^/# /' ;;
				esac
			else
				diag "$name was not written"
			fi
		fi
	done
	for f in "$out"/*; do
		[ -f "$golden/$ex/$(basename "$f")" ] || not_ok "$ex: $(basename "$f") has no golden"
	done
done
$regen && { done_testing; exit; }

# The header is usable from C99 and C++ with every warning an error, and its
# values agree with the JSON.
cc=${CC:-cc}
cxx=${CXX:-c++}
for ex in qemu-virt-arm64 fixed-vmm; do
	cat >"$scratch/use.c" <<'EOC'
#include <stdio.h>
#include "hest-layout.h"
int main(void)
{
	for (unsigned i = 0; i < HEST_LAYOUT_NUM_SOURCES; i++)
		printf("%s %u %llu %llu %lu\n", hest_layout_sources[i].name, (unsigned)hest_layout_sources[i].id,
		       (unsigned long long)hest_layout_sources[i].register_offset,
		       (unsigned long long)hest_layout_sources[i].block_offset,
		       (unsigned long)hest_layout_sources[i].block_size);
	return 0;
}
EOC
	check "$ex: hest-layout.h compiles with -std=c99 -Wall -Wextra -Werror -pedantic" \
		$cc -std=c99 -Wall -Wextra -Werror -pedantic -I"$golden/$ex" -o "$scratch/use" "$scratch/use.c"
	cp "$scratch/use.c" "$scratch/use.cc"
	check "$ex: hest-layout.h compiles as C++ with -Wall -Wextra -Werror" \
		$cxx -Wall -Wextra -Werror -I"$golden/$ex" -o "$scratch/usexx" "$scratch/use.cc"
	"$scratch/use" >"$scratch/from-header.txt"
	python3 - "$golden/$ex/hest-layout.json" >"$scratch/from-json.txt" <<'EOP'
import json, sys
for s in json.load(open(sys.argv[1]))["sources"]:
    print(s["name"], s["id"], s.get("register_offset", 0), s.get("block_offset", 0), s.get("block_size", 0))
EOP
	check "$ex: header table agrees with the JSON" cmp -s "$scratch/from-header.txt" "$scratch/from-json.txt"
done

# --emit kinds that do not apply are refused, and nothing is written.
"$HESTC" compile "$top_srcdir/examples/fixed-vmm.yaml" -o "$scratch/nl" --emit loader 2>"$scratch/err"
rc=$?
check "--emit loader with fixed placement exits 2" [ "$rc" -eq 2 ]
check "... saying why" grep -q "emit loader needs placement mode linker-loader" "$scratch/err"
check "... and writes nothing" [ ! -e "$scratch/nl/hest.aml" ]
done_testing
