# End-to-end harness: boots Debian's Linux under QEMU (TCG) with tables and
# records hestc made, and reads back what the kernel said.  Source this file
# from a tests/e2e/*.sh test (after tests/lib.sh's variables are set by make).
#
# A missing tool is a failing test, never a skip: the judges here are the
# real consumers, and a suite that quietly stops judging proves nothing.
. "$top_srcdir/tests/lib.sh"

e2e_src=$top_srcdir/tests/e2e
LOADER_ASM=${LOADER_ASM:-$top_builddir/tests/e2e/loader-asm}
QEMU=${QEMU:-qemu-system-x86_64}
BUSYBOX=${BUSYBOX:-/bin/busybox}
PYTHON=${PYTHON:-python3}
# arm64 (tests/e2e/arm-virt.sh, tests/e2e/qemu-judge.sh): the guest pieces
# scripts/install-deps unpacks (never installs) into a cache directory.
E2E_ARM_CACHE=${E2E_ARM_CACHE:-/var/cache/hestc-e2e/arm64}
QEMU_ARM=${QEMU_ARM:-qemu-system-aarch64}
QEMU_ARM_10=${QEMU_ARM_10:-$E2E_ARM_CACHE/qemu-10.0/usr/bin/qemu-system-aarch64}
QEMU_ARM_10_DATA=${QEMU_ARM_10_DATA:-$E2E_ARM_CACHE/qemu-10.0/usr/share/qemu}
AAVMF_CODE=${AAVMF_CODE:-/usr/share/AAVMF/AAVMF_CODE.fd}
AAVMF_VARS=${AAVMF_VARS:-/usr/share/AAVMF/AAVMF_VARS.fd}
BUSYBOX_ARM64=${BUSYBOX_ARM64:-$E2E_ARM_CACHE/busybox/bin/busybox}
E2E_ARM_KERNEL_6_1=${E2E_ARM_KERNEL_6_1:-$(ls "$E2E_ARM_CACHE"/linux-6.1/boot/vmlinuz-6.1.* 2>/dev/null | sort -V | tail -n 1)}
E2E_ARM_KERNEL_6_12=${E2E_ARM_KERNEL_6_12:-$(ls "$E2E_ARM_CACHE"/linux-6.12/boot/vmlinuz-6.12.* 2>/dev/null | sort -V | tail -n 1)}
# hestval's --arch for the table under test
E2E_HESTVAL_ARCH=${E2E_HESTVAL_ARCH:-x86_64}
# A guard against a hung guest, not a performance target: a boot takes
# about 10 s under TCG (docs/e2e.md).
E2E_TIMEOUT=${E2E_TIMEOUT:-150}
# Where each boot's files are kept after the test (console, BIOS log,
# tables): tests/e2e/out/TEST/BOOT in the build tree.
e2e_out=${E2E_OUT:-$top_builddir/tests/e2e/out/$(basename "$0" .sh)}
rm -rf "$e2e_out"
mkdir -p "$e2e_out"

e2e_qemu_pid=
# Only the QEMU this test started (through its timeout wrapper) is stopped.
trap 'if [ -n "$e2e_qemu_pid" ]; then kill "$e2e_qemu_pid" 2>/dev/null; wait "$e2e_qemu_pid" 2>/dev/null; fi; rm -rf "$scratch"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# --- requirements ------------------------------------------------------------

e2e_missing=0
# need WHAT PACKAGE COMMAND...: one test point per requirement.
e2e_need() {
	local what=$1 pkg=$2
	shift 2
	if "$@" >/dev/null 2>&1; then
		ok "$what is installed"
	else
		not_ok "$what is missing: install the Debian package $pkg (scripts/install-deps)"
		e2e_missing=1
	fi
}

# Kernels, chosen explicitly (never "the newest in /boot", which another
# package could change under the tests): Debian 12's 6.1 from /boot is every
# boot's kernel unless a test says otherwise; bookworm-backports' 6.12 is
# unpacked (not installed) by scripts/install-deps into
# $E2E_KCACHE/amd64-6.12/boot.  E2E_KERNEL / E2E_KERNEL_612 override them.
E2E_KCACHE=${E2E_KCACHE:-/var/cache/hestc-e2e}
e2e_kernel() {
	if [ -n "${E2E_KERNEL:-}" ]; then
		echo "$E2E_KERNEL"
		return
	fi
	ls /boot/vmlinuz-6.1.* 2>/dev/null | sort -V | tail -n 1
}
e2e_kernel_612() {
	if [ -n "${E2E_KERNEL_612:-}" ]; then
		echo "$E2E_KERNEL_612"
		return
	fi
	ls "$E2E_KCACHE"/amd64-6.12/boot/vmlinuz-6.12.* 2>/dev/null | sort -V | tail -n 1
}

