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
	# tests/val/corpus.sh checks those faults are reported.
	iasl-template.aml | iasl/*) continue ;;
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
# register and block inside the region.
for d in "$G"/placement/*/; do
	[ -f "$d/table-loader.bin" ] || continue
	name=$(basename "$d")
	set -- --loader "$d/table-loader.bin"
	blob=$(sed -n 's/^ALLOCATE *file="\([^"]*\)".*/\1/p' "$d/table-loader.txt" | grep -v tables | head -n 1)
	tables=$(sed -n 's/^ALLOCATE *file="\([^"]*tables[^"]*\)".*/\1/p' "$d/table-loader.txt" | head -n 1)
	set -- "$@" --blob "$blob=$d/hardware_errors.bin"
	[ -n "$tables" ] && [ -f "$d/tables.bin" ] && set -- "$@" --blob "$tables=$d/tables.bin"
	"$HESTVAL" validate "$@" "$d/hest.aml" >"$scratch/out" 2>&1
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
done
done_testing
