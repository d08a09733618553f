#!/bin/sh
# End to end: hestval's Linux model (validate/linux.c) against the kernel.
# tests/e2e/linux-model.yaml has one source per verdict: a GHES polled every
# 0 ms (bound, never polled: inactive), a GHESv2 polled every 100 ms
# (registered) and a GHESv2 whose read-ack register is patched to
# 0x100000543010, above the 40 physical address bits of QEMU's default x86
# CPU (ioremap refuses it: probe-failed).  Booted with -acpitable like
# fixed.sh, under Linux 6.1 and 6.12; hestval validate --phys-bits 40's
# prediction must be what each kernel did.  See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require kernel-6.12

build=$e2e_out/build
mkdir -p "$build"
records=$e2e_src/records
high=0x100000543010

if ! "$HESTC" compile -q "$e2e_src/linux-model.yaml" -o "$build/out" --emit all 2>"$build/compile.err"; then
	not_ok "tests/e2e/linux-model.yaml compiles"
	sed 's/^/# /' "$build/compile.err"
	done_testing
	exit 1
fi
ok "tests/e2e/linux-model.yaml compiles"
layout=$build/out/hest-layout.json
# field SOURCE KEY: a source's entry in hest-layout.json, as a decimal number
field() {
	"$PYTHON" -c 'import json,sys
for s in json.load(open(sys.argv[1]))["sources"]:
    if s["name"] == sys.argv[2]: print(int(str(s[sys.argv[3]]), 0))' "$layout" "$1" "$2"
}
edge=0xfffffffffc
check "the read-ack register addresses of sources high and edge go to $high and $edge (hestpatch.py, checksum fixed)" \
	"$PYTHON" "$top_srcdir/tests/val/hestpatch.py" patch "$build/out/hest.aml" "$build/hest.aml" \
	"t$(field high read_ack_gas_offset):8=$high" "t$(field edge read_ack_gas_offset):8=$edge"

check "hestc cper builds the memory error record" e2e_cper "$records/memory.yaml" "$build/memory.bin"
check "hestc cper builds the processor generic + PCIe record" e2e_cper "$records/cpu-pcie.yaml" "$build/cpu-pcie.bin"
# At boot: a memory record in idle's and in high's blocks (idle reports it
# when it is probed; high is never bound, so never read).  Once the sources
# are probed the guest writes cpu-pcie.bin into idle's and polled's blocks:
# only a source Linux polls reports it.
check "the memory record goes into the blocks of sources idle, narrow and high" \
	"$PYTHON" "$e2e_src/e2e.py" put-block --layout "$layout" \
	--blob "$build/out/hardware_errors.bin" --out "$build/hardware_errors.bin" \
	idle="$build/memory.bin" narrow="$build/memory.bin" high="$build/memory.bin"
printf '%s cpu-pcie.bin\n' "$(field idle block_address)" "$(field polled block_address)" >"$build/late"
e2e_probes "$layout" "$build/probes"
check "the guest's initramfs builds" e2e_initramfs "$build/initrd.gz" "$build/probes" "$build/late" "$build/cpu-pcie.bin"

# The prediction, for QEMU's default x86 CPU.
rc=0
e2e_hestval "$build" hestval --phys-bits 40 "$build/hest.aml" || rc=$?
# Source narrow's bit width of 0 is an error for hestval too (GAS-WIDTH: Linux
# never binds it); the 0 ms poll interval is a warning.
check "hestval validate --phys-bits 40 reports the bit-width-0 register as its one error (exit $rc)" \
	sh -c 'test "$1" -eq 1 && test "$(grep -c "error\[" "$2")" -eq 1 && grep -q "error\[GAS-WIDTH\]: source 1 (ghes): the error status address register has bit width 0" "$2"' \
	sh "$rc" "$build/hestval.txt"