# OVMF (Debian's ovmf, UEFI for q35): the read-only code and the variable
# store template, copied per boot (the firmware writes to it).
OVMF_CODE=${OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
OVMF_VARS=${OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}

e2e_is_static() { # a static binary needs no loader: ldd says so
	[ -x "$1" ] && LC_ALL=C ldd "$1" 2>&1 | grep -q 'not a dynamic executable'
}

# e2e_need_tools_or_end: the tools every boot needs; then, if anything was
# missing, ends the test as failed (nothing is skipped).
e2e_need_tools_or_end() {
	e2e_need "cpio" cpio command -v cpio
	e2e_need "gzip" gzip command -v gzip
	e2e_need "timeout (coreutils)" coreutils command -v timeout
	e2e_need "python3" python3 command -v "$PYTHON"
	e2e_need "loader-asm (built by make check)" "(none: run make check-e2e)" test -x "$LOADER_ASM"
	if [ "$e2e_missing" -ne 0 ]; then
		diag "cannot boot without the tools above; nothing was skipped, the test fails"
		done_testing
		exit 1
	fi
}

# e2e_require [ovmf] [kernel-6.12]: checks every tool the boots need (and
# the optional ones named); on a miss, ends the test as failed.
e2e_require() {
	local extra
	e2e_need "qemu-system-x86_64" qemu-system-x86 command -v "$QEMU"
	e2e_need "SeaBIOS (bios-256k.bin)" seabios test -r /usr/share/seabios/bios-256k.bin
	E2E_KERNEL=$(e2e_kernel)
	e2e_need "a Linux 6.1 kernel image in /boot" linux-image-amd64 test -r "${E2E_KERNEL:-/nonexistent}"
	for extra in "$@"; do
		case $extra in
		ovmf)
			e2e_need "OVMF code ($OVMF_CODE)" ovmf test -r "$OVMF_CODE"
			e2e_need "OVMF variable store template ($OVMF_VARS)" ovmf test -r "$OVMF_VARS"
			;;
		kernel-6.12)
			E2E_KERNEL_612=$(e2e_kernel_612)
			e2e_need "a Linux 6.12 kernel image in $E2E_KCACHE/amd64-6.12/boot" \
				"linux-image-6.12*-amd64 from bookworm-backports, unpacked there by scripts/install-deps" \
				test -r "${E2E_KERNEL_612:-/nonexistent}"
			;;
		*)
			not_ok "e2e_require: unknown requirement '$extra'"
			e2e_missing=1
			;;
		esac
	done
	e2e_need "a static busybox ($BUSYBOX)" busybox-static e2e_is_static "$BUSYBOX"
	e2e_need_tools_or_end
	diag "kernel: $E2E_KERNEL${E2E_KERNEL_612:+, 6.12: $E2E_KERNEL_612}"
	diag "$("$QEMU" --version | head -n 1)"
}

# e2e_arm_module KERNEL: the qemu_fw_cfg module of an unpacked kernel
# (.../boot/vmlinuz-VERSION -> .../lib/modules/VERSION/...), .ko or .ko.xz.
e2e_arm_module() {
	local root ver m
	root=${1%/boot/*}
	ver=${1##*/vmlinuz-}
	for m in "$root/lib/modules/$ver/kernel/drivers/firmware/qemu_fw_cfg.ko" \
		"$root/lib/modules/$ver/kernel/drivers/firmware/qemu_fw_cfg.ko.xz"; do
		[ -r "$m" ] && echo "$m" && return 0
	done
	return 1
}

