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
ack_at=$(field high read_ack_gas_offset)
check "source high's read-ack register address goes to $high (hestpatch.py, checksum fixed)" \
	"$PYTHON" "$top_srcdir/tests/val/hestpatch.py" patch "$build/out/hest.aml" "$build/hest.aml" "t$ack_at:8=$high"

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
check "hestval validate --phys-bits 40 accepts the table (exit $rc; a warning for the 0 ms poll interval)" test "$rc" -eq 0

base=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["placement"]["base"])' "$layout")
size=$("$PYTHON" -c 'import json,sys; print((json.load(open(sys.argv[1]))["placement"]["blob_size"] + 4095) // 4096 * 4)' "$layout")K

for kernel in 6.1 6.12; do
	boot=$e2e_out/linux-$kernel
	mkdir -p "$boot"
	cp "$build/hestval.json" "$build/hestval.txt" "$boot/"
	if [ "$kernel" = 6.1 ]; then E2E_BOOT_KERNEL=$E2E_KERNEL; else E2E_BOOT_KERNEL=$E2E_KERNEL_612; fi
	rc=0
	e2e_boot "$boot" "$build/initrd.gz" "memmap=$size\$$base dyndbg=\"func call_driver_probe +p\"" \
		-acpitable "file=$build/hest.aml" \
		-device "loader,file=$build/hardware_errors.bin,addr=$base,force-raw=on" || rc=$?
	if ! e2e_boot_ok "$boot" "$rc"; then
		e2e_show_lines "$boot"
		continue
	fi
	e2e_show_lines "$boot"
	e2e_hestval_agrees "$boot" hestval
done

e2e_report_times
done_testing
