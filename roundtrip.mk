# Round trip: `hestc decompile` (HEST -> description), `--emit dsl` (iasl
# data-table source), their tests and the decompile goldens.
libhest_la_SOURCES += emit/yaml.c emit/dsl.c emit/decompile.c
hestinclude_HEADERS += include/hest/decompile.h
hestc_hestc_SOURCES += hestc/cmd_decompile.c

TESTS += tests/roundtrip/decompile.sh tests/roundtrip/dsl.sh tests/roundtrip/golden.sh \
	tests/roundtrip/keys.sh tests/roundtrip/mutate.sh
EXTRA_DIST += tests/roundtrip tests/golden/decompile

# The decompile goldens change only through this target; review the diff.
regen-golden-decompile: hestc/hestc
	$(AM_TESTS_ENVIRONMENT) $(SHELL) $(top_srcdir)/tests/roundtrip/golden.sh --regenerate
.PHONY: regen-golden-decompile
