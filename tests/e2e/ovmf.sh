#!/bin/sh
# End to end, path B under UEFI (issue 17): the same fw_cfg files as
# loader.sh (tests/e2e/loader.yaml, the harness's companion tables around
# hestc's table-loader.bin), executed by OVMF instead of SeaBIOS, with
# Debian 12's 6.1 kernel and bookworm-backports' 6.12.
#
# OVMF runs the script its own way: ADD_CHECKSUM stores the checksum of the
# range (it assumes the checksum byte is 0 before), and a second pass
# installs only tables an ADD_POINTER points at whose checksum is then
# valid.  So the HEST inside etc/acpi/tables must be hest-fwcfg.aml
# (checksum byte 0), not hest.aml: a control boot serves hest.aml and OVMF
# must drop the HEST, silently.  See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require ovmf kernel-6.12

records=$e2e_src/records
# OVMF's blobs are ACPI NVS memory, which Linux's /dev/mem refuses to
# read(2) (CONFIG_IO_STRICT_DEVMEM: a busy iomem range) unless
# iomem=relaxed; the guest's /init reads the registers through it.
ovmf_cmdline=iomem=relaxed

good=$e2e_out/ovmf-6.1
mkdir -p "$good"
e2e_loader_setup_checked "$good" "$e2e_src/loader.yaml"
hest_off=$("$PYTHON" -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["placement"]["table_offset"]))' "$good/out/hest-layout.json")
check "hest-fwcfg.aml (in etc/acpi/tables at 0x$(printf '%x' "$hest_off")) has checksum byte 0" \
	[ "$(od -An -tx1 -j 9 -N 1 "$good/out/hest-fwcfg.aml" | tr -d ' ')" = 00 ]

# hestval's loader simulator runs the script as SeaBIOS and as OVMF do
# (--firmware all, the default), then as OVMF alone.
if e2e_hestval "$good" hestval --werror "$good/fw"; then
	ok "hestval validate --werror accepts the fw_cfg files and the whole script"
else
	not_ok "hestval validate --werror accepts the fw_cfg files and the whole script"
fi
if e2e_hestval "$good" hestval-uefi --werror --firmware uefi "$good/fw"; then
	ok "hestval validate --werror --firmware uefi accepts them"
else
	not_ok "hestval validate --werror --firmware uefi accepts them"
fi

# ovmf_tables_ok DIR: OVMF's debug port shows no loader error, and Linux got
# the companion tables OVMF installed from the script (its own RSDP and
# XSDT: OVMF skips the script's RSDT/XSDT, its ACPI table protocol builds
# them).  Debian's OVMF is a RELEASE build: port 0x402 stays silent.
ovmf_tables_ok() {
	local dir=$1 bad=0 t
	# The loader's error messages in a DEBUG build (each prefixed by its
	# function name), and failed assertions.
	if grep -a -E '(ProcessCmd[A-Za-z]+|InstallQemuFwCfgTables|Process2ndPassCmdAddPointer|CollectAllocationsRestrictedTo32Bit): .*(invalid|malformed|duplicated|unsupported|unrepresentable|can.t|InstallAcpiTable|QemuFwCfgFindFile)|ASSERT' \
		"$dir/bios.log" >"$dir/bios-errors.txt"; then
		diag "OVMF debug log:"
		sed 's/^/#   /' "$dir/bios-errors.txt" | head -n 10
		bad=1
	fi
	for t in 'FACP .*\(v03 BOCHS  BXPC' 'DSDT .*\(v01 BOCHS  BXPC' 'FACS 0x[0-9A-F]+ 000040' 'APIC .*\(v01 BOCHS  BXPC'; do
		if ! grep -E -q "ACPI: $t" "$dir/kernel.log"; then
			diag "Linux lists no table matching 'ACPI: $t'"
			bad=1
		fi
	done
	if grep -E -q 'ACPI: (XSDT|RSDT) .*E2E ' "$dir/kernel.log"; then
		diag "Linux has the harness's XSDT/RSDT: OVMF installs its own"
		bad=1
	fi
	return "$bad"
}

# ovmf_good DIR: the checks of a boot with hest-fwcfg.aml.
ovmf_good() {
	local dir=$1 name
	name=$(basename "$dir")
	e2e_show_lines "$dir"
	diag "OVMF's debug port (bios.log): $(wc -c <"$dir/bios.log") bytes"
	check "$name: OVMF installed the companion tables, its own RSDP/XSDT, no loader error" ovmf_tables_ok "$dir"
	e2e_expect_our_hest "$dir" "$good/out/hest-fwcfg.aml" 'HESTC  LOADER  '
	e2e_expect_record "$dir" 7 "$records/memory.expect"
	e2e_no_record "$dir" 8
	e2e_no_firmware_complaint "$dir"
	[ -f "$dir/hestval.json" ] || cp "$good/hestval.json" "$dir/hestval.json"
	e2e_hestval_agrees "$dir" hestval
	# The HEST Linux has: hest-fwcfg.aml but for the GAS addresses (the
	# blob's address plus hestc's offsets; OVMF allocates whole pages) and
	# the checksum OVMF stored, which must be valid.
	if e2e_guest_hest "$dir" "$dir/guest-hest.bin" 2>"$dir/guest-hest.err"; then
		if "$PYTHON" "$e2e_src/e2e.py" compare-patched --layout "$good/out/hest-layout.json" \
			--hest "$good/out/hest-fwcfg.aml" --guest "$dir/guest-hest.bin" --console "$dir/console.log" \
			--align 4096 >"$dir/compare.txt" 2>&1; then
			ok "$name: the guest's HEST is hest-fwcfg.aml but for the patched addresses, checksum valid; registers point at their blocks"
		else
			not_ok "$name: the guest's HEST is hest-fwcfg.aml but for the patched addresses, checksum valid; registers point at their blocks"
		fi
		sed 's/^/# /' "$dir/compare.txt"
	else
		not_ok "$name: the guest printed its HEST"
		sed 's/^/# /' "$dir/guest-hest.err"
	fi
	e2e_expect_probe "$dir" memory block_status 0 "block of memory is empty after the kernel ran"
	e2e_expect_probe "$dir" memory read_ack 1 "the kernel acknowledged the GHESv2 record"
	e2e_expect_probe "$dir" spare block_status 0 "block of spare is empty"
}

