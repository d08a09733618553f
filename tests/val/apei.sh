#!/bin/sh
# BERT and EINJ (issue 21): every BERT-*, EINJ-* and APEI-* rule fires on a
# table built to break it (tests/golden/bert-fixed.aml, einj-memory.aml,
# edited here) and is silent on the golden; hestval --region walks a BERT's
# region; hestc decompile --region keeps it; the placement outputs (BERT and
# EINJ, fixed and linker-loader) hold what the tables point at.
. "$top_srcdir/tests/lib.sh"
G=$top_srcdir/tests/golden
T=$scratch
bert=$G/bert-fixed.aml einj=$G/einj-memory.aml

# mk NAME SRC PYTHON: $T/NAME.aml, SRC's bytes as `b` edited by PYTHON, the
# checksum fixed unless the code sets nosum
mk() {
	python3 - "$2" "$T/$1.aml" "$3" <<'EOP'
import struct, sys
b = bytearray(open(sys.argv[1], "rb").read())
nosum = False
exec(sys.argv[3])
if not nosum and len(b) > 9:
    b[9] = 0
    b[9] = (-sum(b)) & 0xff
open(sys.argv[2], "wb").write(b)
EOP
}
run() { # run NAME [ARGS...]: hestval validate -q
	name=$1
	shift
	"$HESTVAL" validate -q "$@" "$T/$name.aml" >"$T/$name.out" 2>&1
}
fires() { # fires RULE NAME 'text' [ARGS...]
	rule=$1 name=$2 text=$3
	shift 3
	run "$name" "$@"
	if grep -F "[$rule]: " "$T/$name.out" | grep -qF -- "$text"; then
		ok "$rule fires on $name: $text"
	else
		not_ok "$rule fires on $name: $text"
		diag "$(cat "$T/$name.out")"
	fi
}

cp "$bert" "$T/bert.aml"
cp "$einj" "$T/einj.aml"
run bert
check "the BERT golden validates clean" grep -q ': 0 errors, 0 warnings, 0 notes' "$T/bert.out"
run einj
check "the EINJ golden validates clean" grep -q ': 0 errors, 0 warnings, 0 notes' "$T/einj.out"

mk e-len "$einj" 'b += bytes(4); nosum = True'
fires APEI-LENGTH e-len "table length 304 but 308 bytes are given"
mk e-sum "$einj" 'b[9] ^= 1; nosum = True'
fires APEI-CHECKSUM e-sum "bytes sum to 0x01, not 0"
mk b-short "$bert" 'b = b[:40]; nosum = True'
fires BERT-LENGTH b-short "the BERT header alone takes 48"
mk b-rl "$bert" 'b[36:40] = struct.pack("<I", 8)'
fires BERT-REGION-LENGTH b-rl "region_length 8 is below one status block header"
mk b-addr "$bert" 'b[40:48] = bytes(8)'
fires BERT-REGION-ADDRESS b-addr "region_address is 0"
mk e-short "$einj" 'b = b[:40]; nosum = True'
fires EINJ-LENGTH e-short "the EINJ header alone takes 48"
mk e-hl "$einj" 'b[36] = 16'
fires EINJ-HEADER-LENGTH e-hl "injection header length 16 is neither 12 (ACPI) nor 48"
mk e-hl48 "$einj" 'b[36] = 48'
fires EINJ-HEADER-LENGTH-48 e-hl48 "injection header length 48 counts the ACPI header"
mk e-count "$einj" 'b[44] = 9'
fires EINJ-COUNT e-count "entry count 9 but the table length 304 holds 8 entries"
mk e-act "$einj" 'b[48 + 32 * 3] = 0x0a'
fires EINJ-ACTION e-act "entry 3: action 0x0a is not one ACPI defines"
fires EINJ-ACTION-MISSING e-act "no get-error-type entry"
mk e-trig "$einj" 'b[48] = 0xff'
fires EINJ-ACTION e-trig "entry 0: trigger-error belongs in the trigger action table"
mk e-ins "$einj" 'b[48 + 32 * 3 + 1] = 5'
fires EINJ-INSTRUCTION e-ins "entry 3: instruction 5 is not one EINJ defines (0-4)"
mk e-flags "$einj" 'b[48 + 32 * 3 + 2] = 0x80'
fires EINJ-FLAGS e-flags "entry 3: flags 0x80 set bits ACPI reserves"
mk e-space "$einj" 'b[48 + 32 * 3 + 4] = 3'
fires EINJ-GAS e-space "entry 3: address space 3 is neither system-memory nor system-io"
mk e-zero "$einj" 'b[48 + 32 * 3 + 8:48 + 32 * 3 + 16] = bytes(8)'
fires EINJ-GAS e-zero "entry 3: register address 0"
mk e-acc "$einj" 'b[48 + 32 * 3 + 7] = 0'
fires EINJ-GAS e-acc "entry 3: access size 0 is not byte, word, dword or qword"
mk e-width "$einj" 'b[48 + 32 * 3 + 5] = 16; b[48 + 32 * 3 + 6] = 24'
fires EINJ-GAS e-width "entry 3: bit width 16 + offset 24 exceed the 32-bit access"
# Linux's fix-up: a 64-bit register with a dword access size is read as qword
mk e-fixup "$einj" 'b[48 + 32 * 3 + 5] = 64; b[48 + 32 * 3 + 7] = 3'
run e-fixup
check "EINJ-GAS: a 64-bit register at an 8-byte aligned address with dword access passes (Linux widens it)" \
	grep -q ': 0 errors, 0 warnings, 0 notes' "$T/e-fixup.out"

