# The SSDT of error device and event methods (issue 11): the AML encoder,
# the emitters, their tests and goldens.
libhest_la_SOURCES += lib/aml.c emit/ssdt.c emit/ssdt_asl.c emit/ssdt_plan.h \
	lib/aml_read.c validate/check_ssdt.c validate/rules_ssdt.c
hestinclude_HEADERS += include/hest/aml.h

check_PROGRAMS += tests/ssdt/aml_test
tests_ssdt_aml_test_SOURCES = tests/ssdt/aml_test.c tests/unit/tap.h
tests_ssdt_aml_test_LDADD = libhest.la
TESTS += tests/ssdt/aml_test tests/ssdt/ssdt.sh tests/ssdt/validate.sh
EXTRA_DIST += tests/ssdt/ssdt.sh tests/ssdt/validate.sh tests/ssdt/val tests/ssdt/cases tests/ssdt/dsdt-minimal.asl tests/golden/ssdt docs/ssdt.md

# Goldens of the SSDT change only through this target; review the diff.
regen-golden-ssdt: hestc/hestc
	$(AM_TESTS_ENVIRONMENT) $(SHELL) $(top_srcdir)/tests/ssdt/ssdt.sh --regenerate
.PHONY: regen-golden-ssdt