# e2e_require_arm [qemu10]: what the arm64 boots need (with qemu10, QEMU
# 10.0 too); on a miss, ends the test as failed.
e2e_require_arm() {
	e2e_need "qemu-system-aarch64 ($QEMU_ARM)" qemu-system-arm command -v "$QEMU_ARM"
	e2e_need "AAVMF firmware code ($AAVMF_CODE)" qemu-efi-aarch64 test -r "$AAVMF_CODE"
	e2e_need "AAVMF variable store template ($AAVMF_VARS)" qemu-efi-aarch64 test -r "$AAVMF_VARS"
	e2e_need "an arm64 Linux 6.1 kernel (${E2E_ARM_KERNEL_6_1:-none in $E2E_ARM_CACHE/linux-6.1})" \
		"linux-image-arm64 (arm64, 6.1: unpacked by scripts/install-deps)" test -r "${E2E_ARM_KERNEL_6_1:-/nonexistent}"
	e2e_need "the arm64 6.1 kernel's qemu_fw_cfg module" \
		"linux-image-arm64 (arm64, 6.1: unpacked by scripts/install-deps)" e2e_arm_module "${E2E_ARM_KERNEL_6_1:-/nonexistent}"
	e2e_need "an arm64 Linux 6.12 kernel (${E2E_ARM_KERNEL_6_12:-none in $E2E_ARM_CACHE/linux-6.12})" \
		"linux-image-arm64 (arm64, 6.12 from bookworm-backports: unpacked by scripts/install-deps)" test -r "${E2E_ARM_KERNEL_6_12:-/nonexistent}"
	e2e_need "the arm64 6.12 kernel's qemu_fw_cfg module" \
		"linux-image-arm64 (arm64, 6.12 from bookworm-backports: unpacked by scripts/install-deps)" e2e_arm_module "${E2E_ARM_KERNEL_6_12:-/nonexistent}"
	e2e_need "an arm64 static busybox ($BUSYBOX_ARM64)" "busybox-static (arm64: unpacked by scripts/install-deps)" \
		"$PYTHON" "$e2e_src/e2e.py" elf --machine aarch64 "$BUSYBOX_ARM64"
	if [ "${1:-}" = qemu10 ]; then
		e2e_need "QEMU 10.0 qemu-system-aarch64 ($QEMU_ARM_10)" \
			"qemu-system-arm (10.0 from bookworm-backports: unpacked by scripts/install-deps)" \
			e2e_qemu_is "$QEMU_ARM_10" 10.0
	fi
	e2e_need "xz (for .ko.xz modules)" xz-utils command -v xz
	e2e_need_tools_or_end
	diag "kernels: $E2E_ARM_KERNEL_6_1 $E2E_ARM_KERNEL_6_12"
	diag "$("$QEMU_ARM" --version | head -n 1)"
	[ "${1:-}" = qemu10 ] && diag "$("$QEMU_ARM_10" --version | head -n 1)"
	diag "AAVMF: $(dpkg-query -W -f '${Package} ${Version}' qemu-efi-aarch64 2>/dev/null || echo "$AAVMF_CODE")"
}

# e2e_qemu_is BINARY MAJOR.MINOR: BINARY runs and says it is that version.
e2e_qemu_is() {
	"$1" --version 2>/dev/null | head -n 1 | grep -q "^QEMU emulator version $2\."
}

# --- building what the guest gets ---------------------------------------------

# e2e_initramfs OUT PROBES [FILE...]: a busybox ($BUSYBOX) initramfs whose
# /init (tests/e2e/init) prints the HEST, the kernel log and the PROBES
# file's register reads.  PROBES lines: NAME GAS_OFFSET [READ_ACK_GAS_OFFSET]
# (decimal HEST offsets of the address fields, from hest-layout.json).  Each
# FILE goes into /e2e under its own name (a .ko.xz module decompressed: the
# init loads /e2e/*.ko; fwcfg and region files: see tests/e2e/init).
e2e_initramfs() {
	local out=$1 probes=$2 root f
	shift 2
	root=$(mktemp -d "$scratch/initramfs.XXXXXX")
	for f in "$@"; do
		mkdir -p "$root/e2e"
		case $f in
		*.ko.xz) xz -dc "$f" >"$root/e2e/$(basename "$f" .xz)" || return 1 ;;
		*) cp "$f" "$root/e2e/" || return 1 ;;
		esac
	done
	mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/e2e" &&
		cp "$BUSYBOX" "$root/bin/busybox" &&
		cp "$e2e_src/init" "$root/init" &&
		chmod 755 "$root/init" "$root/bin/busybox" &&
		cp "$probes" "$root/e2e/probes" &&
		(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -1 >"$out"
}

