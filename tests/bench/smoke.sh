#!/bin/sh
# The benchmark runs end to end with tiny N (bench/bench.py --smoke): the
# descriptions are generated, every program runs, iasl's table from our
# hest.dsl equals ours, and the results table is written.  No timing is
# checked here: times belong to `make bench`, never to a test.
. "$top_srcdir/tests/lib.sh"

out=$scratch/results
if python3 "$top_srcdir/bench/bench.py" --smoke --hestc "$HESTC" --hestval "$HESTVAL" \
	--baseline "$top_builddir/bench/yaml_baseline" --timeit "$top_builddir/bench/timeit" \
	--corpus "$shared_dir/corpus/real/hest" --srcdir "$top_srcdir" \
	--work "$scratch/work" --out "$out" 2>"$scratch/log"; then
	ok "bench.py --smoke runs"
else
	not_ok "bench.py --smoke runs"
	sed 's/^/# /' "$scratch/log"
fi
check "results.md written" test -s "$out/results.md"
# the injection benchmark, a few records: it runs, the simulated OS saw
# every record in order (it exits 1 otherwise), and every row is written
check "inject_bench runs (200 records, the OS checks each)" \
	"$top_builddir/bench/inject_bench" --records 200 --runs 1 --dir "$scratch" --out "$out/inject.md"
check "inject.md has its 10 rows" test "$(grep -c "^| [hw]" "$out/inject.md")" -eq 10
check "the warned-description row is there (N=8 in the smoke run)" \
	grep -q "^| 8 | [0-9.]* [mµ]*s / [0-9.]* [mµ]*s | [0-9.]* [mµ]*s / [0-9.]* [mµ]*s | [0-9.]*× |$" "$out/results.md"
check "results.tsv has its runs" grep -q "^hestc-warn	8	1	" "$out/results.tsv"
check "its target is judged" grep -q "^| hestc compile N=8, every source warned, within 2× of the clean one | " "$out/results.md"
for n in 1 8; do
	check "results.md has the compile row for N=$n" grep -q "^| $n | [0-9.]* KiB | " "$out/results.md"
	check "results.tsv has hestc runs for N=$n" grep -q "^hestc	$n	1	" "$out/results.tsv"
done
if [ -n "$IASL" ] && command -v "$IASL" >/dev/null 2>&1; then
	check "iasl's table from our hest.dsl is ours (N=1, 8)" \
		test "$(grep -c 'N=[18]: iasl.s table from our hest.dsl: identical' "$scratch/log")" -eq 2
fi
if [ -d "$shared_dir/corpus/real/hest" ]; then
	check "the corpus row is there" grep -q "^| hestval validate, every table |" "$out/results.md"
	if [ -n "$IASL" ] && command -v "$IASL" >/dev/null 2>&1; then
		check "the corpus target is judged round by round" \
			grep -q "^| hestval over the corpus < one iasl start-up (iasl -v) | .*; faster in [0-9]* of [0-9]* rounds |" \
			"$out/results.md"
	fi
fi
# The baseline really parses: it counts the events of a description.
python3 "$top_srcdir/bench/gendesc.py" 2 "$scratch/two.yaml"
check "yaml_baseline counts the events of a 2-source description" \
	sh -c "'$top_builddir/bench/yaml_baseline' '$scratch/two.yaml' | grep -q '^[1-9][0-9]* events$'"
check "yaml_baseline refuses a YAML error" sh -c "printf 'a: [\n' >'$scratch/bad.yaml'; \
	'$top_builddir/bench/yaml_baseline' '$scratch/bad.yaml' >/dev/null 2>&1; test \$? -eq 1"
# timeit reports the child's status and stops a child at its time limit.
check "timeit reports a child's exit status" sh -c "'$top_builddir/bench/timeit' -- sh -c 'exit 3' | grep -q ' 3\$'"
check "timeit stops a child at -t" sh -c "'$top_builddir/bench/timeit' -t 0.2 -- sleep 5 | grep -q ' timeout\$'"
done_testing
