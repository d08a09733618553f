# CPER error records: status blocks and records (build, encode, decode, check,
# list), GHES block sizing and the run-time helper for VMMs.
libhest_la_SOURCES += lib/cper_fields.c lib/cper.c lib/ghes_runtime.c \
	emit/cper.c emit/cper_text.c parser/cper_bin.c parser/cper_desc.c \
	validate/cper_check.c validate/rules_cper.c
hestinclude_HEADERS += include/hest/cper.h
hestc_hestc_SOURCES += hestc/cmd_cper.c
hestc_hestval_SOURCES += hestc/val_cper.c

# --- tests ---------------------------------------------------------------------
check_PROGRAMS += tests/unit/cper_fields_test tests/unit/cper_roundtrip_test tests/unit/cper_runtime_test \
	tests/unit/cper_linux_test
tests_unit_cper_fields_test_SOURCES = tests/unit/cper_fields_test.c tests/unit/tap.h
tests_unit_cper_fields_test_LDADD = libhest.la
tests_unit_cper_roundtrip_test_SOURCES = tests/unit/cper_roundtrip_test.c tests/unit/tap.h
tests_unit_cper_roundtrip_test_LDADD = libhest.la
tests_unit_cper_runtime_test_SOURCES = tests/unit/cper_runtime_test.c tests/unit/tap.h
tests_unit_cper_runtime_test_LDADD = libhest.la
tests_unit_cper_linux_test_SOURCES = tests/unit/cper_linux_test.c tests/unit/tap.h
tests_unit_cper_linux_test_LDADD = libhest.la
TESTS += tests/unit/cper_fields_test tests/unit/cper_roundtrip_test tests/unit/cper_runtime_test \
	tests/unit/cper_linux_test tests/cper/golden.sh tests/cper/cli.sh tests/cper/sizing.sh
EXTRA_DIST += tests/cper

# Goldens change only through this target (tests/Makefile.inc's regen-golden runs it too).
regen-golden-cper: hestc/hestc
	$(AM_TESTS_ENVIRONMENT) $(SHELL) $(top_srcdir)/tests/cper/golden.sh --regenerate
.PHONY: regen-golden-cper