# e2e_probes LAYOUT_JSON OUT: one probe line per source of hest-layout.json.
e2e_probes() {
	"$PYTHON" -c '
import json, sys
lay = json.load(open(sys.argv[1]))
for s in lay["sources"]:
    line = [s["name"], str(s["gas_offset"])]
    if "read_ack_gas_offset" in s:
        line.append(str(s["read_ack_gas_offset"]))
    print(" ".join(line))
' "$1" >"$2"
}

# e2e_cper RECORD.yaml OUT.bin: the error status block hestc cper builds.
e2e_cper() {
	"$HESTC" cper -q "$1" -o "$2"
}

# --- booting -------------------------------------------------------------------

e2e_times=
# What the next e2e_boot runs: E2E_FIRMWARE seabios (QEMU's default for q35)
# or ovmf; E2E_BOOT_KERNEL, else E2E_KERNEL (6.1).  Tests set them with plain
# assignments before a boot (a prefix assignment to a function call may or
# may not outlive the call, depending on the shell).
E2E_FIRMWARE=seabios
E2E_BOOT_KERNEL=
# e2e_boot DIR INITRD CMDLINE QEMU-ARGS...: boots q35 under TCG with the
# kernel, the initramfs and extra QEMU arguments; the guest's serial console
# goes to DIR/console.log and the firmware's debug port (0x402) to
# DIR/bios.log.  Returns QEMU's status (124 when the timeout stopped it).
e2e_boot() {
	local dir=$1 initrd=$2 cmdline=$3 kernel fwargs=
	shift 3
	kernel=${E2E_BOOT_KERNEL:-$E2E_KERNEL}
	case $E2E_FIRMWARE in
	seabios) ;;
	ovmf)
		# A fresh copy of the variable store per boot: OVMF writes boot
		# entries into it, and no boot may see another's.
		cp "$OVMF_VARS" "$dir/ovmf-vars.fd" || return 1
		fwargs="-drive if=pflash,format=raw,readonly=on,file=$OVMF_CODE -drive if=pflash,format=raw,file=$dir/ovmf-vars.fd"
		;;
	*)
		diag "e2e_boot: unknown firmware '$E2E_FIRMWARE'"
		return 1
		;;
	esac
	e2e_boot_label="$E2E_FIRMWARE, $(basename "$kernel")"
	# shellcheck disable=SC2086 # fwargs is a list of arguments without spaces
	e2e_run_qemu "$dir" "$QEMU" \
		-machine "${E2E_MACHINE:-q35,accel=tcg}" -m "${E2E_MEM:-512M}" -smp 1 \
		-nodefaults -no-user-config -display none -no-reboot $fwargs \
		-kernel "$kernel" -initrd "$initrd" -append "console=ttyS0 nokaslr $cmdline" \
		-serial "file:$dir/console.log" \
		-chardev "file,id=biolog,path=$dir/bios.log" -device isa-debugcon,iobase=0x402,chardev=biolog \
		"$@"
}

# e2e_boot_arm DIR KERNEL INITRD CMDLINE QEMU-ARGS...: boots Arm virt
# (cortex-a57, TCG) under AAVMF (code read-only, a fresh copy of the
# variable store per boot) with the kernel (loaded by QEMU through fw_cfg,
# started by the firmware), the initramfs and extra QEMU arguments; the
# PL011 console goes to DIR/console.log.  E2E_QEMU_BIN picks the QEMU,
# E2E_MACHINE the machine options (default virt,acpi=off).
e2e_boot_arm() {
	local dir=$1 kernel=$2 initrd=$3 cmdline=$4
	shift 4
	cp "$AAVMF_VARS" "$dir/vars.fd" || return 1
	e2e_boot_label="AAVMF, $(basename "${E2E_QEMU_BIN:-$QEMU_ARM}") $("${E2E_QEMU_BIN:-$QEMU_ARM}" --version | sed -n '1s/^QEMU emulator version \([^ ]*\).*/\1/p'), $(basename "$kernel")"
	e2e_run_qemu "$dir" "${E2E_QEMU_BIN:-$QEMU_ARM}" \
		-machine "${E2E_MACHINE:-virt,acpi=off}" -cpu cortex-a57 -m "${E2E_MEM:-1G}" -smp 1 \
		-nodefaults -no-user-config -display none -no-reboot \
		-drive "if=pflash,format=raw,readonly=on,file=$AAVMF_CODE" \
		-drive "if=pflash,format=raw,file=$dir/vars.fd" \
		-kernel "$kernel" -initrd "$initrd" -append "console=ttyAMA0 nokaslr $cmdline" \
		-serial "file:$dir/console.log" \
		"$@"
}

