#!/bin/sh
# End to end on arm64: QEMU's Arm virt machine with acpi=off (QEMU builds no
# tables) under AAVMF, which executes an etc/table-loader made of the
# harness's companion-table commands around hestc's table-loader.bin, over
# blobs given with -fw_cfg.  The HEST is QEMU's own virt layout (SEA + GPIO
# GHESv2 sources) plus a polled GHESv2 source whose block holds a memory
# error record; Debian's arm64 Linux 6.1 and 6.12 must boot with ACPI (not
# a device tree), take our HEST, decode the record and acknowledge it.
# See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require_arm

BUSYBOX=$BUSYBOX_ARM64
E2E_HESTVAL_ARCH=arm64
records=$e2e_src/records
desc=$e2e_src/virt-arm64.yaml

# Files for QEMU end up in $setup/fw (named as in fw_cfg).
setup=$e2e_out/setup
mkdir -p "$setup/fw/etc/acpi"
if "$HESTC" compile -q "$desc" -o "$setup/out" --emit all 2>"$setup/setup.err" &&
	"$PYTHON" "$e2e_src/e2e.py" companion --machine virt --layout "$setup/out/hest-layout.json" \
		--hest "$setup/out/hest-fwcfg.aml" --tables "$e2e_src/virt" --out "$setup" 2>>"$setup/setup.err" &&
	"$LOADER_ASM" "$setup/companion-pre.txt" "$setup/companion-pre.bin" 2>>"$setup/setup.err" &&
	"$LOADER_ASM" "$setup/companion-post.txt" "$setup/companion-post.bin" 2>>"$setup/setup.err" &&
	cat "$setup/companion-pre.bin" "$setup/out/table-loader.bin" "$setup/companion-post.bin" \
		>"$setup/fw/etc/table-loader" &&
	cp "$setup/tables.bin" "$setup/fw/etc/acpi/tables" &&
	cp "$setup/rsdp.bin" "$setup/fw/etc/acpi/rsdp" &&
	e2e_cper "$records/sections-arm64.yaml" "$setup/memory.bin" 2>>"$setup/setup.err" &&
	"$PYTHON" "$e2e_src/e2e.py" put-block --layout "$setup/out/hest-layout.json" \
		--blob "$setup/out/hardware_errors.bin" --out "$setup/fw/etc/hardware_errors" \
		polled="$setup/memory.bin" 2>>"$setup/setup.err" &&
	e2e_probes "$setup/out/hest-layout.json" "$setup/probes" &&
	e2e_initramfs "$setup/initrd.gz" "$setup/probes" 2>>"$setup/setup.err"; then
	ok "tests/e2e/virt-arm64.yaml: tables, loader script and blobs build ($(($(wc -c <"$setup/fw/etc/table-loader") / 128)) loader commands)"
else
	not_ok "tests/e2e/virt-arm64.yaml: tables, loader script and blobs build"
	sed 's/^/# /' "$setup/setup.err"
	done_testing
	exit 1
fi
if grep -q '^WRITE_POINTER' "$setup/out/table-loader.txt"; then
	not_ok "hestc's script has no WRITE_POINTER (write_pointer: false: -fw_cfg files are read-only)"
else
	ok "hestc's script has no WRITE_POINTER (write_pointer: false: -fw_cfg files are read-only)"