# --- ERST (iasl's template: every register address 0)
erst=$G/erst-iasl-template.aml
cp "$erst" "$T/erst.aml"
fires ERST-GAS erst "entry 0: register address 0" 
fires ERST-ACTION erst "entry 12: action 0x0c is not one ACPI defines"
mk r-short "$erst" 'b = b[:40]; nosum = True'
fires ERST-LENGTH r-short "the ERST header alone takes 48"
mk r-hl "$erst" 'b[36] = 16'
fires ERST-HEADER-LENGTH r-hl "serialization header length 16 is neither 48 nor 12"
mk r-count "$erst" 'b[44] = 17'
fires ERST-COUNT r-count "entry count 17 but the table length 560 holds 16 entries"
mk r-ins "$erst" 'b[48 + 32 * 3 + 1] = 0x13'
fires ERST-INSTRUCTION r-ins "entry 3: instruction 0x13 is not one ERST defines"
# stall (0x0c) and goto (0x0f) use no register: address 0 is fine there
mk r-stall "$erst" 'b[48 + 32 * 0 + 1] = 0x0c'
run r-stall
check "ERST-GAS: a stall instruction's register is not checked (Linux maps none)" sh -c "! grep -q 'entry 0: register address 0' '$T/r-stall.out'"
cat >"$T/er.yaml" <<'EOY'
table: { signature: ERST }
placement: { mode: fixed, base: 0x1000 }
entries: [{ action: end, instruction: noop }]
EOY
"$HESTC" compile -q "$T/er.yaml" -o "$T/er" 2>"$T/er.err"
check "an ERST description takes placement mode none (exit 1)" \
	sh -c "[ $? = 1 ] && grep -q 'an ERST description takes placement mode none' '$T/er.err'"

# --- the boot error region ----------------------------------------------------
"$HESTC" compile -q "$top_srcdir/examples/bert-fixed.yaml" -o "$T/bf" --emit all
check "bert-fixed compiles with its region" test -s "$T/bf/boot_errors.bin"
region=$T/bf/boot_errors.bin
run bert --region "$region"
check "--region: the records of bert-fixed are checked and clean" grep -q ': 0 errors, 0 warnings, 0 notes' "$T/bert.out"
python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[12]=0xff; open(sys.argv[2],"wb").write(b)' \
	"$region" "$T/r-trunc.bin"
fires BERT-REGION-BLOCK bert "region offset 0x0: a status block of 275 bytes runs past the region's 172" --region "$T/r-trunc.bin"
check "BERT-REGION-BLOCK names the region file and offset" grep -q "^$T/r-trunc.bin:0x0: error\[BERT-REGION-BLOCK\]" "$T/bert.out"
head -c 172 /dev/zero >"$T/r-empty.bin"
fires BERT-REGION-EMPTY bert "the boot error region holds no record" --region "$T/r-empty.bin"
head -c 100 "$region" >"$T/r-short.bin"
fires BERT-REGION-SHORT bert "the region given is 100 bytes, region_length says 172" --region "$T/r-short.bin"
python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[36]=0x99; open(sys.argv[2],"wb").write(b)' \
	"$region" "$T/r-sev.bin"
fires HEST-CPER-SEVERITY bert "boot error region, record 0 at 0x0: memory section #0: severity 153" --region "$T/r-sev.bin"
"$HESTVAL" validate --region "$region" "$T/einj.aml" >"$T/noregion.out" 2>&1
check "--region with an EINJ is an error (exit 2)" sh -c "[ $? = 2 ] && grep -q 'is not a BERT' '$T/noregion.out'"