# e2e_run_qemu DIR QEMU ARGS...: runs one boot under timeout, in the
# background (only that process is stopped on exit), times it (shown with
# $e2e_boot_label), and extracts the kernel log.  Returns QEMU's status.
e2e_run_qemu() {
	local dir=$1 start end rc
	shift
	start=$(date +%s.%N)
	timeout -k 5 "$E2E_TIMEOUT" "$@" </dev/null >"$dir/qemu.out" 2>"$dir/qemu.err" &
	e2e_qemu_pid=$!
	rc=0
	wait "$e2e_qemu_pid" || rc=$?
	e2e_qemu_pid=
	end=$(date +%s.%N)
	e2e_last_time=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
	e2e_times="$e2e_times $(basename "$dir")=${e2e_last_time}s"
	diag "boot $(basename "$dir"): ${e2e_last_time} s ($e2e_boot_label), QEMU exit status $rc"
	# The kernel log as the guest's init printed it (dmesg: complete, not
	# interleaved with anything else), else whatever reached the console.
	"$PYTHON" "$e2e_src/e2e.py" section --log "$dir/console.log" --name DMESG --out "$dir/kernel.log" 2>/dev/null ||
		cp "$dir/console.log" "$dir/kernel.log" 2>/dev/null || : >"$dir/kernel.log"
	grep -E -i 'HEST|GHES|APEI|Hardware Error|Memory failure|Firmware (Warn|Bug)' "$dir/kernel.log" \
		>"$dir/kernel-lines.txt" || :
	return "$rc"
}

# e2e_boot_ok DIR: the boot ended by itself and the guest's init got to the end.
e2e_boot_ok() {
	local dir=$1 rc=$2
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		not_ok "$(basename "$dir"): the guest finished within the ${E2E_TIMEOUT} s guard (it hung)"
		e2e_show_tail "$dir/console.log"
		return 1
	fi
	if ! grep -q '^E2E-DONE' "$dir/console.log"; then
		not_ok "$(basename "$dir"): the guest ran its init to the end (QEMU status $rc)"
		e2e_show_tail "$dir/console.log"
		sed 's/^/# qemu: /' "$dir/qemu.err"
		return 1
	fi
	ok "$(basename "$dir"): the guest booted and ran its init to the end"
}

# e2e_boot_done DIR RC: the boot's outcome (e2e_boot_ok) and its HEST/GHES
# lines; a boot that did not finish ends the test script here.
e2e_boot_done() {
	if ! e2e_boot_ok "$1" "$2"; then
		e2e_show_lines "$1"
		e2e_report_times
		done_testing
		exit 1
	fi
	e2e_show_lines "$1"
}

# e2e_layout_memmap LAYOUT: the kernel's memmap= arguments for the ranges
# hest-layout.json says the VMM must reserve (a fixed placement's region and
# every pinned block, in whole pages).
e2e_layout_memmap() {
	"$PYTHON" -c 'import json,sys
print(" ".join(x["memmap"] for x in json.load(open(sys.argv[1]))["reserved"]["ranges"]))' "$1"
}

# e2e_fixed_boot DIR LAYOUT HEST.aml REGION.bin: boots q35 with a fixed
# placement's HEST (-acpitable) and its region loaded at the base (-device
# loader), the memory hest-layout.json lists kept from the kernel (memmap=),
# the guest's init probing every source; ends the script when the boot does
# not finish.
e2e_fixed_boot() {
	local dir=$1 layout=$2 hest=$3 region=$4 base memmap rc=0
	base=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["placement"]["base"])' "$layout")
	memmap=$(e2e_layout_memmap "$layout")
	e2e_probes "$layout" "$dir/probes"
	check "the guest's initramfs builds" e2e_initramfs "$dir/initrd.gz" "$dir/probes"
	e2e_boot "$dir" "$dir/initrd.gz" "$memmap" -acpitable "file=$hest" \
		-device "loader,file=$region,addr=$base,force-raw=on" || rc=$?
	e2e_boot_done "$dir" "$rc"
}

e2e_show_tail() {
	[ -f "$1" ] || return 0
	diag "last lines of $1:"
	tail -n 25 "$1" | sed 's/^/#   /'
}

# The kernel lines about HEST, GHES and hardware errors, as TAP comments.
e2e_show_lines() {
	diag "kernel lines about HEST/GHES/hardware errors ($(basename "$1")):"
	sed -e 's/^/#   /' "$1/kernel-lines.txt"
}

