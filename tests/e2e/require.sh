#!/bin/sh
# The e2e harness fails, never skips, when a judge is missing: e2e_require
# is run with a QEMU that does not exist and with a busybox that is not
# static, and must report each as a failed test naming the Debian package,
# then stop before booting anything.  The same for each arm64 requirement
# (e2e_require_arm): qemu-system-aarch64, the AAVMF files, the arm64 6.1 and
# 6.12 kernels and their qemu_fw_cfg modules, an arm64 static busybox, QEMU
# 10.0.
. "$top_srcdir/tests/lib.sh"

# run_require NAME VAR=VALUE: e2e_require in a fresh shell with one override.
# REQUIRE (default empty) is e2e_require's argument list (ovmf, kernel-6.12).
# E2E_REQUIRE, when set, is the call instead (e2e_require_arm qemu10).
run_require() {
	local name=$1
	shift
	rc=0
	env "$@" E2E_OUT="$scratch/$name" sh -c '. "$top_srcdir/tests/e2e/lib.sh"; ${E2E_REQUIRE:-e2e_require ${REQUIRE:-}}; echo "E2E-REACHED-BOOT"' \
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

# tests/e2e/ovmf.sh's judges: the OVMF firmware files and the 6.12 kernel.
run_require no-ovmf REQUIRE="ovmf kernel-6.12" OVMF_CODE=/nonexistent/OVMF_CODE_4M.fd
check "missing OVMF code fails the test (exit status $rc)" [ "$rc" -ne 0 ]
check "it is a failed test point naming the package ovmf" \
	grep -q '^not ok .*OVMF code (/nonexistent/OVMF_CODE_4M.fd) is missing: install the Debian package ovmf' "$scratch/no-ovmf.out"
check "no test point is skipped" [ -z "$(grep -i '# *skip' "$scratch/no-ovmf.out")" ]
check "nothing boots" [ -z "$(grep E2E-REACHED-BOOT "$scratch/no-ovmf.out")" ]

run_require no-ovmf-vars REQUIRE=ovmf OVMF_VARS=/nonexistent/OVMF_VARS_4M.fd
check "a missing OVMF variable store template fails the test (exit status $rc)" [ "$rc" -ne 0 ]
check "it is a failed test point naming the package ovmf" \
	grep -q '^not ok .*OVMF variable store template (/nonexistent/OVMF_VARS_4M.fd) is missing: install the Debian package ovmf' "$scratch/no-ovmf-vars.out"

# No kernel in the cache directory (an empty one): what a machine without
# install-deps' backports step has.
mkdir -p "$scratch/empty-kcache"
run_require no-kernel-612 REQUIRE="ovmf kernel-6.12" E2E_KCACHE="$scratch/empty-kcache"
check "a missing 6.12 kernel fails the test (exit status $rc)" [ "$rc" -ne 0 ]
check "it is a failed test point naming the backports package and install-deps" \
	grep -q '^not ok .*6\.12 kernel image in .*empty-kcache/amd64-6\.12/boot is missing: install the Debian package linux-image-6\.12\*-amd64 from bookworm-backports, unpacked there by scripts/install-deps' "$scratch/no-kernel-612.out"
check "nothing boots" [ -z "$(grep E2E-REACHED-BOOT "$scratch/no-kernel-612.out")" ]

# The 6.1 kernel of every other boot is chosen by name (E2E_KERNEL, else the
# newest /boot/vmlinuz-6.1.*), never as the newest /boot/vmlinuz.
run_require no-kernel-61 E2E_KERNEL=/nonexistent/vmlinuz-6.1.0-0-amd64
check "a missing 6.1 kernel fails the test (exit status $rc)" [ "$rc" -ne 0 ]
check "it is a failed test point naming linux-image-amd64" \
	grep -q '^not ok .*Linux 6\.1 kernel image in /boot is missing: install the Debian package linux-image-amd64' "$scratch/no-kernel-61.out"

# And on this machine, every judge of every e2e test is there (a test point
# per requirement, each failing when its package is missing).
run_require this-machine REQUIRE="ovmf kernel-6.12"
check "this machine has every e2e requirement, OVMF and the 6.12 kernel included (exit status $rc)" \
	[ "$rc" -eq 0 ]
check "e2e_require got to the boot" grep -q E2E-REACHED-BOOT "$scratch/this-machine.out"
for what in 'OVMF code' 'OVMF variable store template' 'a Linux 6.12 kernel image' 'a Linux 6.1 kernel image'; do
	check "$what: a passed test point" grep -q "^ok .*$what.* is installed" "$scratch/this-machine.out"
done

# arm_missing NAME PATTERN VAR=VALUE...: e2e_require_arm qemu10 with
# overrides must fail, with a failed test point matching PATTERN, no skip,
# and nothing booted.
arm_missing() {
	local name=$1 pattern=$2
	shift 2
	run_require "$name" E2E_REQUIRE="e2e_require_arm qemu10" "$@"
	check "arm64, $name: the test fails (exit status $rc)" [ "$rc" -ne 0 ]
	check "arm64, $name: a failed test point says: $pattern" grep -q "^not ok .*$pattern" "$scratch/$name.out"
	check "arm64, $name: no test point is skipped" [ -z "$(grep -i '# *skip' "$scratch/$name.out")" ]
	check "arm64, $name: nothing boots" [ -z "$(grep E2E-REACHED-BOOT "$scratch/$name.out")" ]
}

# A kernel tree without modules: the kernel is there, qemu_fw_cfg is not.
mkdir -p "$scratch/bare/boot"
: >"$scratch/bare/boot/vmlinuz-6.1.0-0-arm64"
: >"$scratch/bare/boot/vmlinuz-6.12.0+deb12-arm64"

arm_missing no-qemu-aarch64 'qemu-system-aarch64 .* is missing: install the Debian package qemu-system-arm' \
	QEMU_ARM=/nonexistent/qemu-system-aarch64
arm_missing no-aavmf-code 'AAVMF firmware code .* is missing: install the Debian package qemu-efi-aarch64' \
	AAVMF_CODE=/nonexistent/AAVMF_CODE.fd
arm_missing no-aavmf-vars 'AAVMF variable store template .* is missing: install the Debian package qemu-efi-aarch64' \
	AAVMF_VARS=/nonexistent/AAVMF_VARS.fd
arm_missing no-kernel-6.1 'an arm64 Linux 6.1 kernel .* is missing: install the Debian package linux-image-arm64' \
	E2E_ARM_KERNEL_6_1=/nonexistent/boot/vmlinuz-6.1.0-0-arm64
arm_missing no-fwcfg-module-6.1 "the arm64 6.1 kernel's qemu_fw_cfg module is missing: install the Debian package linux-image-arm64" \
	E2E_ARM_KERNEL_6_1="$scratch/bare/boot/vmlinuz-6.1.0-0-arm64"
arm_missing no-kernel-6.12 'an arm64 Linux 6.12 kernel .* is missing: install the Debian package linux-image-arm64 (arm64, 6.12 from bookworm-backports' \
	E2E_ARM_KERNEL_6_12=/nonexistent/boot/vmlinuz-6.12.0+deb12-arm64
arm_missing no-fwcfg-module-6.12 "the arm64 6.12 kernel's qemu_fw_cfg module is missing: install the Debian package linux-image-arm64" \
	E2E_ARM_KERNEL_6_12="$scratch/bare/boot/vmlinuz-6.12.0+deb12-arm64"
# The host's busybox is static but not arm64.
arm_missing busybox-not-arm64 'an arm64 static busybox .* is missing: install the Debian package busybox-static (arm64' \
	BUSYBOX_ARM64=/bin/busybox
arm_missing no-qemu-10.0 'QEMU 10.0 qemu-system-aarch64 .* is missing: install the Debian package qemu-system-arm (10.0 from bookworm-backports' \
	QEMU_ARM_10=/nonexistent/qemu-system-aarch64
# A QEMU that is not 10.0 (Debian 12's 7.2) is not QEMU 10.0.
arm_missing qemu-10.0-is-7.2 'QEMU 10.0 qemu-system-aarch64 .* is missing' \
	QEMU_ARM_10="$(command -v qemu-system-aarch64 || echo /nonexistent/qemu-system-aarch64)"

# And on this machine every arm64 judge is there.
run_require this-machine-arm E2E_REQUIRE="e2e_require_arm qemu10"
check "this machine has every arm64 e2e requirement, QEMU 10.0 included (exit status $rc)" [ "$rc" -eq 0 ]
check "e2e_require_arm got to the boot" grep -q E2E-REACHED-BOOT "$scratch/this-machine-arm.out"

done_testing
