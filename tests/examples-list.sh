#!/bin/sh
# Every example is installed and shipped: examples/Makefile.inc lists exactly
# the files in examples/.
. "$top_srcdir/tests/lib.sh"
listed=$(sed -n 's|^[[:space:]]*examples/\([^ \\]*\).*|\1|p' "$top_srcdir/examples/Makefile.inc" | sort)
present=$(cd "$top_srcdir/examples" && ls *.yaml | sort)
check "examples/Makefile.inc lists every examples/*.yaml and nothing else" [ "$listed" = "$present" ]
[ "$listed" = "$present" ] || { printf '%s\n' "$listed" >"$scratch/l"; printf '%s\n' "$present" >"$scratch/p"; diff "$scratch/l" "$scratch/p" | sed 's/^/# /'; }
done_testing
