# hestval validate: binary and acpidump decoders, the validation rules, the
# Linux acceptance summary, the command, and their tests.
libhest_la_SOURCES += parser/bin.c parser/acpidump.c parser/cursor.h \
	validate/check_internal.h validate/check_run.c validate/check_table.c validate/check_source.c \
	validate/check_cross.c validate/check_gas.c validate/check_cper.c validate/check_loader.c validate/check_desc.c \
	validate/linux.c validate/rules_val.c
hestinclude_HEADERS += include/hest/decode.h include/hest/validate.h
hestc_hestval_SOURCES += hestc/val_validate.c hestc/val_outdir.c hestc/val_outdir.h

check_PROGRAMS += tests/val/robust_test tests/val/rules_test tests/val/reuse_test
tests_val_robust_test_SOURCES = tests/val/robust_test.c tests/unit/tap.h tests/unit/files.h
tests_val_robust_test_LDADD = libhest.la
tests_val_rules_test_SOURCES = tests/val/rules_test.c tests/unit/tap.h
tests_val_rules_test_LDADD = libhest.la
tests_val_reuse_test_SOURCES = tests/val/reuse_test.c tests/unit/tap.h tests/unit/files.h
tests_val_reuse_test_LDADD = libhest.la

VAL_TESTS = tests/val/rules.sh tests/val/rules-doc.sh tests/val/corpus.sh tests/val/fwts.sh \
	tests/val/goldens.sh tests/val/loader.sh tests/val/cli.sh tests/val/outdir.sh
TESTS += $(VAL_TESTS) tests/val/robust_test tests/val/rules_test tests/val/reuse_test
EXTRA_DIST += $(VAL_TESTS) tests/val/hestpatch.py tests/golden/val docs/rules.md tests/val/uefi-regression

# The diagnostics recorded for each real table change only through this
# target; review the diff like code.
regen-golden-val: hestc/hestval
	$(AM_TESTS_ENVIRONMENT) REGEN=1 $(SHELL) $(top_srcdir)/tests/val/corpus.sh
.PHONY: regen-golden-val