# --- reading the kernel log ----------------------------------------------------

# e2e_record DIR SOURCE_ID: the lines of the record(s) the kernel reported for
# a GHES source id, without the "{N}[Hardware Error]:" prefix and indentation.
e2e_record() {
	awk -v id="$2" '
	match($0, /\{[0-9]+\}\[Hardware Error\]: /) {
		tag = substr($0, RSTART, RLENGTH)
		body = substr($0, RSTART + RLENGTH)
		if (body ~ /^Hardware error from APEI Generic Hardware Error Source: /) {
			n = split(body, w, " ")
			if (w[n] == id) want[tag] = 1
		}
		if (tag in want) { sub(/^ +/, "", body); print body }
	}' "$1/kernel.log"
}

# e2e_expect_record DIR SOURCE_ID EXPECT_FILE: every line of EXPECT_FILE
# (blank lines and # comments aside) is one line of the source's record.
e2e_expect_record() {
	local dir=$1 id=$2 expect=$3 got line missing=0
	got=$(e2e_record "$dir" "$id")
	if [ -z "$got" ]; then
		not_ok "$(basename "$dir"): the kernel reported a record from source $id"
		return 1
	fi
	ok "$(basename "$dir"): the kernel reported a record from source $id"
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		if printf '%s\n' "$got" | grep -qxF -- "$line"; then
			ok "$(basename "$dir"): source $id: $line"
		else
			not_ok "$(basename "$dir"): source $id: $line"
			missing=1
		fi
	done <"$expect"
	# ... and in the order given (sections, then each section's fields).
	if [ "$missing" -eq 0 ]; then
		if printf '%s\n' "$got" | awk -v list="$expect" '
			BEGIN { while ((getline l < list) > 0) if (l != "" && l !~ /^#/) want[++n] = l; i = 1 }
			i <= n && $0 == want[i] { i++ }
			END { exit !(i > n) }'; then
			ok "$(basename "$dir"): source $id: the lines come in the expected order"
		else
			not_ok "$(basename "$dir"): source $id: the lines come in the expected order"
			missing=1
		fi
	fi
	if [ "$missing" -ne 0 ]; then
		diag "what the kernel printed for source $id:"
		printf '%s\n' "$got" | sed 's/^/#   /'
	fi
}

# e2e_no_record DIR SOURCE_ID [WHY]: the kernel reported nothing from the
# source (by default: its block is empty).
e2e_no_record() {
	local got why=${3:-its block is empty}
	got=$(e2e_record "$1" "$2")
	if [ -z "$got" ]; then
		ok "$(basename "$1"): no record reported from source $2 ($why)"
	else
		not_ok "$(basename "$1"): no record reported from source $2 ($why)"
		printf '%s\n' "$got" | sed 's/^/#   /'
	fi
}

# e2e_expect_line DIR DESCRIPTION ERE: a kernel log line matches ERE.
e2e_expect_line() {
	if grep -E -q -- "$3" "$1/kernel.log"; then
		ok "$(basename "$1"): $2"
	else
		not_ok "$(basename "$1"): $2"
		diag "no kernel line matches: $3"
	fi
}

# e2e_no_firmware_complaint DIR: Linux's "[Firmware Warn]" / "[Firmware Bug]"
# lines about HEST or GHES mean our tables or records are wrong.
e2e_no_firmware_complaint() {
	local bad
	bad=$(grep -E '\[Firmware (Warn|Bug)\]' "$1/kernel.log" | grep -E -i 'HEST|GHES|APEI|hardware error|error status|error source' || :)
	if [ -z "$bad" ]; then
		ok "$(basename "$1"): no [Firmware Warn]/[Firmware Bug] line about HEST or GHES"
	else
		not_ok "$(basename "$1"): no [Firmware Warn]/[Firmware Bug] line about HEST or GHES"
		printf '%s\n' "$bad" | sed 's/^/#   /'
	fi
}

# e2e_probe DIR NAME KEY: a value the guest read back for source NAME
# ("E2E-PROBE name key=value ..." lines on the console).
e2e_probe() {
	awk -v name="$2" -v key="$3" '
	$1 == "E2E-PROBE" && $2 == name {
		for (i = 3; i <= NF; i++) if (index($i, key "=") == 1) { print substr($i, length(key) + 2); exit }
	}' "$1/console.log"
}

# e2e_expect_probe DIR NAME KEY VALUE DESCRIPTION: compares numerically.
e2e_expect_probe() {
	local got
	got=$(e2e_probe "$1" "$2" "$3")
	case $got in
	0x[0-9a-fA-F]*) ;;
	*) got= ;; # nothing read, or an error message
	esac
	if [ -n "$got" ] && [ "$(printf '%d' "$got" 2>/dev/null)" = "$(printf '%d' "$4")" ]; then
		ok "$(basename "$1"): $5 ($2 $3=$got)"
	else
		not_ok "$(basename "$1"): $5 ($2 $3=${got:-nothing read}, want $4)"
	fi
}