# The table exercises what it is for: one source per verdict.
verdicts=$("$PYTHON" -c 'import json,sys
print(" ".join("%d:%s" % (s["id"], s["verdict"]) for s in json.load(open(sys.argv[1]))["inputs"][0]["linux"]["sources"]))' "$build/hestval.json")
check "hestval predicts 0 inactive, 1 and 3 probe-failed, 2 and 4 registered (got: $verdicts)" \
	test "$verdicts" = "0:inactive 1:probe-failed 2:registered 3:probe-failed 4:registered"

base=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["placement"]["base"])' "$layout")
memmap=$(e2e_layout_memmap "$layout")

for kernel in 6.1 6.12; do
	boot=$e2e_out/linux-$kernel
	mkdir -p "$boot"
	cp "$build/hestval.json" "$build/hestval.txt" "$boot/"
	if [ "$kernel" = 6.1 ]; then E2E_BOOT_KERNEL=$E2E_KERNEL; else E2E_BOOT_KERNEL=$E2E_KERNEL_612; fi
	rc=0
	e2e_boot "$boot" "$build/initrd.gz" "$memmap dyndbg=\"func call_driver_probe +p\"" \
		-acpitable "file=$build/hest.aml" \
		-device "loader,file=$build/hardware_errors.bin,addr=$base,force-raw=on" || rc=$?
	if ! e2e_boot_ok "$boot" "$rc"; then
		e2e_show_lines "$boot"
		continue
	fi
	e2e_show_lines "$boot"
	# The devices: bound (registered, inactive) and unbound (probe-failed).
	e2e_hestval_agrees "$boot" hestval
	# The words: each line the kernel prints about a source is one hestval
	# quotes, and the other way round; dyndbg (call_driver_probe) makes the
	# driver core's debug-level "rejects match" lines visible.
	e2e_hestval_lines "$boot" hestval
	e2e_expect_line "$boot" "ioremap's refusal comes with a WARNING from __ioremap_caller (hestval: \"and a WARNING\")" \
		'WARNING: CPU: [0-9]+ .* at arch/x86/mm/ioremap\.c:[0-9]+ __ioremap_caller'
	if grep -q 'probe of GHES\.[0-9]* failed\|probe with driver GHES failed' "$boot/kernel.log"; then
		not_ok "$kernel: no 'probe of GHES.N failed with error' line (-ENXIO is a debug-level 'rejects match')"
	else
		ok "$kernel: no 'probe of GHES.N failed with error' line (-ENXIO is a debug-level 'rejects match')"
	fi

	# What inactive means: the record idle's block held at boot is reported
	# when GHES.0 is probed; the one written after that never is, while
	# polled's, written at the same time, is (within its 100 ms).
	early=$boot/$kernel-at-probe
	late=$boot/$kernel-after-late-write
	mkdir -p "$early" "$late"
	awk '/E2E-LATE-RECORDS/ { exit } { print }' "$boot/kernel.log" >"$early/kernel.log"
	awk 'p { print } /E2E-LATE-RECORDS/ { p = 1 }' "$boot/kernel.log" >"$late/kernel.log"
	check "$kernel: the guest wrote the late records (E2E-LATE-RECORDS in the kernel log)" \
		grep -q 'E2E-LATE-RECORDS' "$boot/kernel.log"
	e2e_expect_record "$early" 0 "$records/memory.expect"
	e2e_no_record "$late" 0 "inactive: the record written after the probe is never read"
	e2e_expect_probe "$boot" idle block_status 0x2a "the late record stays in idle's block (block_status of cpu-pcie.bin)"
	e2e_expect_record "$late" 2 "$records/cpu-pcie.expect"
	e2e_expect_probe "$boot" polled block_status 0 "polled's block is empty after the kernel read it"
	e2e_expect_probe "$boot" polled read_ack 1 "the kernel acknowledged polled's record"
	for id in 1 3; do
		e2e_no_record "$boot" "$id" "GHES.$id is not bound: its block is never read"
	done
	e2e_no_record "$boot" 4 "edge's block is empty"
done

e2e_report_times
done_testing