# no_kernel_line DIR ERE: no kernel log line matches ERE.
no_kernel_line() {
	! grep -E -q -- "$2" "$1/kernel.log"
}

E2E_FIRMWARE=ovmf

# --- Linux 6.1 -----------------------------------------------------------------
E2E_BOOT_KERNEL=$E2E_KERNEL
rc=0
e2e_loader_boot "$good" "$ovmf_cmdline" || rc=$?
if e2e_boot_ok "$good" "$rc"; then
	ovmf_good "$good"
fi

# --- Linux 6.12 (bookworm-backports) -----------------------------------------
b612=$e2e_out/ovmf-6.12
mkdir -p "$b612/fw"
cp -R "$good/fw/." "$b612/fw/"
cp "$good/initrd.gz" "$b612/initrd.gz"
E2E_BOOT_KERNEL=$E2E_KERNEL_612
rc=0
e2e_loader_boot "$b612" "$ovmf_cmdline" || rc=$?
if e2e_boot_ok "$b612" "$rc"; then
	ovmf_good "$b612"
fi

# --- control: hest.aml (a valid checksum byte) inside etc/acpi/tables -----------
# OVMF's ADD_CHECKSUM then stores 0 (the range already sums to 0), the
# patched HEST's checksum is wrong, the second pass takes it for opaque data
# and installs everything but the HEST.  The check must see that.
ctl=$e2e_out/ovmf-checksum-control
mkdir -p "$ctl/fw"
cp -R "$good/fw/." "$ctl/fw/"
cp "$good/initrd.gz" "$ctl/initrd.gz"
if "$PYTHON" "$e2e_src/e2e.py" companion --layout "$good/out/hest-layout.json" \
	--hest "$good/out/hest.aml" --q35 "$e2e_src/q35" --out "$ctl" 2>"$ctl/setup.err" &&
	cp "$ctl/tables.bin" "$ctl/fw/etc/acpi/tables"; then
	# One byte apart from the good set: the HEST's checksum.
	diffs=$(cmp -l "$good/fw/etc/acpi/tables" "$ctl/fw/etc/acpi/tables" | awk '{ printf "%s%d", sep, $1 - 1; sep = "," }')
	check "control: etc/acpi/tables differs from the good one only in the HEST's checksum byte (offset $diffs, want $((hest_off + 9)))" \
		[ "$diffs" = "$((hest_off + 9))" ]
	# hestval's OVMF model must see what OVMF is about to do; its SeaBIOS
	# model installs the table (SeaBIOS subtracts: any checksum byte works).
	rc=0
	e2e_hestval "$ctl" hestval-uefi --werror --firmware uefi "$ctl/fw" || rc=$?
	check "control: hestval validate --firmware uefi refuses the set (exit status $rc, want 1)" [ "$rc" -eq 1 ]
	check "control: hestval says OVMF does not install the HEST (LOADER-HEST-NOT-INSTALLED)" \
		grep -q 'LOADER-HEST-NOT-INSTALLED' "$ctl/hestval-uefi.txt"
	check "control: and names the non-zero checksum byte (LOADER-CHECKSUM-NONZERO)" \
		grep -q 'error\[LOADER-CHECKSUM-NONZERO\]' "$ctl/hestval-uefi.txt"
	rc=0
	e2e_hestval "$ctl" hestval-seabios --werror --firmware seabios "$ctl/fw" || rc=$?
	check "control: hestval validate --firmware seabios accepts the set (exit status $rc)" [ "$rc" -eq 0 ]
	E2E_BOOT_KERNEL=$E2E_KERNEL
	rc=0
	e2e_loader_boot "$ctl" "$ovmf_cmdline" || rc=$?
	if e2e_boot_ok "$ctl" "$rc"; then
		e2e_show_lines "$ctl"
		check "control: OVMF still installed the other tables (no rollback), its own RSDP/XSDT" ovmf_tables_ok "$ctl"
		check "control: Linux lists no HEST" no_kernel_line "$ctl" 'ACPI: HEST '
		check "control: no \"HEST: Table parsing has been initialized.\"" \
			no_kernel_line "$ctl" 'HEST: Table parsing has been initialized'
		e2e_guest_hest "$ctl" "$ctl/guest-hest.bin" 2>/dev/null || : >"$ctl/guest-hest.bin"
		check "control: the guest has no /sys/firmware/acpi/tables/HEST" [ ! -s "$ctl/guest-hest.bin" ]
		e2e_no_record "$ctl" 7 "OVMF did not install the HEST"
	fi
else
	not_ok "control: etc/acpi/tables with hest.aml builds"
	sed 's/^/# /' "$ctl/setup.err"
fi

e2e_report_times
done_testing