# e2e_guest_hest DIR OUT: the HEST the guest read from /sys/firmware/acpi/tables.
e2e_guest_hest() {
	"$PYTHON" "$e2e_src/e2e.py" section --log "$1/console.log" --name HEST --hex --out "$2"
}

# e2e_hestval DIR NAME ARGS...: hestval validate --arch $E2E_HESTVAL_ARCH ARGS as text
# (shown as comments) and as JSON (DIR/NAME.json, for e2e_hestval_agrees).
# Returns hestval's status for the text run.
e2e_hestval() {
	local dir=$1 name=$2 rc=0
	shift 2
	"$HESTVAL" validate --arch "$E2E_HESTVAL_ARCH" "$@" >"$dir/$name.txt" 2>&1 || rc=$?
	"$HESTVAL" validate --arch "$E2E_HESTVAL_ARCH" --format json "$@" >"$dir/$name.json" 2>/dev/null || :
	sed 's/^/#   hestval: /' "$dir/$name.txt"
	return "$rc"
}

# e2e_hestval_agrees DIR NAME: what hestval predicted Linux would do with the
# table (accept it, register which GHES) is what the guest's kernel did.
e2e_hestval_agrees() {
	local dir=$1 name=$2
	if "$PYTHON" "$e2e_src/e2e.py" hestval-vs-linux --json "$dir/$name.json" 		--console "$dir/console.log" --kernel-log "$dir/kernel.log" >"$dir/$name-vs-linux.txt" 2>&1; then
		ok "$(basename "$dir"): hestval's prediction of Linux matches the kernel (table, registered sources)"
	else
		not_ok "$(basename "$dir"): hestval's prediction of Linux matches the kernel (table, registered sources)"
	fi
	sed 's/^/#   /' "$dir/$name-vs-linux.txt"
}

# e2e_hestval_lines DIR NAME: the kernel's lines about each GHES source (its
# warnings, its probe results, ioremap's refusals) are the lines hestval's
# Linux model quotes in its reasons, both ways (e2e.py hestval-lines).
e2e_hestval_lines() {
	local dir=$1 name=$2
	if "$PYTHON" "$e2e_src/e2e.py" hestval-lines --json "$dir/$name.json" \
		--kernel-log "$dir/kernel.log" >"$dir/$name-lines.txt" 2>&1; then
		ok "$(basename "$dir"): the kernel's lines about each source are the ones hestval quotes"
	else
		not_ok "$(basename "$dir"): the kernel's lines about each source are the ones hestval quotes"
	fi
	sed 's/^/#   /' "$dir/$name-lines.txt"
}

# --- path B: the linker/loader script run by firmware (loader.sh, ovmf.sh) ---

# e2e_expect_our_hest DIR TABLE 'OEMID  TABLEID ': Linux lists a HEST of
# TABLE's length and revision (byte 8) with those OEM ids, then parses it:
# "ACPI: HEST 0x... LEN (vNN OEMID  TABLEID ..." and "HEST: Table parsing
# has been initialized.".
e2e_expect_our_hest() {
	local dir=$1 table=$2 ids=$3 len rev
	len=$(wc -c <"$table")
	rev=$(od -An -tu1 -j8 -N1 "$table" | tr -d ' ')
	e2e_expect_line "$dir" "Linux lists our HEST ($(echo $ids), $len bytes, revision $rev)" \
		"ACPI: HEST 0x[0-9A-F]+ $(printf '%06X' "$len") \\(v0$rev $ids"
	e2e_expect_line "$dir" "HEST: Table parsing has been initialized" 'HEST: Table parsing has been initialized\.'
}

