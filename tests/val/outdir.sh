#!/bin/sh
# hestval validate OUTDIR (issue 18, item 6b): a hestc output directory is
# validated as the VMM serves it, the fw_cfg names read from hest-layout.json,
# with no further options; a missing or renamed file is a clear error.
. "$top_srcdir/tests/lib.sh"
E=$top_srcdir/examples
T=$scratch

# clean NAME DIR: exit 0, no error or warning from the loader run, both firmware models
clean_dir() {
	"$HESTVAL" validate "$2" >"$T/$1.out" 2>&1
	rc=$?
	if [ $rc = 0 ] && ! grep -q 'error\[\|error:\|warning\[LOADER' "$T/$1.out" &&
		grep -q "loader under SeaBIOS: HEST in memory, patched" "$T/$1.out" &&
		grep -q "loader under OVMF/AAVMF: installs 1 table: HEST" "$T/$1.out"; then
		ok "$1: loads clean under SeaBIOS and OVMF/AAVMF with no options"
	else
		not_ok "$1: loads clean under SeaBIOS and OVMF/AAVMF with no options (exit $rc)"
		diag "$(cat "$T/$1.out")"
	fi
}

for ex in qemu-virt-arm64 arm-ged-gpio vmm-loader-options; do
	"$HESTC" compile -q "$E/$ex.yaml" -o "$T/$ex" --emit all
	clean_dir "$ex" "$T/$ex"
done
# QEMU's layout: the served HEST in etc/acpi/tables, the address back through a writable file
check "qemu-virt-arm64: the diagnostics name hest-fwcfg.aml" grep -q "qemu-virt-arm64/hest-fwcfg.aml: 0 errors" "$T/qemu-virt-arm64.out"
check "qemu-virt-arm64: a note says the WRITE_POINTER target was supplied writable" \
	grep -q "hest-layout.json: note: 'etc/hardware_errors_addr': 8 zero bytes supplied, registered writable" "$T/qemu-virt-arm64.out"
check "qemu-virt-arm64: no warning beyond the description's own (CPER-SIZE-RAW)" \
	sh -c "! grep 'warning\[' '$T/qemu-virt-arm64.out' | grep -v CPER-SIZE-RAW"
check "arm-ged-gpio: 0 errors, 0 warnings" grep -q "hest-fwcfg.aml: 0 errors, 0 warnings" "$T/arm-ged-gpio.out"
# standalone: tables.bin is the tables blob, its own names from the layout
check "vmm-loader-options (standalone): the HEST found in tables.bin at 0x200" \
	grep -q "vmm-loader-options/tables.bin\[HEST@0x200\]: 0 errors, 0 warnings, 1 note" "$T/vmm-loader-options.out"
check "vmm-loader-options: its hest_address_blob supplied writable" \
	grep -q "note: 'etc/vmm_hest_addr': 8 zero bytes supplied" "$T/vmm-loader-options.out"
"$HESTVAL" validate --firmware uefi "$T/qemu-virt-arm64" >"$T/uefi.out" 2>&1
check "--firmware still applies" sh -c "[ $? = 0 ] && ! grep -q SeaBIOS '$T/uefi.out'"

# fixed placement: hest.aml, nothing loaded
"$HESTC" compile -q "$E/fixed-vmm.yaml" -o "$T/fixed" --emit all
"$HESTVAL" validate "$T/fixed" >"$T/fixed.out" 2>&1
check "fixed placement: hest.aml validated, exit 0" sh -c "[ $? = 0 ] && grep -q 'fixed/hest.aml: 0 errors, 0 warnings, 0 notes' '$T/fixed.out'"
check "fixed placement: no loader run" sh -c "! grep -q 'loader under' '$T/fixed.out'"
rm "$T/fixed/hest.aml"
"$HESTVAL" validate "$T/fixed" >"$T/fixed-miss.out" 2>&1
check "fixed placement without hest.aml: exit 2 naming it" \
	sh -c "[ $? = 2 ] && grep -q \"error: '$T/fixed/hest.aml' is missing: .*(fixed placement) goes with the table hest.aml\" '$T/fixed-miss.out'"

# missing files, one at a time
for f in hardware_errors.bin hest-fwcfg.aml table-loader.bin; do
	cp -r "$T/qemu-virt-arm64" "$T/miss"
	mv "$T/miss/$f" "$T/miss/$f.renamed"
	"$HESTVAL" validate "$T/miss" >"$T/miss.out" 2>&1
	rc=$?
	if [ $rc = 2 ] && grep -q "error: '$T/miss/$f' is missing: '$T/miss/hest-layout.json' (linker-loader placement)" "$T/miss.out"; then
		ok "without $f: exit 2, the error names the file expected"
	else
		not_ok "without $f: exit 2, the error names the file expected (exit $rc)"
		diag "$(cat "$T/miss.out")"
	fi
	rm -rf "$T/miss"
done
check "the missing blob's error says which fw_cfg file it is" sh -c "
	cp -r '$T/qemu-virt-arm64' '$T/m2' && rm '$T/m2/hardware_errors.bin' &&
	'$HESTVAL' validate '$T/m2' 2>&1 | grep -q \"says the fw_cfg file 'etc/hardware_errors' holds the error region, which hestc writes as hardware_errors.bin\""

# a renamed fw_cfg file: the layout and the script disagree
cp -r "$T/qemu-virt-arm64" "$T/ren"
sed 's#"blob": "etc/hardware_errors"#"blob": "etc/hw_errors"#' "$T/qemu-virt-arm64/hest-layout.json" >"$T/ren/hest-layout.json"
"$HESTVAL" validate "$T/ren" >"$T/ren.out" 2>&1
check "a blob renamed in the layout: exit 2 naming the script's file" \
	sh -c "[ $? = 2 ] && grep -q \"table-loader.bin' uses the fw_cfg file 'etc/hardware_errors', which '$T/ren/hest-layout.json' does not name\" '$T/ren.out'"
# outputs of two compiles mixed: arm-ged-gpio's script is the same shape; vmm's names differ
cp "$T/vmm-loader-options/table-loader.bin" "$T/ren/table-loader.bin"
cp "$T/qemu-virt-arm64/hest-layout.json" "$T/ren/hest-layout.json"
"$HESTVAL" validate "$T/ren" >"$T/mix.out" 2>&1
check "another compile's script: exit 2, the outputs were mixed" \
	sh -c "[ $? = 2 ] && grep -q 'the outputs were renamed or come from different compiles' '$T/mix.out'"
# a layout that is not one
printf '{"generator": "x"}\n' >"$T/ren/hest-layout.json"
"$HESTVAL" validate "$T/ren" >"$T/bad.out" 2>&1
check "a hest-layout.json without placement: exit 2" sh -c "[ $? = 2 ] && grep -q 'is not a hestc layout' '$T/bad.out'"
printf '{"placement": {"mode": "linker-loader", "blob": "etc/a\\u0062c", ' >"$T/ren/hest-layout.json"
"$HESTVAL" validate "$T/ren" >"$T/trunc.out" 2>&1
check "a truncated hest-layout.json: exit 2" sh -c "[ $? = 2 ] && grep -q 'is not a hestc layout' '$T/trunc.out'"
done_testing
