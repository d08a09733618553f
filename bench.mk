# Benchmarks (bench/README.md): hestc and hestval side by side with iasl and
# libyaml's bare event parse.
#
#   make bench         the real run: N = 1 ... 65535 sources, several runs each,
#                      results (Markdown table, raw TSV, gnuplot PNG) in
#                      $(BENCH_OUT); takes minutes (iasl grows quadratically)
#   make bench-smoke   tiny N, one run each, results in bench/smoke: only checks
#                      that everything runs (make check runs it too, as
#                      tests/bench/smoke.sh; no timing is ever asserted)
#
# BENCH_SIZES, BENCH_RUNS and BENCH_IASL_TIMEOUT (seconds; iasl at 65535
# sources would take hours) may be given on the command line.

BENCH_SIZES = 1,8,64,512,1024,8192,65535
BENCH_RUNS = 7
BENCH_IASL_TIMEOUT = 600
BENCH_OUT = $(top_srcdir)/bench/results
BENCH_WORK = bench/work
BENCH_CORPUS = $(SHARED_DIR)/corpus/real/hest

check_PROGRAMS += bench/yaml_baseline bench/timeit
bench_yaml_baseline_SOURCES = bench/yaml_baseline.c
bench_yaml_baseline_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS)
bench_yaml_baseline_LDADD = $(YAML_LIBS)
if STATIC_PROGRAMS
# linked as hestc is (configure.ac): the baseline pays the same start-up
bench_yaml_baseline_LDFLAGS = -all-static
endif
bench_timeit_SOURCES = bench/timeit.c

TESTS += tests/bench/smoke.sh
EXTRA_DIST += bench/bench.py bench/gendesc.py bench/README.md bench/results tests/bench/smoke.sh

bench_programs = hestc/hestc$(EXEEXT) hestc/hestval$(EXEEXT) bench/yaml_baseline$(EXEEXT) bench/timeit$(EXEEXT)
bench_cmd = python3 $(top_srcdir)/bench/bench.py --hestc hestc/hestc$(EXEEXT) --hestval hestc/hestval$(EXEEXT) \
	--baseline bench/yaml_baseline$(EXEEXT) --timeit bench/timeit$(EXEEXT) --corpus '$(BENCH_CORPUS)' \
	--srcdir '$(top_srcdir)'

bench: $(bench_programs)
	$(bench_cmd) --work $(BENCH_WORK) --out '$(BENCH_OUT)' --sizes '$(BENCH_SIZES)' --runs '$(BENCH_RUNS)' \
		--iasl-timeout '$(BENCH_IASL_TIMEOUT)'

bench-smoke: $(bench_programs)
	$(bench_cmd) --smoke --work bench/smoke/work --out bench/smoke

clean-local: clean-bench
clean-bench:
	rm -rf $(BENCH_WORK) bench/smoke

.PHONY: bench bench-smoke clean-bench