# decompile --region: the region comes back as 'region:' bytes and compiles to the same table
if "$HESTC" decompile "$bert" --region "$region" -o "$T/br.yaml" 2>"$T/br.err" &&
	"$HESTC" compile -q "$T/br.yaml" -o "$T/br" 2>>"$T/br.err"; then
	check "decompile --region: the description compiles back to the same BERT" cmp -s "$T/br/bert.aml" "$bert"
	check "decompile --region: the region is kept" grep -q '^region: |' "$T/br.yaml"
else
	not_ok "decompile --region and compile back"
	diag "$(cat "$T/br.err")"
fi

# --- placement outputs ---------------------------------------------------------
python3 - "$T/bf" <<'EOP' >"$T/bf.check"
import sys, struct
d = sys.argv[1]
t = open(d + "/bert.aml", "rb").read(); r = open(d + "/boot_errors.bin", "rb").read()
ln, addr = struct.unpack_from("<IQ", t, 36)
print("ok" if (ln, addr) == (len(r), 0x1e000000) and r[:4] == b"\x11\0\0\0" else "bad %d 0x%x" % (ln, addr))
EOP
check "bert-fixed: region_length is the region's bytes, region_address the base, block_status 0x11 (uncorrectable, 1 entry)" grep -qx ok "$T/bf.check"
cat >"$T/bl.yaml" <<'EOY'
table:     { signature: BERT }
placement: { mode: linker-loader, standalone: true }
records:
  - severity: corrected
    sections: [{ type: memory, physical_address: 0x1000 }]
EOY
"$HESTC" compile -q "$T/bl.yaml" -o "$T/bl" --emit all
check "BERT linker-loader: ALLOCATE etc/boot_errors, ADD_POINTER at region_address (0x28), ADD_CHECKSUM" \
	sh -c "grep -q '^ALLOCATE .*file=\"etc/boot_errors\"' '$T/bl/table-loader.txt' &&
		grep -q '^ADD_POINTER .*dest=\"etc/acpi/tables\" offset=0x28 size=8 src=\"etc/boot_errors\"' '$T/bl/table-loader.txt' &&
		grep -q '^ADD_CHECKSUM .*offset=0x9 start=0x0 length=0x30' '$T/bl/table-loader.txt'"
check "BERT linker-loader: the served table's checksum byte is 0, region_address the blob offset 0" \
	python3 -c 'import sys,struct; t=open(sys.argv[1],"rb").read(); sys.exit(not (t[9]==0 and struct.unpack_from("<Q",t,40)[0]==0))' "$T/bl/bert-fwcfg.aml"

"$HESTC" compile -q "$top_srcdir/examples/einj-memory.yaml" -o "$T/ef" --emit all
check "einj-memory: GET_ERROR_TYPE reads the error_types register at base, the trigger register holds the table's address" \
	python3 -c '
import sys, struct
t = open(sys.argv[1] + "/einj.aml", "rb").read(); r = open(sys.argv[1] + "/einj_registers.bin", "rb").read()
addr = [struct.unpack_from("<Q", t, 48 + 32 * i + 8)[0] for i in range(8)]
ok = addr[3] == 0x1e100000 and addr[2] == 0x1e100008 and addr[1] == 0x1e100028
ok = ok and struct.unpack_from("<I", r, 0)[0] == 0x28 and struct.unpack_from("<Q", r, 40)[0] == 0x1e100030
ok = ok and struct.unpack_from("<IIII", r, 48) == (16, 0, 16, 0)
sys.exit(not ok)' "$T/ef"
sed 's/mode: fixed, base: 0x1e100000/mode: linker-loader/' "$top_srcdir/examples/einj-memory.yaml" >"$T/el.yaml"
"$HESTC" compile -q "$T/el.yaml" -o "$T/el" --emit all
check "EINJ linker-loader: ALLOCATE etc/einj_registers, an ADD_POINTER per placed register and one for the trigger address" \
	sh -c "grep -q '^ALLOCATE .*file=\"etc/einj_registers\"' '$T/el/table-loader.txt' &&
		[ \$(grep -c '^ADD_POINTER .*dest=\"etc/acpi/tables\".*src=\"etc/einj_registers\"' '$T/el/table-loader.txt') = 6 ] &&
		grep -q '^ADD_POINTER .*dest=\"etc/einj_registers\" offset=0x28 size=8 src=\"etc/einj_registers\"' '$T/el/table-loader.txt'"

# compile reports the validator's errors as warnings, and still writes the table
cat >"$T/w.yaml" <<'EOY'
table: { signature: EINJ }
entries:
  - { action: get-error-type, instruction: read-register }