# e2e_loader_setup_checked DIR DESC.yaml: e2e_loader_setup as a test point
# (the test ends, failed, when the files cannot be built), then checks that
# hestc's script has no WRITE_POINTER: no firmware can write into a -fw_cfg
# file (read-only: OVMF/AAVMF hang, SeaBIOS's write is dropped; missing:
# OVMF/AAVMF roll the whole script back), so DESC says write_pointer: false.
e2e_loader_setup_checked() {
	local dir=$1 desc=$2
	if ! e2e_loader_setup "$dir" "$desc" 2>"$dir/setup.err"; then
		not_ok "$(basename "$desc"): tables, loader script and blobs build"
		sed 's/^/# /' "$dir/setup.err"
		done_testing
		exit 1
	fi
	ok "$(basename "$desc"): tables, loader script and blobs build ($(($(wc -c <"$dir/fw/etc/table-loader") / 128)) loader commands)"
	if grep -q '^WRITE_POINTER' "$dir/out/table-loader.txt"; then
		not_ok "hestc's script has no WRITE_POINTER (write_pointer: false)"
	else
		ok "hestc's script has no WRITE_POINTER (write_pointer: false)"
	fi
}

# e2e_loader_setup DIR DESC.yaml: compiles DESC, builds the companion tables
# and the whole etc/table-loader, puts the memory record into source
# 'memory''s block.  Files for QEMU end up in DIR/fw (named as in fw_cfg).
# The HEST inside etc/acpi/tables is hest-fwcfg.aml as hestc emitted it for
# a VMM's tables blob (checksum byte 0: OVMF's ADD_CHECKSUM stores the sum
# of the range, SeaBIOS's subtracts it; only a 0 byte works for both).
e2e_loader_setup() {
	local dir=$1 desc=$2
	mkdir -p "$dir/fw/etc/acpi" &&
		"$HESTC" compile -q "$desc" -o "$dir/out" --emit all &&
		"$PYTHON" "$e2e_src/e2e.py" companion --layout "$dir/out/hest-layout.json" \
			--hest "$dir/out/hest-fwcfg.aml" --q35 "$e2e_src/q35" --out "$dir" &&
		"$LOADER_ASM" "$dir/companion-pre.txt" "$dir/companion-pre.bin" &&
		"$LOADER_ASM" "$dir/companion-post.txt" "$dir/companion-post.bin" &&
		cat "$dir/companion-pre.bin" "$dir/out/table-loader.bin" "$dir/companion-post.bin" \
			>"$dir/fw/etc/table-loader" &&
		cp "$dir/tables.bin" "$dir/fw/etc/acpi/tables" &&
		cp "$dir/rsdp.bin" "$dir/fw/etc/acpi/rsdp" &&
		e2e_cper "$e2e_src/records/memory.yaml" "$dir/memory.bin" &&
		"$PYTHON" "$e2e_src/e2e.py" put-block --layout "$dir/out/hest-layout.json" \
			--blob "$dir/out/hardware_errors.bin" --out "$dir/fw/etc/hardware_errors" \
			memory="$dir/memory.bin" &&
		e2e_probes "$dir/out/hest-layout.json" "$dir/probes" &&
		e2e_initramfs "$dir/initrd.gz" "$dir/probes"
}

# e2e_loader_boot DIR [CMDLINE]: boots (under E2E_FIRMWARE) with
# -fw_cfg name=N,file=DIR/fw/N for every file there.  QEMU warns that such
# names should start with "opt/"; expected here.
# 3 GiB: both firmwares put the blobs below 4 GiB (SeaBIOS at the top of the
# RAM there, OVMF top-down in whole pages), and the guest's /init reads the
# registers with read(2) on /dev/mem, which Linux refuses past the end of RAM
# (high_memory); with RAM above 4 GiB (q35 puts everything past 2 GiB there)
# the blobs are below it.  QEMU allocates guest RAM lazily, so this costs
# nothing measurable.
e2e_loader_boot() {
	local dir=$1 cmdline=${2:-} f args=
	for f in $(cd "$dir/fw" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); do
		args="$args -fw_cfg name=$f,file=$dir/fw/$f"
	done
	# shellcheck disable=SC2086 # word splitting of the -fw_cfg list is wanted
	E2E_MACHINE=q35,accel=tcg,acpi=off E2E_MEM=3G e2e_boot "$dir" "$dir/initrd.gz" "$cmdline" $args
}

e2e_report_times() {
	diag "boot times:$e2e_times"
}
