#!/bin/sh
# A deliberately undersized error_block_length (tests/e2e/undersized.yaml:
# 128 bytes for a source whose records carry a memory error section, 172
# bytes): hestc refuses it before anything boots.  Then the validator is
# bypassed on purpose (the same table compiled with a sane length, 128
# patched into hest.aml) and booted, path A style, with that memory error
# record in the block: the kernel's complaint is recorded here, and it is why
# hestc refuses the description.
. "$top_srcdir/tests/e2e/lib.sh"
e2e_require

boot=$e2e_out/undersized
mkdir -p "$boot"
desc=$e2e_src/undersized.yaml
small=$(sed -n 's/^ *error_block_length: *\([0-9][0-9]*\) *$/\1/p' "$desc")

check "hestc cper builds the memory error record" e2e_cper "$e2e_src/records/memory.yaml" "$boot/memory.bin"
record_len=$(wc -c <"$boot/memory.bin")

# 1. hestc refuses it, with the YAML position of the value, and writes nothing.
rc=0
"$HESTC" compile "$desc" -o "$boot/refused" --emit all >"$boot/refused.out" 2>"$boot/refused.err" || rc=$?
check "hestc compile refuses error_block_length $small (exit status $rc, want 1)" [ "$rc" -eq 1 ]
line=$(grep -n '^ *error_block_length:' "$desc" | head -n 1 | cut -d: -f1)
if grep -q "undersized.yaml:$line:[0-9]*: error: .*error_block_length $small" "$boot/refused.err"; then
	ok "the error points at undersized.yaml:$line and names error_block_length $small"
else
	not_ok "the error points at undersized.yaml:$line and names error_block_length $small"
fi
check "hestc's worst case for one memory record is the record hestc cper builds ($record_len bytes)" \
	grep -q "smaller than the $record_len bytes one record can need" "$boot/refused.err"
sed 's/^/# hestc: /' "$boot/refused.err"
check "nothing is written when hestc refuses" [ ! -e "$boot/refused/hest.aml" ]

# 2. Bypass: a sane twin, then the undersized length patched into the table.
sed "s/^\( *error_block_length:\) *$small *\$/\1 4KiB/" "$desc" >"$boot/twin.yaml"
if ! "$HESTC" compile -q "$boot/twin.yaml" -o "$boot/out" --emit all 2>"$boot/twin.err"; then
	not_ok "the twin with a 4 KiB block compiles"
	sed 's/^/# /' "$boot/twin.err"
	done_testing
	exit 1
fi
ok "the twin with a 4 KiB block compiles"
# error_block_length is at offset 60 of a GHES structure (ACPI 6.5 18.3.2.7).
check "error_block_length $small patched into hest.aml (checksum fixed)" \
	"$PYTHON" "$e2e_src/e2e.py" patch-hest --layout "$boot/out/hest-layout.json" --hest "$boot/out/hest.aml" \
	--source small --field-offset 60 --size 4 --value "$small" --out "$boot/hest-bypassed.aml"
# hestval reads the table as any HEST: it must not pass it as clean either.
rc=0
e2e_hestval "$boot" hestval --werror "$boot/hest-bypassed.aml" || rc=$?
check "hestval validate --werror does not accept the bypassed table (exit status $rc, want 1)" [ "$rc" -eq 1 ]
check "hestval's diagnostic names error_block_length $small" grep -q "error_block_length $small" "$boot/hestval.txt"
check "the record ($record_len bytes) is longer than the declared block ($small bytes)" [ "$record_len" -gt "$small" ]
check "the record goes into the block (4 KiB in the region)" \
	"$PYTHON" "$e2e_src/e2e.py" put-block --layout "$boot/out/hest-layout.json" \
	--blob "$boot/out/hardware_errors.bin" --out "$boot/hardware_errors.bin" small="$boot/memory.bin"
e2e_fixed_boot "$boot" "$boot/out/hest-layout.json" "$boot/hest-bypassed.aml" "$boot/hardware_errors.bin"
e2e_expect_line "$boot" "HEST: Table parsing has been initialized" 'HEST: Table parsing has been initialized\.'
# The kernel's complaint (Linux 6.1, drivers/acpi/apei/ghes.c): the record's
# length runs past error_block_length, so the block is refused unread.
e2e_expect_line "$boot" "the kernel complains: [Firmware Warn]: GHES: Invalid error status block length!" \
	'\[Firmware Warn\]: GHES: Invalid error status block length!'
e2e_no_record "$boot" 0 "the record is not decoded"
e2e_hestval_agrees "$boot" hestval
# Refused is not kept: Linux clears block_status anyway, so the record is lost.
e2e_expect_probe "$boot" small block_status 0 "the kernel cleared the block it refused (the record is lost)"
e2e_report_times
done_testing
