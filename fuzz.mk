# Hardening (docs/robustness.md): fuzz targets, their regression inputs,
# the hostile-input and nothing-lost tests, the valgrind run.
#
#   make fuzz             libFuzzer targets (clang; fuzz/build.sh) in fuzz/bin
#   make fuzz-smoke       each target for FUZZ_SMOKE_SECONDS (20) from generated seeds
#   make fuzz-run         each target for FUZZ_SECONDS (600), FUZZ_PARALLEL (2) at once
#   make fuzz-coverage    line coverage of the decoders and the validator by the corpus
#   make check-valgrind   the programs under valgrind memcheck over every input the tests have
#
# The targets are built with a separate clang invocation, so the normal
# (gcc) build and its flags are untouched.  `make check` replays every
# target over its seeds and regression inputs (fuzz/replay.c, normal
# compiler): a crash the fuzzer found stays fixed.

FUZZ_TARGETS = hest acpidump loader desc cper cper_desc roundtrip ssdt
FUZZ_CC = clang
FUZZ_JOBS = 2
FUZZ_SMOKE_SECONDS = 20
FUZZ_SECONDS = 600
FUZZ_PARALLEL = 2
LLVM_PROFDATA = llvm-profdata
LLVM_COV = llvm-cov

# --- replay drivers (normal compiler) and the tests --------------------------
check_PROGRAMS += fuzz/replay_hest fuzz/replay_acpidump fuzz/replay_loader fuzz/replay_desc \
	fuzz/replay_cper fuzz/replay_cper_desc fuzz/replay_roundtrip fuzz/replay_ssdt
fuzz_replay_hest_SOURCES = fuzz/fuzz_hest.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_hest_LDADD = libcli.la libhest.la
fuzz_replay_acpidump_SOURCES = fuzz/fuzz_acpidump.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_acpidump_LDADD = libcli.la libhest.la
fuzz_replay_loader_SOURCES = fuzz/fuzz_loader.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_loader_LDADD = libcli.la libhest.la
fuzz_replay_desc_SOURCES = fuzz/fuzz_desc.c fuzz/replay.c fuzz/fuzz.h hestc/emitters.c
fuzz_replay_desc_LDADD = libcli.la libhest.la
fuzz_replay_cper_SOURCES = fuzz/fuzz_cper.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_cper_LDADD = libcli.la libhest.la
fuzz_replay_cper_desc_SOURCES = fuzz/fuzz_cper_desc.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_cper_desc_LDADD = libcli.la libhest.la
fuzz_replay_roundtrip_SOURCES = fuzz/fuzz_roundtrip.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_roundtrip_LDADD = libcli.la libhest.la
fuzz_replay_ssdt_SOURCES = fuzz/fuzz_ssdt.c fuzz/replay.c fuzz/fuzz.h
fuzz_replay_ssdt_LDADD = libcli.la libhest.la

TESTS += tests/hardening/fuzz-replay.sh tests/hardening/limits.sh tests/hardening/nothing-lost.sh
EXTRA_DIST += fuzz/build.sh fuzz/seeds.sh fuzz/run.sh fuzz/coverage.sh fuzz/seeds fuzz/regressions \
	tests/hardening docs/robustness.md

# --- libFuzzer build -----------------------------------------------------------
fuzz: config.h
	FUZZ_CC='$(FUZZ_CC)' FUZZ_JOBS='$(FUZZ_JOBS)' YAML_CFLAGS='$(YAML_CFLAGS)' YAML_LIBS='$(YAML_LIBS)' \
	CONFIG_H_DIR='$(abs_top_builddir)' \
	$(SHELL) $(srcdir)/fuzz/build.sh fuzz '$(abs_top_srcdir)' fuzz/bin $(libhest_la_SOURCES)

# Seeds from the tree (goldens, examples, the shared corpus) and what hestc
# compiles from the examples; regenerated each time, never committed.
fuzz-corpus: hestc/hestc
	shared_dir='$(SHARED_DIR)' \
	$(SHELL) $(srcdir)/fuzz/seeds.sh '$(abs_top_srcdir)' fuzz/corpus '$(abs_top_builddir)/hestc/hestc'

fuzz-smoke: fuzz fuzz-corpus
	FUZZ_PARALLEL=1 $(SHELL) $(srcdir)/fuzz/run.sh fuzz/bin fuzz/corpus $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

fuzz-run: fuzz fuzz-corpus
	FUZZ_PARALLEL=$(FUZZ_PARALLEL) $(SHELL) $(srcdir)/fuzz/run.sh fuzz/bin fuzz/corpus $(FUZZ_SECONDS) \
		$(FUZZ_TARGETS)

fuzz-coverage: config.h fuzz-corpus
	FUZZ_CC='$(FUZZ_CC)' FUZZ_JOBS='$(FUZZ_JOBS)' YAML_CFLAGS='$(YAML_CFLAGS)' YAML_LIBS='$(YAML_LIBS)' \
	CONFIG_H_DIR='$(abs_top_builddir)' \
	$(SHELL) $(srcdir)/fuzz/build.sh cov '$(abs_top_srcdir)' fuzz/cov $(libhest_la_SOURCES)
	LLVM_PROFDATA='$(LLVM_PROFDATA)' LLVM_COV='$(LLVM_COV)' \
	$(SHELL) $(srcdir)/fuzz/coverage.sh '$(abs_top_srcdir)' fuzz/cov fuzz/corpus $(FUZZ_TARGETS)

clean-local: clean-fuzz
clean-fuzz:
	-rm -rf fuzz/bin fuzz/cov fuzz/corpus

.PHONY: fuzz fuzz-corpus fuzz-smoke fuzz-run fuzz-coverage clean-fuzz

# valgrind memcheck over the programs (tests/hardening/valgrind.sh), through
# the same TAP harness as `make check`.
check-valgrind: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='tests/hardening/valgrind.sh' \
		TEST_SUITE_LOG=tests/hardening/valgrind-suite.log
.PHONY: check-valgrind
