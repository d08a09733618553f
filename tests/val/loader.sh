#!/bin/sh
# The loader cross-check: hestval runs the script over its fw_cfg files,
# checks the HEST it patched, then where every register and block lands.
# Inputs are QEMU's two-source arm virt layout from the placement goldens,
# broken one way at a time.
. "$top_srcdir/tests/lib.sh"
L=$top_srcdir/tests/golden/placement/qemu-virt-arm64
P="python3 $top_srcdir/tests/val/hestpatch.py"
T=$scratch
blob=$L/hardware_errors.bin

# val NAME [ARGS...]: hestval validate on $T/NAME.aml with the layout's blob
val() {
	name=$1
	shift
	"$HESTVAL" validate --blob "etc/hardware_errors=${BLOB:-$blob}" "$@" "$T/$name.aml" >"$T/$name.out" 2>&1
	echo $? >"$T/$name.rc"
}
fires() { # fires RULE NAME TEXT
	if grep -F "[$1]" "$T/$2.out" | grep -qF -- "$3"; then
		ok "$1 on $2: $3"
	else
		not_ok "$1 on $2: $3"
		diag "$(cat "$T/$2.out")"
	fi
}
clean() { # clean NAME: exit 0 and no error
	rc=$(cat "$T/$1.rc")
	if [ "$rc" = 0 ] && ! grep -q 'error\[\|error:' "$T/$1.out"; then
		ok "$1: no error after loading"
	else
		not_ok "$1: no error after loading (exit $rc)"
		diag "$(cat "$T/$1.out")"
	fi
}

cp "$L/hest.aml" "$T/good.aml"
val good --loader "$L/table-loader.bin"
clean good
check "good: both GHES are registered by Linux after loading" grep -q "2 GHES registered" "$T/good.out"
val good --loader "$L/table-loader.txt"
clean good
check "good: the text listing gives the same result" grep -q "2 GHES registered" "$T/good.out"

# The same, as a directory of fw_cfg files.
mkdir -p "$T/fwcfg/etc/acpi"
cp "$L/hest.aml" "$T/fwcfg/etc/acpi/tables"
cp "$L/table-loader.bin" "$T/fwcfg/etc/table-loader"
cp "$blob" "$T/fwcfg/etc/hardware_errors"
"$HESTVAL" validate "$T/fwcfg" >"$T/dir.out" 2>&1
echo $? >"$T/dir.rc"
clean dir
check "a fw_cfg directory is checked after its etc/table-loader ran" grep -q "after the loader script" "$T/dir.out"
check "diagnostics of a directory name its etc/acpi/tables" grep -q "fwcfg/etc/acpi/tables" "$T/dir.out"

# Without the script, the unpatched register offsets are reported.
"$HESTVAL" validate "$L/hest.aml" >"$T/nolo.out" 2>&1
check "without a script, the zero register address is reported" grep -q "HEST-GAS-ZERO" "$T/nolo.out"

# LOADER-HEST-MISSING: the tables blob holds no HEST.
cp "$L/hest.aml" "$T/missing.aml"
val missing --loader "$L/table-loader.bin" --blob "etc/acpi/tables=$blob"
fires LOADER-HEST-MISSING missing "no allocated file holds a table with the signature 'HEST'"

# LOADER-REGISTER: the register offset leaves fewer than 8 bytes of the blob.
$P patch "$L/hest.aml" "$T/reg.aml" s0+24:8=0x81c
val reg --loader "$L/table-loader.bin"
fires LOADER-REGISTER reg "lies in 'etc/hardware_errors' but fewer than 8 bytes remain before its end"
$P patch "$L/hest.aml" "$T/reg2.aml" s0+24:8=0x4000
val reg2 --loader "$L/table-loader.bin"
fires LOADER-REGISTER reg2 "is outside every allocated file"

# LOADER-BLOCK: a register the script does not patch, a block too long.
grep -v 'ADD_POINTER   dest="etc/hardware_errors" offset=0x0 ' "$L/table-loader.txt" >"$T/nopatch.txt"
python3 - "$blob" "$T/zero-reg.bin" <<'PY' || exit 99
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[0:8] = bytes(8)
open(sys.argv[2], 'wb').write(b)
PY
cp "$L/hest.aml" "$T/block0.aml"
BLOB=$T/zero-reg.bin val block0 --loader "$T/nopatch.txt"
fires LOADER-BLOCK block0 "holds 0: no ADD_POINTER sets it"
cp "$L/hest.aml" "$T/block1.aml"
val block1 --loader "$T/nopatch.txt"
fires LOADER-BLOCK block1 "points at 0x20, outside every allocated file"
$P patch "$L/hest.aml" "$T/long.aml" s0+60:4=4096
val long --loader "$L/table-loader.bin"
fires LOADER-BLOCK long "where only 2048 bytes remain; error_block_length is 4096"

# LOADER-BLOCK-OVERLAP: both registers point at the first block.
python3 - "$blob" "$T/same-block.bin" <<'PY' || exit 99
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
b[8:16] = b[0:8]
open(sys.argv[2], 'wb').write(b)
PY
cp "$L/hest.aml" "$T/overlap.aml"
BLOB=$T/same-block.bin val overlap --loader "$L/table-loader.bin"
fires LOADER-BLOCK-OVERLAP overlap "overlaps the error status block of source"

# LOADER-READ-ACK: a read-ack register past the region.
$P patch "$L/hest.aml" "$T/ack.aml" s0+68:8=0x4000
val ack --loader "$L/table-loader.bin"
fires LOADER-READ-ACK ack "is not 8 bytes inside an allocated file"
# ... and a read-ack register shared by both sources.
$P patch "$L/hest.aml" "$T/ack2.aml" s1+68:8=0x10
val ack2 --loader "$L/table-loader.bin"
fires GAS-OVERLAP ack2 "the read-ack register 0x"

# LOADER-HEST-CHECKSUM: no ADD_CHECKSUM after the pointers into the HEST.
grep -v 'ADD_CHECKSUM' "$L/table-loader.txt" >"$T/nocksum.txt"
cp "$L/hest.aml" "$T/cksum.aml"
val cksum --loader "$T/nocksum.txt"
fires LOADER-HEST-CHECKSUM cksum "after the loader script ran: an ADD_CHECKSUM is missing or comes too early"

# The simulator's own faults come through, and under the rule settings.
printf 'ALLOCATE      file="etc/hardware_errors" align=12 zone=high\n' >"$T/align.txt"
cp "$L/hest.aml" "$T/align.aml"
val align --loader "$T/align.txt"
fires LOADER-ALIGN align "alignment 12 is not a power of two"
val align --loader "$T/align.txt" -w LOADER-ALIGN
check "-w silences a simulator rule" sh -c "! grep -q 'LOADER-ALIGN' '$T/align.out'"
done_testing
