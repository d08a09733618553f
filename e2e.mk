# End-to-end tests (docs/e2e.md): Debian's Linux, booted under QEMU/TCG with
# SeaBIOS or OVMF (x86) or AAVMF (arm64), reads hestc's tables and decodes
# records hestc cper wrote; QEMU's own arm HEST is compared with hestc's.
# `make check-e2e` runs them through the same TAP harness as `make check`
# (so .ci/run counts them); `make check` does not, they take a few minutes.
E2E_TESTS = tests/e2e/require.sh tests/e2e/fixed.sh tests/e2e/loader.sh tests/e2e/ovmf.sh \
	tests/e2e/block-length.sh tests/e2e/arm-virt.sh tests/e2e/qemu-judge.sh \
	tests/e2e/linux-model.sh

# Test-only: a loader listing -> binary etc/table-loader (libhest's parser
# and encoder), for the harness's companion-table commands.
check_PROGRAMS += tests/e2e/loader-asm
tests_e2e_loader_asm_SOURCES = tests/e2e/loader-asm.c
tests_e2e_loader_asm_LDADD = libhest.la

EXTRA_DIST += $(E2E_TESTS) tests/e2e/lib.sh tests/e2e/init tests/e2e/e2e.py \
	tests/e2e/loader.yaml tests/e2e/undersized.yaml tests/e2e/linux-model.yaml tests/e2e/records tests/e2e/q35 docs/e2e.md \
	tests/e2e/virt-arm64.yaml tests/e2e/virt

check-e2e: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(E2E_TESTS)' TEST_SUITE_LOG=tests/e2e/test-suite.log
.PHONY: check-e2e

# Each boot's files (console, BIOS log, tables) stay in tests/e2e/out.
clean-local: clean-e2e
clean-e2e:
	-rm -rf tests/e2e/out tests/e2e/test-suite.log
.PHONY: clean-e2e
