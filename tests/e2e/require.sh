#!/bin/sh
# The e2e harness fails, never skips, when a judge is missing: e2e_require
# is run with a QEMU that does not exist and with a busybox that is not
# static, and must report each as a failed test naming the Debian package,
# then stop before booting anything.
. "$top_srcdir/tests/lib.sh"

# run_require NAME VAR=VALUE: e2e_require in a fresh shell with one override.
run_require() {
	local name=$1
	shift
	rc=0
	env "$@" E2E_OUT="$scratch/$name" sh -c '. "$top_srcdir/tests/e2e/lib.sh"; e2e_require; echo "E2E-REACHED-BOOT"' \
		>"$scratch/$name.out" 2>&1 || rc=$?
	sed 's/^/#   /' "$scratch/$name.out"
}

run_require no-qemu QEMU=/nonexistent/qemu-system-x86_64
check "a missing qemu-system-x86_64 fails the test (exit status $rc)" [ "$rc" -ne 0 ]
check "it is a failed test point naming the package qemu-system-x86" \
	grep -q '^not ok .*qemu-system-x86_64 is missing: install the Debian package qemu-system-x86' "$scratch/no-qemu.out"
check "no test point is skipped" [ -z "$(grep -i '# *skip' "$scratch/no-qemu.out")" ]
check "nothing boots" [ -z "$(grep E2E-REACHED-BOOT "$scratch/no-qemu.out")" ]

run_require dynamic-busybox BUSYBOX=/bin/sh
check "a busybox that is not static fails the test (exit status $rc)" [ "$rc" -ne 0 ]
check "it is a failed test point naming the package busybox-static" \
	grep -q '^not ok .*static busybox .* is missing: install the Debian package busybox-static' "$scratch/dynamic-busybox.out"
check "nothing boots" [ -z "$(grep E2E-REACHED-BOOT "$scratch/dynamic-busybox.out")" ]

done_testing