fi
# What goes into etc/acpi/tables is hestc's hest-fwcfg.aml: hest.aml with
# checksum byte 0, since AAVMF's ADD_CHECKSUM stores the range's checksum
# counting the byte's current value.
check "hest-fwcfg.aml is hest.aml with a zero checksum byte" "$PYTHON" -c '
import sys
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
sys.exit(not (len(a) == len(b) and a[:9] == b[:9] and a[10:] == b[10:] and b[9] == 0 and sum(a) % 256 == 0))
' "$setup/out/hest.aml" "$setup/out/hest-fwcfg.aml"
# The record waits unacknowledged: the polled source's read-ack register is
# 0 in the blob the firmware loads (the kernel must set it to 1).
check "the polled source's read-ack register starts at 0 in etc/hardware_errors" "$PYTHON" -c '
import json, sys
lay = json.load(open(sys.argv[1])); blob = open(sys.argv[2], "rb").read()
s = [s for s in lay["sources"] if s["name"] == "polled"][0]
o = s["read_ack_offset"]
sys.exit(blob[o:o + 8] != bytes(8))
' "$setup/out/hest-layout.json" "$setup/fw/etc/hardware_errors"

# hestval runs the same script over the same fw_cfg files in its simulator.
# QEMU's layout draws two notes, kept here on purpose (CPER-SIZE-RAW: the
# SEA and GPIO sources' max_raw_data_length equals their block length, which
# no OS reads).
rc=0
e2e_hestval "$setup" hestval "$setup/fw" || rc=$?
check "hestval validate accepts the fw_cfg files and the whole script (exit status $rc)" [ "$rc" -eq 0 ]
check "hestval: no error and no warning (QEMU's CPER-SIZE-RAW is a note)" \
	sh -c '! grep -qE "(error|warning)\[" "$1" && grep -q "note\[CPER-SIZE-RAW\]" "$1"' sh "$setup/hestval.txt"

