#!/bin/sh
# End to end: Linux decodes every data entry of one error status block.
# tests/e2e/multi-entry.yaml has two QEMU-shaped GHESv2 sources at a fixed
# base: qemu-1k (QEMU's 1 KiB block) gets records/memory-4.yaml (four memory
# errors at distinct addresses), qemu-4k (the 4 KiB block of QEMU's 2025
# series) records/memory-16.yaml (sixteen, one 64 KiB host page).  Each
# block holds exactly what `hestc cper --format qmp --layout ... --source
# ...` sends QEMU, its base64 decoded here by Python, so the payload of the
# QMP command is what Linux reads.  One boot (q35, SeaBIOS, Linux 6.1).
# See docs/e2e.md.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require

boot=$e2e_out/multi-entry
mkdir -p "$boot"
records=$e2e_src/records
layout=$boot/out/hest-layout.json

if ! "$HESTC" compile -q "$e2e_src/multi-entry.yaml" -o "$boot/out" --emit all 2>"$boot/compile.err"; then
	not_ok "tests/e2e/multi-entry.yaml compiles"
	sed 's/^/# /' "$boot/compile.err"
	done_testing
	exit 1
fi
ok "tests/e2e/multi-entry.yaml compiles (hest.aml $(wc -c <"$boot/out/hest.aml") bytes, hardware_errors.bin $(wc -c <"$boot/out/hardware_errors.bin") bytes)"

# qmp-payload.py QMP OUT: the block a QMP inject-ghes-v2-error command carries.
cat >"$boot/qmp-payload.py" <<'PY'
import base64, json, sys
cmd = json.load(open(sys.argv[1]))
assert cmd["execute"] == "inject-ghes-v2-error" and list(cmd["arguments"]) == ["cper"]
open(sys.argv[2], "wb").write(base64.b64decode(cmd["arguments"]["cper"], validate=True))
PY
check "hestc cper --format qmp builds the 4-entry record for qemu-1k's block" \
	"$HESTC" cper -q --format qmp --layout "$layout" --source qemu-1k "$records/memory-4.yaml" -o "$boot/memory-4.qmp"
check "hestc cper --format qmp builds the 16-entry record for qemu-4k's block" \
	"$HESTC" cper -q --format qmp --layout "$layout" --source qemu-4k "$records/memory-16.yaml" -o "$boot/memory-16.qmp"
"$HESTC" cper -q --format qmp --layout "$layout" --source qemu-1k "$records/memory-16.yaml" -o "$boot/refused.qmp" \
	2>"$boot/refused.err"
rc=$?
check "... and refuses the 16-entry record for qemu-1k (2452 bytes > 1024), at the first entry past it" \
	sh -c '[ "$1" -eq 1 ] && [ ! -e "$2/refused.qmp" ] && grep -q "memory-16.yaml:15:5: error: the block is 2452 bytes; the error status block holds 1024 (source .qemu-1k. of .*): memory section #6" "$2/refused.err"' \
	sh "$rc" "$boot"
check "the QMP payloads decode (Python's base64)" \
	sh -c '"$1" "$2" "$3/memory-4.qmp" "$3/memory-4.bin" && "$1" "$2" "$3/memory-16.qmp" "$3/memory-16.bin"' \
	sh "$PYTHON" "$boot/qmp-payload.py" "$boot"
check "  into the blocks hestc cper builds (628 and 2452 bytes)" \
	sh -c '"$1" cper -q "$2/memory-4.yaml" -o "$3/m4.bin" && cmp -s "$3/m4.bin" "$3/memory-4.bin" &&
		"$1" cper -q "$2/memory-16.yaml" -o "$3/m16.bin" && cmp -s "$3/m16.bin" "$3/memory-16.bin" &&
		[ "$(wc -c <"$3/memory-4.bin")" -eq 628 ] && [ "$(wc -c <"$3/memory-16.bin")" -eq 2452 ]' sh "$HESTC" "$records" "$boot"
