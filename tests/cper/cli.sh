#!/bin/sh
# hestc cper and hestval cper from the command line: YAML mistakes reported
# at line:column with nothing written, one broken block per HEST-CPER-* rule
# (every such rule of the catalogue is exercised), JSON output, options.
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2
covered=""

# yaml_error NAME 'expected stderr text' < yaml: hestc cper fails with exit 1,
# prints the message and writes nothing.
yaml_error() {
	name=$1 want=$2
	cat >"$name.yaml"
	rm -f "$name.bin"
	"$HESTC" cper -q "$name.yaml" -o "$name.bin" 2>"$name.err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$want" "$name.err" && [ ! -e "$name.bin" ]; then
		ok "yaml $name: $want"
	else
		not_ok "yaml $name: exit $rc, wanted 1 and: $want"
		sed 's/^/# /' "$name.err"
	fi
}

# block_rule NAME RULE EXIT [hestval options] < yaml: the block builds, and
# hestval cper reports RULE with the given exit status.
block_rule() {
	name=$1 rule=$2 want=$3
	shift 3
	cat >"$name.yaml"
	if ! "$HESTC" cper -q "$name.yaml" -o "$name.bin" 2>"$name.err"; then
		not_ok "block $name: hestc cper builds it"
		sed 's/^/# /' "$name.err"
		return
	fi
	"$HESTVAL" cper "$@" "$name.bin" >"$name.out" 2>"$name.err"
	rc=$?
	if [ "$rc" -eq "$want" ] && grep -q "\[$rule\]" "$name.err"; then
		ok "block $name: $rule, exit $want"
		covered="$covered $rule"
	else
		not_ok "block $name: wanted $rule and exit $want, got exit $rc"
		sed 's/^/# /' "$name.err"
	fi
}

# --- YAML mistakes -------------------------------------------------------------
yaml_error unknown-type "unknown-type.yaml:3:11: error: unknown section type 'memroy' (did you mean 'memory'?)" <<'EOF'
severity: recoverable
sections:
  - type: memroy
EOF
yaml_error unknown-field "unknown-field.yaml:4:5: error: unknown key 'physical_adress' in memory section #0 (did you mean 'physical_address'?)" <<'EOF'
severity: recoverable
sections:
  - type: memory
    physical_adress: 0x1000
EOF
yaml_error out-of-range "out-of-range.yaml:4:11: error: 'node': value 0x10000 is out of range (0..0xffff)" <<'EOF'
sections:
  - type: memory
    physical_address: 0x1000
    node: 0x10000
EOF
yaml_error bits-range "bits-range.yaml:3:17: error: 'bank_group': value 256 is out of range (0..0xff)" <<'EOF'
sections:
  - type: memory
    bank_group: 256
EOF
yaml_error raw-no-guid "raw-no-guid.yaml:2:5: error: a raw section needs 'guid' (its section type)" <<'EOF'
sections:
  - type: raw
    data: 00 11
EOF
yaml_error bad-guid "bad-guid.yaml:3:11: error: 'guid': '0123-4567' is not a GUID" <<'EOF'
sections:
  - type: raw
    guid: 0123-4567
EOF
yaml_error bad-hex "bad-hex.yaml:4:11: error: 'data': 'g' is not a hex digit" <<'EOF'
sections:
  - type: raw
    guid: 01234567-89ab-cdef-0123-456789abcdef
    data: 00 1g
EOF
yaml_error odd-hex "odd-hex.yaml:3:15: error: 'aer_info': odd number of hex digits" <<'EOF'
sections:
  - type: pcie
    aer_info: 001
EOF
yaml_error bytes-too-long "bytes-too-long.yaml:3:17: error: 'capability' is 61 bytes; the field holds 60" <<'EOF'
sections:
  - type: pcie
    capability: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c
EOF
yaml_error text-too-long "text-too-long.yaml:4:17: error: 'fru_text' is 21 bytes long; the field holds 20" <<'EOF'
sections:
  - type: memory
    header:
      fru_text: "123456789012345678901"
EOF
yaml_error bad-timestamp "bad-timestamp.yaml:4:18: error: 'timestamp' must be an integer or \"YYYY-MM-DD hh:mm:ss\"" <<'EOF'
sections:
  - type: memory
    header:
      timestamp: "2024-13-01 00:00:00"
EOF
yaml_error old-timestamp "old-timestamp.yaml:5:18: error: a timestamp needs entry revision 0x300 or later" <<'EOF'
sections:
  - type: memory
    header:
      revision: 0x201
      timestamp: 1