# e2e_arm_boot_checks DIR: what one boot must show.
e2e_arm_boot_checks() {
	local dir=$1
	e2e_show_lines "$dir"
	e2e_expect_line "$dir" "Linux booted with ACPI (PSCI found through ACPI)" 'psci: probing for conduit method from ACPI\.'
	if grep -q 'Machine model:' "$dir/kernel.log"; then
		not_ok "$(basename "$dir"): Linux did not use a device tree (no \"Machine model:\" line)"
		grep 'Machine model:' "$dir/kernel.log" | sed 's/^/#   /'
	else
		ok "$(basename "$dir"): Linux did not use a device tree (no \"Machine model:\" line)"
	fi
	check "$(basename "$dir"): the EFI stub gave Linux an empty device tree (AAVMF installed ACPI tables)" \
		grep -q 'EFI stub: Generating empty DTB' "$dir/console.log"
	e2e_expect_our_hest "$dir" "$setup/out/hest.aml" 'BOCHS  BXPC  '
	e2e_expect_line "$dir" "Linux lists the harness's GTDT, MADT and FADT" 'ACPI: GTDT .*BOCHS'
	# hestval's model of AAVMF's install pass names the tables Linux got
	# (AAVMF's own RSDP and XSDT aside).
	want=$(sed -n 's/.*loader under OVMF\/AAVMF: installs [0-9]* tables: //p' "$setup/hestval.txt" | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	got=$(sed -n 's/^\[[^]]*\] ACPI: \([A-Z0-9]\{4\}\) 0x[0-9A-F]* .*/\1/p' "$dir/kernel.log" | grep -v -x -E 'RSDP|XSDT' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	check "$(basename "$dir"): the tables Linux lists ($got) are those hestval says AAVMF installs (${want:-none})" [ -n "$want" ] && [ "$got" = "$want" ]
	e2e_expect_record "$dir" 2 "$records/sections-arm64.expect"
	# The CXL protocol error: 6.1 has no decoder for it (a hex dump), 6.12 does.
	e2e_expect_record "$dir" 2 "$records/sections-arm64-${dir##*/linux-}.expect"
	e2e_no_record "$dir" 0 "SEA: nothing raised one, its block is empty"
	e2e_no_record "$dir" 1 "GPIO: nothing raised one, its block is empty"
	e2e_no_firmware_complaint "$dir"
	# The CXL general media event: 6.12's ghes.c hands it to
	# cxl_cper_post_event(), which checks the event record's length and its
	# valid bit first ("CXL CPER Invalid section length", "CXL CPER invalid
	# event"); 6.1 only prints it.
	check "$(basename "$dir"): no \"CXL CPER\" complaint about the CXL general media event" \
		sh -c '! grep -q "CXL CPER" "$1"' sh "$dir/kernel.log"
	cp "$setup/hestval.json" "$dir/hestval.json"
	e2e_hestval_agrees "$dir" hestval
	if e2e_guest_hest "$dir" "$dir/guest-hest.bin" 2>"$dir/guest-hest.err"; then
		if "$PYTHON" "$e2e_src/e2e.py" compare-patched --layout "$setup/out/hest-layout.json" \
			--hest "$setup/out/hest.aml" --guest "$dir/guest-hest.bin" --console "$dir/console.log" \
			>"$dir/compare.txt" 2>&1; then
			ok "$(basename "$dir"): the guest's HEST is hest.aml but for the patched addresses (region address + offset), checksum valid; registers point at their blocks"
		else
			not_ok "$(basename "$dir"): the guest's HEST is hest.aml but for the patched addresses (region address + offset), checksum valid; registers point at their blocks"
		fi
		sed 's/^/# /' "$dir/compare.txt"
	else
		not_ok "$(basename "$dir"): the guest printed its HEST"
		sed 's/^/# /' "$dir/guest-hest.err"
	fi
	e2e_expect_probe "$dir" polled block_status 0 "the polled source's block is empty after the kernel ran"
	e2e_expect_probe "$dir" polled read_ack 1 "the kernel acknowledged the record (read-ack 0 -> 1)"
	e2e_expect_probe "$dir" sea block_status 0 "SEA block is empty"
	e2e_expect_probe "$dir" sea read_ack 1 "SEA read-ack register still 1"
	e2e_expect_probe "$dir" gpio block_status 0 "GPIO block is empty"
	e2e_expect_probe "$dir" gpio read_ack 1 "GPIO read-ack register still 1"
}

# -fw_cfg name=N,file=$setup/fw/N for every file there (QEMU warns that
# such names should start with "opt/": expected).
fwargs=
for f in $(cd "$setup/fw" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); do
	fwargs="$fwargs -fw_cfg name=$f,file=$setup/fw/$f"
done

for series in 6.1 6.12; do
	case $series in
	6.1) kernel=$E2E_ARM_KERNEL_6_1 ;;
	6.12) kernel=$E2E_ARM_KERNEL_6_12 ;;
	esac
	boot=$e2e_out/linux-$series
	mkdir -p "$boot"
	diag "linux-$series: $(basename "$kernel")"
	rc=0
	# shellcheck disable=SC2086 # word splitting of the -fw_cfg list is wanted
	e2e_boot_arm "$boot" "$kernel" "$setup/initrd.gz" "" $fwargs || rc=$?
	if e2e_boot_ok "$boot" "$rc"; then
		e2e_arm_boot_checks "$boot"
	else
		e2e_show_lines "$boot"
	fi
done

# The two kernels' lines about HEST, GHES and the record, side by side.
if [ -f "$e2e_out/linux-6.1/kernel-lines.txt" ] && [ -f "$e2e_out/linux-6.12/kernel-lines.txt" ]; then
	for series in 6.1 6.12; do
		sed -e 's/^\[ *[0-9.]*\] //' -e 's/0x[0-9A-F]\{16\}/0x.../' "$e2e_out/linux-$series/kernel-lines.txt" >"$e2e_out/linux-$series/lines-bare.txt"
	done
	d=$(diff "$e2e_out/linux-6.1/lines-bare.txt" "$e2e_out/linux-6.12/lines-bare.txt" | grep '^[<>]' || :)
	diag "6.1 -> 6.12 differences in those lines (timestamps and table addresses aside):${d:+ see below}${d:- none}"
	[ -n "$d" ] && printf '%s\n' "$d" | sed 's/^/#   /'
fi

e2e_report_times
done_testing
