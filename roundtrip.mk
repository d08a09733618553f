# Round trip: `hestc decompile` (HEST -> description), `--emit dsl` (iasl
# data-table source), their tests and the decompile goldens.
libhest_la_SOURCES += emit/yaml.c emit/dsl.c emit/decompile.c
hestinclude_HEADERS += include/hest/decompile.h
hestc_hestc_SOURCES += hestc/cmd_decompile.c

TESTS += tests/roundtrip/decompile.sh tests/roundtrip/dsl.sh tests/roundtrip/golden.sh \
	tests/roundtrip/keys.sh tests/roundtrip/mutate.sh tests/roundtrip/dsl-sweep.sh

# The sweep's cases come from libhest's field tables (tests/roundtrip/dsl-sweep.sh).
check_PROGRAMS += tests/roundtrip/dsl-sweep-cases
tests_roundtrip_dsl_sweep_cases_SOURCES = tests/roundtrip/dsl-sweep-cases.c
tests_roundtrip_dsl_sweep_cases_LDADD = libhest.la
EXTRA_DIST += tests/roundtrip tests/golden/decompile

# The decompile goldens change only through this target; review the diff.
regen-golden-decompile: hestc/hestc
	$(AM_TESTS_ENVIRONMENT) $(SHELL) $(top_srcdir)/tests/roundtrip/golden.sh --regenerate
.PHONY: regen-golden-decompile