EOF
yaml_error flag-unknown "flag-unknown.yaml:4:15: error: unknown flags 'primery' (did you mean 'primary'?)" <<'EOF'
sections:
  - type: memory
    header:
      flags: [primery]
EOF
yaml_error valid-unknown "valid-unknown.yaml:3:23: error: 'validation_bits': 'nodes' names no validated field (did you mean 'node'?)" <<'EOF'
sections:
  - type: memory
    validation_bits: [nodes]
EOF
yaml_error enum-unknown "enum-unknown.yaml:3:17: error: unknown error_type 'multibit-ecc' (did you mean 'multi-bit-ecc'?)" <<'EOF'
sections:
  - type: memory
    error_type: multibit-ecc
EOF
yaml_error severity-unknown "severity-unknown.yaml:1:11: error: unknown severity 'fatl' (did you mean 'fatal'?)" <<'EOF'
severity: fatl
sections: []
EOF
yaml_error duplicate-key "duplicate-key.yaml:4:5: error: duplicate key 'node' (first given at line 3)" <<'EOF'
sections:
  - type: memory
    node: 1
    node: 2
EOF
yaml_error missing-type "missing-type.yaml:2:5: error: missing required key 'type' in section #0" <<'EOF'
sections:
  - node: 1
EOF
yaml_error info-on-memory "info-on-memory.yaml:3:5: error: unknown key 'error_info' in memory section #0" <<'EOF'
sections:
  - type: memory
    error_info: []
EOF
yaml_error raw-in-record "raw-in-record.yaml:2:1: error: unknown key 'raw_data' in the record" <<'EOF'
form: record
raw_data: 00
sections: []
EOF
yaml_error form-unknown "form-unknown.yaml:1:7: error: unknown form 'block'" <<'EOF'
form: block
EOF
yaml_error sections-not-list "sections-not-list.yaml:1:11: error: 'sections' must be a list of sections, not a mapping" <<'EOF'
sections: { type: memory }
EOF
yaml_error quoted-int "quoted-int.yaml:3:11: error: 'node' must be an integer, not a string (remove the quotes)" <<'EOF'
sections:
  - type: memory
    node: "1"
EOF
yaml_error root-list "root-list.yaml:1:1: error: an error description must be a mapping" <<'EOF'
- 1
EOF

# --- successful builds and options --------------------------------------------
cat >ok.yaml <<'EOF'
severity: corrected
sections:
  - type: memory
    physical_address: 0x1000
EOF
check "hestc cper writes to standard output when it is not a terminal" \
	sh -c '"$1" cper ok.yaml >stdout.bin && [ "$(wc -c <stdout.bin)" -eq 172 ]' sh "$HESTC"
check "--block-size 1024 pads the block to the error status block" \
	sh -c '"$1" cper -q ok.yaml -o padded.bin --block-size 1024 && [ "$(wc -c <padded.bin)" -eq 1024 ]' sh "$HESTC"
check "a padded block still decodes clean" sh -c '"$1" cper --werror --block-size 1024 padded.bin >/dev/null' sh "$HESTVAL"
"$HESTC" cper -q ok.yaml -o small.bin --block-size 100 2>small.err
rc=$?
check "--block-size below the block: exit 1, nothing written" test "$rc" -eq 1 -a ! -e small.bin
check "  and the reason names HEST-CPER-BLOCK-LENGTH, at the section" grep -q "^ok.yaml:3:5: error: the block is 172 bytes; the error status block holds 100 (--block-size 100): memory section #0 (bytes 20-171, 152 with its data entry) is the first that does not fit; 0 of 1 entries do \[HEST-CPER-BLOCK-LENGTH\]" small.err
"$HESTC" cper 2>/dev/null
check "hestc cper without a file: usage error (2)" [ $? -eq 2 ]
"$HESTVAL" cper --format xml ok.yaml 2>/dev/null
check "hestval cper --format xml: usage error (2)" [ $? -eq 2 ]
"$HESTVAL" cper does-not-exist.bin 2>/dev/null
check "hestval cper on a missing file: I/O error (2)" [ $? -eq 2 ]
"$HESTVAL" cper --format json stdout.bin >ok.json
check "hestval cper --format json: exit 0" [ $? -eq 0 ]
if command -v python3 >/dev/null 2>&1; then
	check "  and the output is one JSON object with the block and no diagnostics" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
