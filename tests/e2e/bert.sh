#!/bin/sh
# End to end, BERT (issue 21): Linux finds examples/bert-fixed.yaml's BERT
# (given to QEMU with -acpitable), maps the boot error region QEMU loads at
# the fixed base (reserved with memmap=), prints its boot-error banner and
# decodes the record hestc built from the description's `records:`
# (drivers/acpi/apei/bert.c bert_print_all -> cper_estatus_print).
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require

boot=$e2e_out/bert
mkdir -p "$boot"

if ! "$HESTC" compile -q "$top_srcdir/examples/bert-fixed.yaml" -o "$boot/out" --emit all 2>"$boot/compile.err"; then
	not_ok "examples/bert-fixed.yaml compiles"
	sed 's/^/# /' "$boot/compile.err"
	done_testing
	exit 1
fi
ok "examples/bert-fixed.yaml compiles (bert.aml $(wc -c <"$boot/out/bert.aml") bytes, boot_errors.bin $(wc -c <"$boot/out/boot_errors.bin") bytes)"
if "$HESTVAL" validate --werror "$boot/out/bert.aml" >"$boot/hestval.out" 2>&1; then
	ok "hestval validate --werror accepts bert.aml"
else
	not_ok "hestval validate --werror accepts bert.aml"
	sed 's/^/# /' "$boot/hestval.out"
fi

# The region's address, read back from the table (offset 40), and its size
# in whole pages for memmap=.
base=$("$PYTHON" -c 'import sys; b=open(sys.argv[1],"rb").read(); print(hex(int.from_bytes(b[40:48],"little")))' "$boot/out/bert.aml")
size=$("$PYTHON" -c 'import os,sys; print((os.path.getsize(sys.argv[1]) + 4095) // 4096 * 4)' "$boot/out/boot_errors.bin")K
: >"$boot/probes"
check "the guest's initramfs builds" e2e_initramfs "$boot/initrd.gz" "$boot/probes"

rc=0
e2e_boot "$boot" "$boot/initrd.gz" "memmap=$size\$$base" \
	-acpitable "file=$boot/out/bert.aml" \
	-device "loader,file=$boot/out/boot_errors.bin,addr=$base,force-raw=on" || rc=$?
if ! e2e_boot_ok "$boot" "$rc"; then
	e2e_report_times
	done_testing
	exit 1
fi

e2e_expect_line "$boot" "the kernel prints its BERT banner" 'BERT: Error records from previous boot:'
# The record's lines: "[Hardware Error]: " + the cper_estatus_print text,
# after the banner.
awk '/BERT: Error records from previous boot:/ { on = 1; next }
	on && match($0, /\[Hardware Error\]: /) { s = substr($0, RSTART + RLENGTH); sub(/^ +/, "", s); print s }' \
	"$boot/kernel.log" >"$boot/record.txt"
diag "what the kernel printed for the boot error record:"
sed 's/^/#   /' "$boot/record.txt"
for line in 'event severity: fatal' 'Error 0, type: fatal' 'section_type: memory error' \
	'physical_address: 0x0000000012345000' 'error_type: 3, multi-bit ECC'; do
	if grep -qxF -- "$line" "$boot/record.txt"; then
		ok "bert: the record says: $line"
	else
		not_ok "bert: the record says: $line"
	fi
done
if grep -q 'BERT:.*\(Firmware Bug\|Truncated\|Invalid\)' "$boot/kernel.log"; then
	not_ok "bert: no BERT complaint from the kernel"
	grep 'BERT:' "$boot/kernel.log" | sed 's/^/#   /'
else
	ok "bert: no BERT complaint from the kernel"
fi
e2e_report_times
done_testing