check "the payloads go into the blocks of qemu-1k and qemu-4k" \
	"$PYTHON" "$e2e_src/e2e.py" put-block --layout "$layout" \
	--blob "$boot/out/hardware_errors.bin" --out "$boot/hardware_errors.bin" \
	qemu-1k="$boot/memory-4.bin" qemu-4k="$boot/memory-16.bin"

if e2e_hestval "$boot" hestval --werror "$boot/out/hest.aml"; then
	ok "hestval validate --werror accepts hest.aml"
else
	not_ok "hestval validate --werror accepts hest.aml"
fi

base=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["placement"]["base"])' "$layout")
size=$("$PYTHON" -c 'import json,sys; print((json.load(open(sys.argv[1]))["placement"]["blob_size"] + 4095) // 4096 * 4)' "$layout")K
e2e_probes "$layout" "$boot/probes"
check "the guest's initramfs builds" e2e_initramfs "$boot/initrd.gz" "$boot/probes"

rc=0
e2e_boot "$boot" "$boot/initrd.gz" "memmap=$size\$$base" \
	-acpitable "file=$boot/out/hest.aml" \
	-device "loader,file=$boot/hardware_errors.bin,addr=$base,force-raw=on" || rc=$?
if ! e2e_boot_ok "$boot" "$rc"; then
	e2e_show_lines "$boot"
	e2e_report_times
	done_testing
	exit 1
fi
e2e_show_lines "$boot"
e2e_expect_our_hest "$boot" "$boot/out/hest.aml" 'HESTC  MULTI   '

# Every entry of each block, in order, from one record each.
e2e_expect_record "$boot" 0 "$records/memory-4.expect"
e2e_expect_record "$boot" 1 "$records/memory-16.expect"
for id in 0 1; do
	n=$(e2e_record "$boot" "$id" | grep -c '^Hardware error from APEI Generic Hardware Error Source: ')
	check "multi-entry: source $id's entries came in one record (one 'Hardware error from' line, got $n)" [ "$n" -eq 1 ]
done
n=$(e2e_record "$boot" 1 | grep -c '^physical_address: ')
check "multi-entry: Linux printed 16 physical addresses for qemu-4k's block (got $n)" [ "$n" -eq 16 ]
# ... and handled one by one, not only printed: on x86, Linux's GHES hands
# each corrected memory entry with a valid address to the MCE log
# (ghes_do_proc -> arch_apei_report_mem_error -> apei_mce_report_mem_error),
# which prints it as "mce: [Hardware Error]: TSC 0 ADDR <address>".
want=$(sed -n 's/.*physical_address: 0x0*\([0-9a-f]*\).*/\1/p' "$records/memory-4.yaml" "$records/memory-16.yaml" | sort)
got=$(sed -n 's/.*mce: \[Hardware Error\]: TSC [0-9a-f]* ADDR \([0-9a-f]*\).*/\1/p' "$boot/kernel.log" | sort)
check "multi-entry: the MCE log has each of the 20 entries' addresses once ($(printf '%s\n' "$got" | grep -c .) ADDR lines)" \
	sh -c '[ -n "$1" ] && [ "$1" = "$2" ] && [ "$(printf "%s\n" "$2" | wc -l)" -eq 20 ]' sh "$got" "$want"
e2e_no_firmware_complaint "$boot"
e2e_hestval_agrees "$boot" hestval

# After the kernel consumed them: the blocks are empty and both records
# acknowledged ((0 & ~1) | 1 = 1, what QEMU waits for before the next one).
for name in qemu-1k qemu-4k; do
	e2e_expect_probe "$boot" "$name" block_status 0 "block of $name is empty after the kernel ran"
	e2e_expect_probe "$boot" "$name" read_ack 1 "the kernel acknowledged $name's record"
done

e2e_report_times
done_testing