s = j["block"]["sections"][0]
assert j["errors"] == 0 and j["diagnostics"] == []
assert s["type"] == "memory" and s["body"]["physical_address"] == 0x1000
assert s["body"]["validation_bits"]["names"] == ["physical_address"]
assert j["block"]["status"]["severity"] == {"value": 2, "name": "corrected"}
' ok.json
fi
check "the text listing prints a timestamp as a date" sh -c '
printf "sections:\n  - type: memory\n    header: { timestamp: \"2024-05-01 12:34:56 precise\" }\n" >ts.yaml &&
"$1" cper -q ts.yaml -o ts.bin && "$2" cper ts.bin | grep -q "timestamp: 0x2024050101123456 (2024-05-01 12:34:56, precise)"' \
	sh "$HESTC" "$HESTVAL"

# --- one broken block per rule --------------------------------------------------
head -c 10 stdout.bin >short.bin
"$HESTVAL" cper short.bin >/dev/null 2>short.err
rc=$?
if [ "$rc" -eq 1 ] && grep -q "short.bin:0x0: error\[HEST-CPER-TRUNCATED\]" short.err; then
	ok "a 10-byte input: exit 1, HEST-CPER-TRUNCATED at offset 0"
	covered="$covered HEST-CPER-TRUNCATED"
else
	not_ok "a 10-byte input: exit $rc"
	sed 's/^/# /' short.err
fi

block_rule data-length HEST-CPER-DATA-LENGTH 1 <<'EOF'
data_length: 100
sections:
  - type: memory
EOF
block_rule entry-count HEST-CPER-ENTRY-COUNT 0 <<'EOF'
entry_count: 2
sections:
  - type: memory
EOF
block_rule entry-count-werror HEST-CPER-ENTRY-COUNT 1 --werror <<'EOF'
entry_count: 2
sections:
  - type: memory
EOF
block_rule status-zero HEST-CPER-BLOCK-STATUS-ZERO 1 <<'EOF'
block_status: 0
entry_count: 0
sections:
  - type: memory
EOF
block_rule status-bits HEST-CPER-BLOCK-STATUS 0 <<'EOF'
block_status: [correctable]
sections:
  - type: memory
EOF
block_rule raw-overlap HEST-CPER-RAW-DATA 1 <<'EOF'
raw_data_offset: 20
raw_data: 00 11 22 33
sections:
  - type: memory
EOF
block_rule severity HEST-CPER-SEVERITY 1 <<'EOF'
severity: 7
sections:
  - type: memory
    header: { severity: recoverable }
EOF
block_rule revision HEST-CPER-REVISION 0 <<'EOF'
sections:
  - type: memory
    header: { revision: 0x400 }
EOF
block_rule timestamp HEST-CPER-TIMESTAMP 0 <<'EOF'
sections:
  - type: memory
    header: { revision: 0x201, validation_bits: [timestamp] }
EOF
block_rule section-short HEST-CPER-SECTION-SHORT 1 <<'EOF'
sections:
  - type: memory
    header: { error_data_length: 40 }
EOF
block_rule section-long HEST-CPER-SECTION-LONG 0 <<'EOF'
sections:
  - type: memory
    trailing_data: 00 00 00 00
EOF
block_rule section-count HEST-CPER-SECTION-COUNT 1 <<'EOF'
sections:
  - type: ia32x64
    error_info_count: 5
    error_info:
      - check_info: 1
EOF
block_rule arm-length HEST-CPER-ARM-LENGTH 1 <<'EOF'
sections:
  - type: arm
    section_length: 10
EOF
block_rule arm-info HEST-CPER-ARM-INFO 0 <<'EOF'
sections:
  - type: arm
    error_info:
      - length: 16
EOF
block_rule context-size HEST-CPER-CONTEXT 0 <<'EOF'
sections:
  - type: arm
    context:
      - register_context_type: aarch64-gpr
        registers: 00 11 22 33 44 55 66 77
EOF
block_rule context-type HEST-CPER-CONTEXT 0 <<'EOF'
sections:
  - type: arm
    context:
      - register_context_type: 11
EOF
block_rule cxl-dvsec-length HEST-CPER-PART-LENGTH 1 <<'EOF'
sections:
  - type: cxl-protocol
    dvsec_length: 300
    dvsec: 00 11 22 33
EOF
block_rule cxl-agent HEST-CPER-CXL-AGENT 0 <<'EOF'
sections:
  - type: cxl-protocol
    agent_type: rch-dp
