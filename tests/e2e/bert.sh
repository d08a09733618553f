#!/bin/sh
# End to end, BERT (issue 21): Linux finds examples/bert-fixed.yaml's BERT
# (given to QEMU with -acpitable), maps the boot error region QEMU loads at
# the fixed base (reserved with memmap=), prints its boot-error banner and
# decodes the record hestc built from the description's `records:`
# (drivers/acpi/apei/bert.c bert_print_all -> cper_estatus_print).
# Then the same record with linker-loader placement, executed by real
# firmware (SeaBIOS and OVMF): QEMU builds no tables (acpi=off); the
# harness's companion tables and hestc's script (ALLOCATE etc/boot_errors,
# ADD_POINTER into the BERT's region_address, ADD_CHECKSUM) go in with
# -fw_cfg, as in loader.sh.
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

# bert_expect DIR: the banner, the record's lines, no complaint
bert_expect() {
	local dir=$1 what line
	what=$(basename "$dir")
	e2e_expect_line "$dir" "the kernel prints its BERT banner" 'BERT: Error records from previous boot:'
	# The record's lines: "[Hardware Error]: " + the cper_estatus_print text,
	# after the banner.
	awk '/BERT: Error records from previous boot:/ { on = 1; next }
		on && match($0, /\[Hardware Error\]: /) { s = substr($0, RSTART + RLENGTH); sub(/^ +/, "", s); print s }' \
		"$dir/kernel.log" >"$dir/record.txt"
	diag "what the kernel printed for the boot error record ($what):"
	sed 's/^/#   /' "$dir/record.txt"
	for line in 'event severity: fatal' 'Error 0, type: fatal' 'section_type: memory error' \
		'physical_address: 0x0000000012345000' 'error_type: 3, multi-bit ECC'; do
		if grep -qxF -- "$line" "$dir/record.txt"; then
			ok "$what: the record says: $line"
		else
			not_ok "$what: the record says: $line"
		fi
	done
	if grep -q 'BERT:.*\(Firmware Bug\|Truncated\|Invalid\)' "$dir/kernel.log"; then
		not_ok "$what: no BERT complaint from the kernel"
		grep 'BERT:' "$dir/kernel.log" | sed 's/^/#   /'
	else
		ok "$what: no BERT complaint from the kernel"
	fi
}
bert_expect "$boot"

# --- linker-loader placement, run by SeaBIOS and OVMF ---------------------------
sed -e 's/^placement: .*/placement: { mode: linker-loader, table_offset: 64 }/' \
	"$top_srcdir/examples/bert-fixed.yaml" >"$e2e_out/bert-loader.yaml"
for fw in seabios ovmf; do
	dir=$e2e_out/bert-loader-$fw
	mkdir -p "$dir/fw/etc/acpi"
	if "$HESTC" compile -q "$e2e_out/bert-loader.yaml" -o "$dir/out" --emit all 2>"$dir/setup.err" &&
		"$PYTHON" "$e2e_src/e2e.py" companion --layout "$dir/out/bert-layout.json" \
			--hest "$dir/out/bert-fwcfg.aml" --q35 "$e2e_src/q35" --out "$dir" 2>>"$dir/setup.err" &&
		"$LOADER_ASM" "$dir/companion-pre.txt" "$dir/companion-pre.bin" 2>>"$dir/setup.err" &&
		"$LOADER_ASM" "$dir/companion-post.txt" "$dir/companion-post.bin" 2>>"$dir/setup.err" &&
		cat "$dir/companion-pre.bin" "$dir/out/table-loader.bin" "$dir/companion-post.bin" \
			>"$dir/fw/etc/table-loader" &&
		cp "$dir/tables.bin" "$dir/fw/etc/acpi/tables" && cp "$dir/rsdp.bin" "$dir/fw/etc/acpi/rsdp" &&
		cp "$dir/out/boot_errors.bin" "$dir/fw/etc/boot_errors" &&
		e2e_initramfs "$dir/initrd.gz" "$boot/probes" 2>>"$dir/setup.err"; then
		ok "bert-loader-$fw: BERT, region blob, hestc's script and the companion tables build"
	else
		not_ok "bert-loader-$fw: BERT, region blob, hestc's script and the companion tables build"
		sed 's/^/# /' "$dir/setup.err"
		continue
	fi
	rc=0
	E2E_FIRMWARE=$fw
	e2e_loader_boot "$dir" || rc=$?
	E2E_FIRMWARE=seabios
	e2e_boot_ok "$dir" "$rc" || continue
	e2e_expect_line "$dir" "Linux lists our BERT (installed by $fw)" 'ACPI: BERT 0x[0-9A-F]+ 000030 \(v01 HESTC  BOOTERR '
	bert_expect "$dir"
done
e2e_report_times
done_testing
