#!/bin/sh
# End to end, path A (fixed placement): Linux reads examples/polled-ghes.yaml's
# HEST (given to QEMU with -acpitable), follows each source's register in the
# hardware_errors region QEMU loads at the fixed base, and decodes the records
# hestc cper wrote into its three sources' blocks.  See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require

boot=$e2e_out/polled-ghes
mkdir -p "$boot"
records=$e2e_src/records

# hestc: the table, the region and the layout; hestc cper: the records.
if ! "$HESTC" compile -q "$top_srcdir/examples/polled-ghes.yaml" -o "$boot/out" --emit all 2>"$boot/compile.err"; then
	not_ok "examples/polled-ghes.yaml compiles"
	sed 's/^/# /' "$boot/compile.err"
	done_testing
	exit 1
fi
ok "examples/polled-ghes.yaml compiles (hest.aml $(wc -c <"$boot/out/hest.aml") bytes, hardware_errors.bin $(wc -c <"$boot/out/hardware_errors.bin") bytes)"
check "hestc cper builds the memory error record" e2e_cper "$records/memory.yaml" "$boot/memory.bin"
check "hestc cper builds the processor generic + PCIe record" e2e_cper "$records/cpu-pcie.yaml" "$boot/cpu-pcie.bin"
check "hestc cper builds the IA32/X64 + firmware error reference record" \
	e2e_cper "$records/x86-sections.yaml" "$boot/x86-sections.bin"
check "the records go into the blocks of sources firmware-first, memory and io" \
	"$PYTHON" "$e2e_src/e2e.py" put-block --layout "$boot/out/hest-layout.json" \
	--blob "$boot/out/hardware_errors.bin" --out "$boot/hardware_errors.bin" \
	firmware-first="$boot/x86-sections.bin" memory="$boot/memory.bin" io="$boot/cpu-pcie.bin"

# Our validator accepts what we are about to boot, warnings included.
if e2e_hestval "$boot" hestval --werror "$boot/out/hest.aml"; then
	ok "hestval validate --werror accepts hest.aml"
else
	not_ok "hestval validate --werror accepts hest.aml"
fi

# The guest keeps the region (hest-layout.json's reserved ranges) out of its RAM.
e2e_fixed_boot "$boot" "$boot/out/hest-layout.json" "$boot/out/hest.aml" "$boot/hardware_errors.bin"

# The table Linux has is ours, byte for byte.
e2e_expect_our_hest "$boot" "$boot/out/hest.aml" 'HESTC  POLLED  '
if e2e_guest_hest "$boot" "$boot/guest-hest.bin" 2>"$boot/guest-hest.err" &&
	cmp -s "$boot/guest-hest.bin" "$boot/out/hest.aml"; then
	ok "polled-ghes: /sys/firmware/acpi/tables/HEST equals hest.aml"
else
	not_ok "polled-ghes: /sys/firmware/acpi/tables/HEST equals hest.aml"
	sed 's/^/# /' "$boot/guest-hest.err"
fi

# The records, decoded by the kernel from the sources' own blocks.
e2e_expect_record "$boot" 0 "$records/x86-sections.expect"
e2e_expect_record "$boot" 1 "$records/memory.expect"
e2e_expect_record "$boot" 2 "$records/cpu-pcie.expect"
e2e_no_firmware_complaint "$boot"
e2e_hestval_agrees "$boot" hestval

# After the kernel consumed them: every register still points at its block,
# block_status is 0 (the kernel clears it), and the GHESv2 read-ack register
# went from 0 to (0 & preserve) | write = 1.
for name in firmware-first memory io; do
	want=$("$PYTHON" -c 'import json,sys
for s in json.load(open(sys.argv[1]))["sources"]:
    if s["name"] == sys.argv[2]: print(s["block_address"])' "$boot/out/hest-layout.json" "$name")
	e2e_expect_probe "$boot" "$name" block "$want" "register of $name holds its block address"
	e2e_expect_probe "$boot" "$name" block_status 0 "block of $name is empty after the kernel ran"
done
e2e_expect_probe "$boot" memory read_ack 1 "the kernel acknowledged the GHESv2 record"

e2e_report_times
done_testing
