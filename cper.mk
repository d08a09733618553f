# CPER error records: status blocks and records (build, encode, decode, check,
# list), GHES block sizing and the run-time helper for VMMs.
libhest_la_SOURCES += lib/cper_fields.c lib/cper.c lib/ghes_runtime.c \
	emit/cper.c emit/cper_text.c parser/cper_bin.c parser/cper_desc.c \
	validate/cper_check.c validate/rules_cper.c
hestinclude_HEADERS += include/hest/cper.h
hestc_hestc_SOURCES += hestc/cmd_cper.c
hestc_hestval_SOURCES += hestc/val_cper.c

# --- tests ---------------------------------------------------------------------
check_PROGRAMS += tests/unit/cper_fields_test tests/unit/cper_roundtrip_test
tests_unit_cper_fields_test_SOURCES = tests/unit/cper_fields_test.c tests/unit/tap.h
tests_unit_cper_fields_test_LDADD = libhest.la
tests_unit_cper_roundtrip_test_SOURCES = tests/unit/cper_roundtrip_test.c tests/unit/tap.h
tests_unit_cper_roundtrip_test_LDADD = libhest.la
TESTS += tests/unit/cper_fields_test tests/unit/cper_roundtrip_test
EXTRA_DIST += examples/cper
