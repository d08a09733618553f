#!/bin/sh
# End to end, path B (linker/loader placement executed by real firmware):
# QEMU q35 with acpi=off builds no tables; SeaBIOS runs an etc/table-loader
# made of the harness's companion-table commands around hestc's
# table-loader.bin, over blobs given with -fw_cfg.  Linux must find the HEST
# through the RSDP SeaBIOS placed, follow the register SeaBIOS patched, and
# decode the record in the first block.  See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require

records=$e2e_src/records

# e2e_firmware_ok DIR: SeaBIOS ran the script without an internal error and
# Linux got our tables, not SeaBIOS's fallback ones (it builds its own when
# the script leaves no RSDP).
e2e_firmware_ok() {
	local dir=$1 bad=0
	if grep -q 'WARNING' "$dir/bios.log"; then
		diag "SeaBIOS: $(grep 'WARNING' "$dir/bios.log" | head -n 3)"
		bad=1
	fi
	if ! grep -E -q 'ACPI: RSDP 0x[0-9A-F]+ 000024 \(v02 HESTC \)' "$dir/kernel.log" ||
		! grep -E -q 'ACPI: XSDT 0x[0-9A-F]+ [0-9A-F]+ \(v01 HESTC  E2E XSDT' "$dir/kernel.log"; then
		diag "Linux did not get the harness's RSDP and XSDT:"
		grep -E 'ACPI: (RSDP|XSDT|RSDT)' "$dir/kernel.log" | sed 's/^/#   /'
		bad=1
	fi
	return "$bad"
}

boot=$e2e_out/linker-loader
mkdir -p "$boot"
e2e_loader_setup_checked "$boot" "$e2e_src/loader.yaml"

# hestval runs the same script over the same fw_cfg files in its simulator.
if e2e_hestval "$boot" hestval --werror "$boot/fw"; then
	ok "hestval validate --werror accepts the fw_cfg files and the whole script"
else
	not_ok "hestval validate --werror accepts the fw_cfg files and the whole script"
fi

rc=0
e2e_loader_boot "$boot" || rc=$?
e2e_boot_done "$boot" "$rc"
check "linker-loader: SeaBIOS executed the script and Linux got our RSDP/XSDT (no fallback)" e2e_firmware_ok "$boot"

e2e_expect_our_hest "$boot" "$boot/out/hest.aml" 'HESTC  LOADER  '
e2e_expect_record "$boot" 7 "$records/memory.expect"
e2e_no_record "$boot" 8
e2e_no_firmware_complaint "$boot"
e2e_hestval_agrees "$boot" hestval

# The HEST Linux has: ours, except the GAS addresses SeaBIOS patched (each
# now the blob's address plus the offset hestc put there) and the checksum.
if e2e_guest_hest "$boot" "$boot/guest-hest.bin" 2>"$boot/guest-hest.err"; then
	if "$PYTHON" "$e2e_src/e2e.py" compare-patched --layout "$boot/out/hest-layout.json" \
		--hest "$boot/out/hest.aml" --guest "$boot/guest-hest.bin" --console "$boot/console.log" \
		>"$boot/compare.txt" 2>&1; then
		ok "linker-loader: the guest's HEST is hest.aml but for the patched addresses; registers point at their blocks"
	else
		not_ok "linker-loader: the guest's HEST is hest.aml but for the patched addresses; registers point at their blocks"
	fi
	sed 's/^/# /' "$boot/compare.txt"
else
	not_ok "linker-loader: the guest printed its HEST"
	sed 's/^/# /' "$boot/guest-hest.err"
fi
# Through the patched register, the block: cleared by the kernel after the
# record was consumed, and the GHESv2 read-ack register set to 1.
e2e_expect_probe "$boot" memory block_status 0 "block of memory is empty after the kernel ran"
e2e_expect_probe "$boot" memory read_ack 1 "the kernel acknowledged the GHESv2 record"
e2e_expect_probe "$boot" spare block_status 0 "block of spare is empty"

# Control: the same boot with the RSDP's ALLOCATE left out of the harness's
# commands.  SeaBIOS then skips every command naming etc/acpi/rsdp, finds no
# RSDP, warns of an internal error and builds its own tables; the check
# above must call that a failure, or it proves nothing.
ctl=$e2e_out/fallback-control
mkdir -p "$ctl/fw"
cp -R "$boot/fw/." "$ctl/fw/"
cp "$boot/initrd.gz" "$ctl/initrd.gz"
grep -v '^ALLOCATE .*file="etc/acpi/rsdp"' "$boot/companion-pre.txt" >"$ctl/companion-pre.txt"
if "$LOADER_ASM" "$ctl/companion-pre.txt" "$ctl/companion-pre.bin" &&
	cat "$ctl/companion-pre.bin" "$boot/out/table-loader.bin" "$boot/companion-post.bin" >"$ctl/fw/etc/table-loader"; then
	ok "control: a script without the RSDP's ALLOCATE builds"
	# hestval's simulator must fault the script SeaBIOS is about to refuse.
	rc=0
	e2e_hestval "$ctl" hestval "$ctl/fw" || rc=$?
	check "control: hestval validate refuses the script (exit status $rc, want 1)" [ "$rc" -eq 1 ]
	check "control: hestval names etc/acpi/rsdp used before it is allocated" \
		grep -q 'error\[LOADER-UNALLOCATED\]: .*etc/acpi/rsdp' "$ctl/hestval.txt"
	rc=0
	e2e_loader_boot "$ctl" || rc=$?
	if e2e_boot_ok "$ctl" "$rc"; then
		if e2e_firmware_ok "$ctl"; then
			not_ok "control: the harness notices SeaBIOS falling back to its own tables"
		else
			ok "control: the harness notices SeaBIOS falling back to its own tables"
		fi
		e2e_no_record "$ctl" 7 "Linux has SeaBIOS's tables, without our HEST"
	fi
else
	not_ok "control: a script without the RSDP's ALLOCATE builds"
fi

e2e_report_times
done_testing
