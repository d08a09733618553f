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
tests_unit_cper_linux_test_SOURCES = tests/unit/cper_linux_test.c tests/unit/tap.h tests/unit/files.h
tests_unit_cper_linux_test_LDADD = libhest.la
# docs/cper.md's worked example, against the fixed-vmm placement golden.
check_PROGRAMS += tests/cper/vmm-example
tests_cper_vmm_example_SOURCES = tests/cper/vmm-example.c tests/unit/tap.h
tests_cper_vmm_example_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/golden/placement/fixed-vmm
tests_cper_vmm_example_LDADD = libhest.la
TESTS += tests/unit/cper_fields_test tests/unit/cper_roundtrip_test tests/unit/cper_runtime_test \
	tests/unit/cper_linux_test tests/cper/vmm-example tests/cper/golden.sh tests/cper/cli.sh tests/cper/sizing.sh
EXTRA_DIST += tests/cper docs/cper.md docs/cper.md.in

# Goldens change only through this target (tests/Makefile.inc's regen-golden runs it too).
regen-golden-cper: hestc/hestc
	$(AM_TESTS_ENVIRONMENT) $(SHELL) $(top_srcdir)/tests/cper/golden.sh --regenerate
.PHONY: regen-golden-cper

# docs/cper.md: its example and reference come from the code; tests/cper/cli.sh
# fails when it is stale.
regen-docs-cper: hestc/hestc
	$(SHELL) $(top_srcdir)/tests/cper/gen-doc.sh $(abs_top_builddir)/hestc/hestc $(top_srcdir)
.PHONY: regen-docs-cper