EOF
block_rule cxl-event-invalid HEST-CPER-CXL-EVENT 0 <<'EOF'
sections:
  - type: cxl-dram
    vendor_id: 0x8086
EOF
# 160 bytes (the old layout kept the event record's UUID): Linux 6.12 says
# "CXL CPER Invalid section length (160)" (tests/e2e/arm-virt.sh saw it).
block_rule cxl-event-long HEST-CPER-CXL-EVENT 0 <<'EOF'
sections:
  - type: cxl-general-media
    physical_address: 0x4000
    trailing_data: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
EOF
block_rule cxl-ras-log HEST-CPER-CXL-RAS-LOG 0 <<'EOF'
sections:
  - type: cxl-protocol
    error_log: 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00
EOF
block_rule cxl-event-length HEST-CPER-PART-LENGTH 1 <<'EOF'
sections:
  - type: cxl-dram
    length: 128
EOF
block_rule fru-checksum HEST-CPER-CHECKSUM 0 <<'EOF'
sections:
  - type: fru-memory-poison
    checksum: 0x1234
    fru_id: 7
EOF
block_rule arm-type HEST-CPER-ARM-TYPE 0 <<'EOF'
sections:
  - type: arm
    error_info:
      - type: 0
EOF
block_rule arm-type-reserved HEST-CPER-ARM-TYPE 0 <<'EOF'
sections:
  - type: arm
    error_info:
      - type: [cache, 0x01]
EOF
block_rule valid-bits HEST-CPER-VALID-BITS 0 <<'EOF'
sections:
  - type: memory
    validation_bits: 0x800000
EOF
block_rule reserved HEST-CPER-RESERVED 0 <<'EOF'
sections:
  - type: memory
    reserved_extended: 1
EOF
block_rule enum HEST-CPER-ENUM 0 <<'EOF'
sections:
  - type: memory
    error_type: 20
EOF
block_rule record-signature HEST-CPER-RECORD-SIGNATURE 1 <<'EOF'
form: record
signature_end: 0
sections:
  - type: memory
EOF
block_rule record-length HEST-CPER-RECORD-LENGTH 1 <<'EOF'
form: record
record_length: 150
sections:
  - type: memory
EOF
block_rule block-length HEST-CPER-BLOCK-LENGTH 1 --block-size 100 <<'EOF'
sections:
  - type: memory
EOF

# The rule machinery of hestval validate: -E, -w, prefixes, unknown names.
"$HESTVAL" cper -E HEST-CPER-ENTRY-COUNT entry-count.bin >/dev/null 2>e.err
check "-E makes a warning an error (exit 1)" test $? -eq 1 -a -n "$(grep 'error\[HEST-CPER-ENTRY-COUNT\]' e.err)"
"$HESTVAL" cper -w 'HEST-CPER-*' --werror entry-count.bin >/dev/null 2>w.err
check "-w with a prefix silences it, even under --werror (exit 0)" test $? -eq 0 -a ! -s w.err
"$HESTVAL" cper -W NO-SUCH-RULE entry-count.bin >/dev/null 2>&1
check "-W with an unknown rule: usage error (2)" [ $? -eq 2 ]
if command -v python3 >/dev/null 2>&1; then
	"$HESTVAL" cper --format json data-length.bin >dl.json
	check "JSON diagnostics carry the rule, severity and offset" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
d = [x for x in j["diagnostics"] if x["rule"] == "HEST-CPER-DATA-LENGTH"][0]
assert d["severity"] == "error" and d["offset"] == 44 and j["errors"] >= 1
' dl.json
fi

# docs/cper.md carries the worked example and the reference of the tables.
check "docs/cper.md is current (make regen-docs-cper)" sh "$top_srcdir/tests/cper/gen-doc.sh" "$HESTC" "$top_srcdir" --check
check "hestc cper --reference lists every section kind" sh -c '
"$1" cper --reference >ref.md &&
for k in memory memory2 processor-generic ia32x64 arm pcie fw-error-ref; do grep -q "^### \`type: $k\`" ref.md || exit 1; done' \
	sh "$HESTC"

# Every HEST-CPER-* rule of the catalogue was triggered above.
missing=""
for r in $("$HESTVAL" rules | sed -n 's/^\(HEST-CPER-[A-Z-]*\) .*/\1/p'); do
	case " $covered " in
	*" $r "*) ;;
	*) missing="$missing $r" ;;
	esac
done
check "every HEST-CPER-* rule has a test here${missing:+ (missing:$missing)}" [ -z "$missing" ]
done_testing
