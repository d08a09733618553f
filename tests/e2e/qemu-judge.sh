#!/bin/sh
# QEMU as the judge: QEMU's Arm virt machine with ras=on builds its own HEST
# and etc/hardware_errors (hw/acpi/ghes.c) and AAVMF runs QEMU's own loader
# script.  A Debian arm64 guest prints the HEST it got, the region's
# content (read through the HEST's GAS addresses) and, through the
# qemu_fw_cfg module, the raw fw_cfg blobs QEMU serves.  On the host these
# must equal what hestc compiles for the matching description:
#  - the guest's HEST = hestc's after simulating the loader with
#    etc/hardware_errors where the guest shows it;
#  - the region = hestc's hardware_errors.bin after patching (registers =
#    region address + block offset, read-ack registers 1);
#  - the HEST inside QEMU's unpatched etc/acpi/tables = hest-fwcfg.aml byte
#    for byte, and QEMU's loader commands for the region and the HEST =
#    hestc's table-loader.bin, in order.
# Once with Debian 12's QEMU 7.2, once with bookworm-backports' QEMU 10.0.
# See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require_arm qemu10

BUSYBOX=$BUSYBOX_ARM64
E2E_HESTVAL_ARCH=arm64

# judge_boot NAME QEMU-BINARY EXAMPLE [QEMU-ARGS...]: one boot of QEMU's
# virt,ras=on, every comparison against hestc's output for EXAMPLE.
judge_boot() {
	local name=$1 qemu=$2 example=$3 dir rc n_guest n_ours base line
	shift 3
	dir=$e2e_out/$name
	mkdir -p "$dir"
	if ! "$HESTC" compile -q "$top_srcdir/$example" -o "$dir/hestc" --emit all 2>"$dir/setup.err" ||
		! e2e_probes "$dir/hestc/hest-layout.json" "$dir/probes" 2>>"$dir/setup.err"; then
		not_ok "$name: hestc compiles $example"
		sed 's/^/# /' "$dir/setup.err"
		return 1
	fi
	ok "$name: hestc compiles $example"
	# The region starts at register 0, whose address the first GAS holds.
	"$PYTHON" -c '
import json, os, sys
lay = json.load(open(sys.argv[1]))
print(lay["sources"][0]["gas_offset"], os.path.getsize(sys.argv[2]))
' "$dir/hestc/hest-layout.json" "$dir/hestc/hardware_errors.bin" >"$dir/region"
	printf '%s\n' etc/acpi/tables etc/acpi/rsdp etc/table-loader etc/hardware_errors >"$dir/fwcfg"
	if ! e2e_initramfs "$dir/initrd.gz" "$dir/probes" "$dir/fwcfg" "$dir/region" \
		"$(e2e_arm_module "$E2E_ARM_KERNEL_6_1")" 2>>"$dir/setup.err"; then
		not_ok "$name: the initramfs builds"
		sed 's/^/# /' "$dir/setup.err"
		return 1
	fi
	rc=0
	E2E_QEMU_BIN=$qemu E2E_MACHINE=virt,ras=on e2e_boot_arm "$dir" "$E2E_ARM_KERNEL_6_1" "$dir/initrd.gz" "" "$@" || rc=$?
	e2e_boot_ok "$dir" "$rc" || return 1
	e2e_show_lines "$dir"
	check "$name: the guest loaded qemu_fw_cfg" grep -q '^E2E-INSMOD qemu_fw_cfg.ko ok' "$dir/console.log"
	e2e_expect_line "$dir" "Linux lists QEMU's HEST" 'ACPI: HEST 0x[0-9A-F]+ [0-9A-F]+ \(v01 BOCHS  BXPC  '
	e2e_expect_line "$dir" "HEST: Table parsing has been initialized" 'HEST: Table parsing has been initialized\.'
	e2e_no_firmware_complaint "$dir"
	if ! e2e_guest_hest "$dir" "$dir/guest-hest.bin" 2>"$dir/guest-hest.err"; then
		not_ok "$name: the guest printed its HEST"
		return 1
	fi
	n_guest=$("$PYTHON" -c 'import struct,sys; print(struct.unpack_from("<I", open(sys.argv[1],"rb").read(), 36)[0])' "$dir/guest-hest.bin")
	n_ours=$("$PYTHON" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["sources"]))' "$dir/hestc/hest-layout.json")
	diag "$name: QEMU's HEST: $(wc -c <"$dir/guest-hest.bin") bytes, $n_guest error source(s); $example: $n_ours"
	check "$name: QEMU's HEST has as many error sources as $example ($n_guest)" [ "$n_guest" = "$n_ours" ]
	# hestval's Linux prediction for QEMU's HEST (as the guest has it) is
	# what the guest's kernel did.
	e2e_hestval "$dir" hestval "$dir/guest-hest.bin" || :
	e2e_hestval_agrees "$dir" hestval
	for f in etc/acpi/tables etc/acpi/rsdp etc/table-loader etc/hardware_errors; do
		"$PYTHON" "$e2e_src/e2e.py" section --log "$dir/console.log" --name "FW:$f" --hex \
			--out "$dir/fw-$(basename "$f").bin" 2>>"$dir/setup.err" || : >"$dir/fw-$(basename "$f").bin"
	done
	check "$name: the guest read QEMU's raw etc/acpi/tables, etc/acpi/rsdp, etc/table-loader and etc/hardware_errors from fw_cfg" \
		[ -s "$dir/fw-tables.bin" ] && [ -s "$dir/fw-rsdp.bin" ] && [ -s "$dir/fw-table-loader.bin" ] && [ -s "$dir/fw-hardware_errors.bin" ]
	# hestval's OVMF/AAVMF model runs QEMU's own script over QEMU's own
	# blobs (etc/hardware_errors_addr writable, as QEMU registers it): it
	# must accept them, install the tables Linux lists, and predict what
	# the kernel did.
	mkdir -p "$dir/qemu-fw/etc/acpi"
	cp "$dir/fw-tables.bin" "$dir/qemu-fw/etc/acpi/tables"
	cp "$dir/fw-rsdp.bin" "$dir/qemu-fw/etc/acpi/rsdp"
	cp "$dir/fw-table-loader.bin" "$dir/qemu-fw/etc/table-loader"
	cp "$dir/fw-hardware_errors.bin" "$dir/qemu-fw/etc/hardware_errors"
	head -c 8 /dev/zero >"$dir/hardware_errors_addr"
	rc=0
	e2e_hestval "$dir" hestval-fw --firmware uefi --writable "etc/hardware_errors_addr=$dir/hardware_errors_addr" \
		"$dir/qemu-fw" || rc=$?
	check "$name: hestval validate --firmware uefi accepts QEMU's own fw_cfg files and script (exit status $rc)" [ "$rc" -eq 0 ]
	want=$(sed -n 's/.*loader under OVMF\/AAVMF: installs [0-9]* tables: //p' "$dir/hestval-fw.txt" | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	got=$(sed -n 's/^\[[^]]*\] ACPI: \([A-Z0-9]\{4\}\) 0x[0-9A-F]* .*/\1/p' "$dir/kernel.log" | grep -v -x -E 'RSDP|XSDT' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	check "$name: the tables Linux lists ($got) are those hestval says AAVMF installs (${want:-none})" [ -n "$want" ] && [ "$got" = "$want" ]
	e2e_hestval_agrees "$dir" hestval-fw
	if ! base=$("$PYTHON" "$e2e_src/e2e.py" region --log "$dir/console.log" --out "$dir/region.bin" 2>"$dir/region.err"); then
		not_ok "$name: the guest read etc/hardware_errors through the HEST's first GAS"
		sed 's/^/# /' "$dir/region.err"
		return 1
	fi
	ok "$name: the guest read etc/hardware_errors ($(wc -c <"$dir/region.bin") bytes at $base) through the HEST's first GAS"
	"$PYTHON" "$e2e_src/e2e.py" judge --layout "$dir/hestc/hest-layout.json" --hestc-out "$dir/hestc" \
		--guest-hest "$dir/guest-hest.bin" --region "$dir/region.bin" --region-base "$base" \
		--fw-tables "$dir/fw-tables.bin" --fw-loader "$dir/fw-table-loader.bin" \
		--fw-hwerr "$dir/fw-hardware_errors.bin" --out "$dir" >"$dir/judge.txt" 2>&1 ||
		echo "FAIL|e2e.py judge ran to the end" >>"$dir/judge.txt"
	while IFS= read -r line; do
		case $line in
		PASS\|*) ok "$name: ${line#PASS|}" ;;
		FAIL\|*) not_ok "$name: ${line#FAIL|}" ;;
		*) diag "$line" ;;
		esac
	done <"$dir/judge.txt"
}

# QEMU 7.2 (Debian 12) and QEMU 10.0.2 (bookworm-backports) both build one
# GHESv2 source (SEA): examples/qemu-virt-arm64-sea.yaml.  The two-source
# layout (examples/qemu-virt-arm64.yaml) is a later QEMU's.
judge_boot qemu-7.2 "$QEMU_ARM" examples/qemu-virt-arm64-sea.yaml
judge_boot qemu-10.0 "$QEMU_ARM_10" examples/qemu-virt-arm64-sea.yaml -L "$QEMU_ARM_10_DATA"

e2e_report_times
done_testing
