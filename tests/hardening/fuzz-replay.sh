#!/bin/sh
# Every fuzz target over its regression inputs (fuzz/regressions/TARGET:
# each input a fuzzer once crashed on, kept so the bug stays fixed), its
# hand-picked seeds (fuzz/seeds/TARGET) and the seeds generated from the
# tree (goldens, examples, the shared corpus, what hestc compiles from the
# examples).  The targets' invariants are checked on each input: the
# decompile -> compile round trip of every golden and real table, the
# loader round trips and simulation of every example, ...
. "$top_srcdir/tests/lib.sh"

gen=$scratch/corpus
shared_dir=${shared_dir:-$top_srcdir/../shared} \
	$SHELL "$top_srcdir/fuzz/seeds.sh" "$top_srcdir" "$gen" "$HESTC" >"$scratch/seeds.log" 2>&1
check "seed corpora are generated" test -d "$gen/hest"

for t in hest acpidump loader desc cper cper_desc roundtrip ssdt layout; do
	replay=$top_builddir/fuzz/replay_$t
	n=$(find "$gen/$t" -type f | wc -l)
	"$replay" "$gen/$t" >"$scratch/$t.out" 2>"$scratch/$t.err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ "$n" -gt 0 ]; then
		ok "fuzz_$t: $(cat "$scratch/$t.out") (regressions, seeds, generated) pass"
	else
		not_ok "fuzz_$t: replay exits $rc over $n inputs"
		# name the input that failed: rerun verbosely
		"$replay" -v "$gen/$t" 2>&1 | grep -E 'replay:|invariant|ERROR|runtime error' | tail -n 5 | sed 's/^/# /'
	fi
done

done_testing
