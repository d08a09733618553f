#!/bin/sh
# End to end, EINJ (issue 21): examples/einj-memory.yaml's EINJ (given to
# QEMU with -acpitable) and its registers (einj_registers.bin, loaded at the
# fixed base and reserved with memmap=).  The guest loads Debian's einj
# module (copied from the kernel package into the initramfs): its probe
# collects, requests and maps every instruction's register
# (drivers/acpi/apei/einj*.c, apei-base.c); debugfs'
# apei/einj/available_error_type must list exactly the types our
# GET_ERROR_TYPE register holds (0x28: memory correctable, memory
# uncorrectable fatal).  Then an injection of type 0x8 runs the action
# sequence, and the registers show it: SET_ERROR_TYPE wrote 8,
# EXECUTE_OPERATION wrote 1 to the doorbell.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require

boot=$e2e_out/einj
mkdir -p "$boot"
ver=${E2E_KERNEL##*/vmlinuz-}
einj=
for m in "/lib/modules/$ver/kernel/drivers/acpi/apei/einj.ko" "/lib/modules/$ver/kernel/drivers/acpi/apei/einj.ko.xz"; do
	[ -r "$m" ] && einj=$m
done
if [ -z "$einj" ]; then
	not_ok "the einj module of $ver is installed (/lib/modules/$ver/kernel/drivers/acpi/apei/einj.ko)"
	done_testing
	exit 1
fi
ok "the einj module of $ver is installed ($einj)"

if ! "$HESTC" compile -q "$top_srcdir/examples/einj-memory.yaml" -o "$boot/out" --emit all 2>"$boot/compile.err"; then
	not_ok "examples/einj-memory.yaml compiles"
	sed 's/^/# /' "$boot/compile.err"
	done_testing
	exit 1
fi
ok "examples/einj-memory.yaml compiles (einj.aml $(wc -c <"$boot/out/einj.aml") bytes, einj_registers.bin $(wc -c <"$boot/out/einj_registers.bin") bytes)"
if "$HESTVAL" validate --werror "$boot/out/einj.aml" >"$boot/hestval.out" 2>&1; then
	ok "hestval validate --werror accepts einj.aml"
else
	not_ok "hestval validate --werror accepts einj.aml"
	sed 's/^/# /' "$boot/hestval.out"
fi

# The register addresses, read back from the table: entry N's GAS address
# is at 48 + 32 N + 8 (entries 2: SET_ERROR_TYPE, 3: GET_ERROR_TYPE,
# 5: EXECUTE_OPERATION).
addr() {
	"$PYTHON" -c 'import sys; b=open(sys.argv[1],"rb").read(); o=48+32*int(sys.argv[2])+8; print(int.from_bytes(b[o:o+8],"little"))' \
		"$boot/out/einj.aml" "$1"
}
error_type=$(addr 2) doorbell=$(addr 5)
base=$(addr 3)
size=$("$PYTHON" -c 'import os,sys; print((os.path.getsize(sys.argv[1]) + 4095) // 4096 * 4)' "$boot/out/einj_registers.bin")K
cat >"$boot/run" <<RUN
d=/sys/kernel/debug/apei/einj
echo "E2E-EINJ-AVAILABLE-BEGIN"
\$bb cat \$d/available_error_type
echo "E2E-EINJ-AVAILABLE-END"
echo 0x8 >\$d/error_type && echo 1 >\$d/error_inject && echo "E2E-EINJ-INJECT ok" || echo "E2E-EINJ-INJECT failed"
# /dev/mem refuses ranges a driver holds (IO_STRICT_DEVMEM): read them once
# einj let them go
\$bb rmmod einj && echo "E2E-EINJ-RMMOD ok"
echo "E2E-EINJ-REG error_type \$(phys $error_type 4)"
echo "E2E-EINJ-REG doorbell \$(phys $doorbell 8)"
RUN
: >"$boot/probes"
check "the guest's initramfs builds" e2e_initramfs "$boot/initrd.gz" "$boot/probes" "$einj" "$boot/run"

rc=0
e2e_boot "$boot" "$boot/initrd.gz" "memmap=$size\$$(printf '0x%x' "$base")" \
	-acpitable "file=$boot/out/einj.aml" \
	-device "loader,file=$boot/out/einj_registers.bin,addr=$base,force-raw=on" || rc=$?
if ! e2e_boot_ok "$boot" "$rc"; then
	e2e_report_times
	done_testing
	exit 1
fi
c=$boot/console.log
if grep -q 'E2E-INSMOD einj.ko ok' "$c"; then ok "einj: the module loads"; else not_ok "einj: the module loads"; fi
e2e_expect_line "$boot" "the kernel says EINJ is initialized" 'EINJ: Error INJection is initialized'
sed -n '/E2E-EINJ-AVAILABLE-BEGIN/,/E2E-EINJ-AVAILABLE-END/p' "$c" | tr -d '\r' | sed '1d;$d' >"$boot/available.txt"
printf '0x00000008\tMemory Correctable\n0x00000020\tMemory Uncorrectable fatal\n' >"$boot/available.want"
if cmp -s "$boot/available.txt" "$boot/available.want"; then
	ok "einj: available_error_type lists exactly our GET_ERROR_TYPE register's types (0x28)"
else
	not_ok "einj: available_error_type lists exactly our GET_ERROR_TYPE register's types (0x28)"
	diag "available_error_type:"
	sed 's/^/#   /' "$boot/available.txt"
fi
if grep -q 'E2E-EINJ-INJECT ok' "$c"; then ok "einj: an injection of type 0x8 succeeds"; else not_ok "einj: an injection of type 0x8 succeeds"; fi
if grep -q 'E2E-EINJ-REG error_type 0x00000008' "$c"; then
	ok "einj: SET_ERROR_TYPE wrote 8 into our error_type register"
else
	not_ok "einj: SET_ERROR_TYPE wrote 8 into our error_type register"
	grep 'E2E-EINJ-REG' "$c" | sed 's/^/#   /'
fi
if grep -q 'E2E-EINJ-REG doorbell 0x0*1$' "$c" || grep -q 'E2E-EINJ-REG doorbell 0x0*1.$' "$c"; then
	ok "einj: EXECUTE_OPERATION wrote 1 into our doorbell register"
else
	not_ok "einj: EXECUTE_OPERATION wrote 1 into our doorbell register"
	grep 'E2E-EINJ-REG' "$c" | sed 's/^/#   /'
fi
if grep -q 'EINJ:\|APEI:' "$boot/kernel.log"; then
	diag "kernel lines about EINJ/APEI:"
	grep 'EINJ:\|APEI:' "$boot/kernel.log" | sed 's/^/#   /'
fi
if grep -q 'Firmware Bug.*\(APEI\|EINJ\)\|EINJ: Invalid\|EINJ: Error collecting\|EINJ: Error requesting\|EINJ: Error pre-mapping' "$boot/kernel.log"; then
	not_ok "einj: no EINJ/APEI complaint from the kernel"
else
	ok "einj: no EINJ/APEI complaint from the kernel"
fi
e2e_report_times
done_testing
