#!/bin/sh
# Every table hestc's goldens hold validates with no errors; tables placed
# for a linker/loader validate after their loader script ran, with every
# register and block where it belongs.
. "$top_srcdir/tests/lib.sh"
G=$top_srcdir/tests/golden

for f in "$G"/*.aml "$G"/placement/*/hest.aml "$G"/qemu/aarch64-virt-HEST.loaded; do
	[ -f "$f" ] || continue
	name=${f#"$G"/}
	case $name in
	# hestc reproduces iasl's own template byte for byte, faults included:
	# tests/val/corpus.sh checks those faults are reported (for the ERST
	# template, its address-0 registers: tests/val/apei.sh).
	iasl-template.aml | erst-iasl-template.aml | iasl/*) continue ;;
	esac
	"$HESTVAL" validate -q "$f" >"$scratch/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q "error\[" "$scratch/out"; then
		ok "$name validates without errors"
	else
		not_ok "$name validates without errors (exit $rc)"
		diag "$(cat "$scratch/out")"
	fi
done

# With their loader scripts: no loader fault, no unpatched register, every
# register and block inside the region, under SeaBIOS and OVMF/AAVMF.
head -c 8 /dev/zero >"$scratch/addr8"
for d in "$G"/placement/*/; do
	[ -f "$d/table-loader.bin" ] || continue
	name=$(basename "$d")
	set -- --loader "$d/table-loader.bin"
	blob=$(sed -n 's/^ALLOCATE *file="\([^"]*\)".*/\1/p' "$d/table-loader.txt" | grep -v tables | head -n 1)
	tables=$(sed -n 's/^ALLOCATE *file="\([^"]*tables[^"]*\)".*/\1/p' "$d/table-loader.txt" | head -n 1)
	set -- "$@" --blob "$blob=$d/hardware_errors.bin"
	[ -n "$tables" ] && [ -f "$d/tables.bin" ] && set -- "$@" --blob "$tables=$d/tables.bin"
	# the files the script writes addresses back into: the VMM registers them writable
	for w in $(python3 -c 'import json, sys
p = json.load(open(sys.argv[1]))["placement"]
print(" ".join(p[k] for k in ("address_blob", "hest_address_blob") if k in p))' "$d/hest-layout.json"); do
		set -- "$@" --writable "$w=$scratch/addr8"
	done
	# the HEST as served for the loader (checksum byte 0), as both firmware models run it
	"$HESTVAL" validate "$@" "$d/hest-fwcfg.aml" >"$scratch/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q "error\[\|error:" "$scratch/out"; then
		ok "$name: validates after its loader script ran"
	else
		not_ok "$name: validates after its loader script ran (exit $rc)"
		diag "$(cat "$scratch/out")"
	fi
	check "$name: the summary says the table was checked after the loader" \
		grep -q "after the loader script" "$scratch/out"
	check "$name: no register is left unpatched" sh -c "! grep -q 'HEST-GAS-ZERO' '$scratch/out'"
	check "$name: every GHES is registered by Linux" sh -c "! grep -q 'probe-failed\|inactive' '$scratch/out'"
	check "$name: OVMF/AAVMF install the HEST" grep -q "loader under OVMF/AAVMF: installs .*HEST" "$scratch/out"
done
done_testing