EOY
"$HESTC" compile -q "$T/w.yaml" -o "$T/w" 2>"$T/w.err"
check "hestc compile: an EINJ register at address 0 is a warning naming EINJ-GAS, the table is written" \
	sh -c "[ $? = 0 ] && grep -q 'warning: entry 0: register address 0.*\[EINJ-GAS\]' '$T/w.err' && test -s '$T/w/einj.aml'"
# the trigger action table: entries Linux never runs, registers it refuses, a table past a page
cat >"$T/t.yaml" <<'EOY'
table: { signature: EINJ }
placement: { mode: fixed, base: 0x1e100000 }
registers: [{ name: trig, points_to: trigger }]
entries: [{ action: get-trigger-error-action-table, instruction: read-register, register_at: trig }]
trigger:
  - { action: execute-operation, instruction: write-register-value, register: { address: 0x1000 } }
  - { action: trigger-error, instruction: write-register-value, register: { address: 0 } }
EOY
"$HESTC" compile -q "$T/t.yaml" -o "$T/t" 2>"$T/t.err"
check "EINJ-TRIGGER: a trigger entry that is not trigger-error" \
	grep -q "trigger entry 0: action execute-operation; Linux runs only trigger-error entries.*\[EINJ-TRIGGER\]" "$T/t.err"
check "EINJ-GAS in the trigger table: register address 0, every injection fails" \
	grep -q "trigger entry 1: register address 0;.*every injection fails \[EINJ-GAS\]" "$T/t.err"
{ sed '/^trigger:/,$d' "$T/t.yaml"; echo "trigger:"; i=0; while [ $i -lt 128 ]; do
	echo "  - { action: trigger-error, instruction: noop }"; i=$((i + 1)); done; } >"$T/tbig.yaml"
"$HESTC" compile -q "$T/tbig.yaml" -o "$T/tbig" 2>"$T/tbig.err"
check "EINJ-TRIGGER: a trigger table of 128 entries (4112 bytes) is past a page" \
	grep -q "the trigger action table is 4112 bytes; Linux takes at most a page.*\[EINJ-TRIGGER\]" "$T/tbig.err"

# EINJv2 and the SET_ERROR_TYPE_WITH_ADDRESS block: description-time rules
cat >"$T/v2.yaml" <<'EOY'
table: { signature: EINJ }
placement: { mode: fixed, base: 0x1e100000 }
registers:
  - { name: types, value: 0x40000008 }
  - { name: params, size: 16 }
entries:
  - { action: get-error-type, instruction: read-register, register_at: types, mask: 0xffffffff }
  - { action: set-error-type-with-address, instruction: write-register, register_at: params }
EOY
"$HESTC" compile -q "$T/v2.yaml" -o "$T/v2" 2>"$T/v2.err"
check "EINJ-PARAM-BLOCK: a 16-byte register for the 36-byte parameter block" \
	grep -q "register 'params' of 16 bytes; Linux reads and writes the whole 36-byte parameter block there \[EINJ-PARAM-BLOCK\]" "$T/v2.err"
check "EINJ-V2-ACTION: bit 30 of the error types without an einjv2-get-error-type entry" \
	grep -q "advertises EINJv2 (bit 30) but no entry has action einjv2-get-error-type.*\[EINJ-V2-ACTION\]" "$T/v2.err"
sed -e 's/- { name: params, size: 16 }/- { name: params, block: set-error-type-with-address, size: 108, einjv2_length: 72, flags: [memory, einjv2], memory_address: 0x1000 }/' \
	-e '$a\
  - { action: einjv2-get-error-type, instruction: read-register, register_at: types }' "$T/v2.yaml" >"$T/v2ok.yaml"
"$HESTC" compile -q "$T/v2ok.yaml" -o "$T/v2ok" --emit all 2>"$T/v2ok.err"
check "an EINJv2 block of 2 components and the einjv2-get-error-type entry: no EINJ-PARAM-BLOCK, no EINJ-V2-ACTION" \
	sh -c "! grep -q 'EINJ-PARAM-BLOCK\|EINJ-V2-ACTION' '$T/v2ok.err'"
check "the block's fields land at their offsets (flags 0xa at 8, memory_address at 16, einjv2_length 72 at 36, revision 1 at 40)" \
	python3 -c '
import sys, struct
r = open(sys.argv[1], "rb").read()[8:]
sys.exit(not (struct.unpack_from("<IQ", r, 8)[0] == 0xa and struct.unpack_from("<Q", r, 16)[0] == 0x1000 and
              struct.unpack_from("<IH", r, 36) == (72, 1) and len(r) >= 108))' "$T/v2ok/einj_registers.bin"
done_testing
