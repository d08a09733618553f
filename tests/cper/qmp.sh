#!/bin/sh
# hestc cper --format qmp and hestval cper reading it back: the block-size
# target (QEMU's 1 KiB by default, --block-size), its refusal at the YAML
# position of the first section that does not fit, the exact 1024/1025-byte
# boundary, what is refused on the way in (a record, a bad --format), and
# hestval cper's QMP and base64 readers with each of their errors.
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2
ex="$top_srcdir/examples/cper"

# refused NAME 'expected stderr' CMD...: exit 1, the message, no output file NAME.
refused() {
	name=$1 want=$2
	shift 2
	rm -f "$name"
	"$@" >"$name.out" 2>"$name.err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$want" "$name.err" && [ ! -e "$name" ]; then
		ok "$name: exit 1, nothing written: $want"
	else
		not_ok "$name: exit $rc, wanted 1 and: $want"
		sed 's/^/# /' "$name.err"
	fi
}

# --- hestc cper --format qmp: the target block size ----------------------------
refused m16-default.qmp "memory-16.yaml:19:5: error: the block is 2452 bytes; the error status block holds 1024 (QEMU's, the default of --format qmp; --block-size 4KiB for a QEMU whose x-error-block-size is 4096): memory section #6 (bytes 932-1083, 152 with its data entry) is the first that does not fit; 6 of 16 entries do [HEST-CPER-BLOCK-LENGTH]" \
	"$HESTC" cper -q --format qmp "$ex/memory-16.yaml" -o m16-default.qmp
check "  and the caret is under section #6's line" grep -qF "19 |   - { type: memory, physical_address: 0x40a36000" m16-default.qmp.err
refused m16-1k.qmp "the error status block holds 1024 (--block-size 1KiB): memory section #6" \
	"$HESTC" cper -q --format qmp --block-size 1KiB "$ex/memory-16.yaml" -o m16-1k.qmp
refused m16-1k.bin "the error status block holds 1024 (--block-size 1KiB): memory section #6" \
	"$HESTC" cper -q --block-size 1KiB "$ex/memory-16.yaml" -o m16-1k.bin
check "16 memory errors fit QEMU's 4 KiB block: --format qmp --block-size 4KiB" \
	"$HESTC" cper -q --format qmp --block-size 4KiB "$ex/memory-16.yaml" -o m16.qmp
check "  the QMP command does not pad the block (QEMU writes the payload as is)" python3 -c '
import base64, json, sys
assert len(base64.b64decode(json.load(open(sys.argv[1]))["arguments"]["cper"])) == 2452' m16.qmp
check "  the binary form pads it to the 4096-byte block" \
	sh -c '"$1" cper -q --block-size 4KiB "$2" -o m16.bin && [ "$(wc -c <m16.bin)" -eq 4096 ]' sh "$HESTC" "$ex/memory-16.yaml"
"$HESTVAL" cper --block-size 4KiB m16.qmp >m16.list 2>m16.err
check "hestval cper decodes the QMP command: 16 entries, block_status 0x5 with entry_count 16, no diagnostics" \
	sh -c '[ "$(grep -c "^section #" m16.list)" -eq 16 ] && grep -q "block_status: 0x5 \[uncorrectable, multiple-uncorrectable\]" m16.list &&
		grep -q "entry_count: 16" m16.list && [ ! -s m16.err ]'
for i in 0 5 10 15; do
	check "  entry $i has its own physical address" grep -q "physical_address: 0x$(printf '%x' $((0x40a30000 + i * 4096)))" m16.list
done
"$HESTVAL" cper --block-size 1KiB m16.qmp >/dev/null 2>m16-1k.val
check "hestval cper --block-size 1KiB on it: HEST-CPER-BLOCK-LENGTH at the payload's offset" \
	grep -q "^m16.qmp\[cper\]:0xc: error\[HEST-CPER-BLOCK-LENGTH\]: the block needs 2452 bytes; the error status block holds 1024" m16-1k.val

# The exact boundary: 20 + 72 + 932 raw bytes = 1024 goes, one more byte does not.
mk_raw() { # mk_raw FILE BYTES
	python3 -c '
import sys
n = int(sys.argv[2])
open(sys.argv[1], "w").write("sections:\n  - type: raw\n    guid: 01234567-89ab-cdef-0123-456789abcdef\n    data: " + "ab" * n + "\n")' "$1" "$2"
}
mk_raw r1024.yaml 932
mk_raw r1025.yaml 933
check "a 1024-byte block is accepted by --format qmp's default" \
	sh -c '"$1" cper -q --format qmp r1024.yaml -o r1024.qmp && "$2" cper --block-size 1024 --werror r1024.qmp >/dev/null' sh "$HESTC" "$HESTVAL"
refused r1025.qmp "r1025.yaml:2:5: error: the block is 1025 bytes; the error status block holds 1024" \
	"$HESTC" cper -q --format qmp r1025.yaml -o r1025.qmp
check "--block-size 4KiB takes it" "$HESTC" cper -q --format qmp --block-size 4KiB r1025.yaml -o r1025.qmp
cat >rawdata.yaml <<'EOF2'
sections:
  - type: memory
    physical_address: 0x1000
raw_data: 00 01 02 03 04 05 06 07 08 09
EOF2
refused rawdata.qmp "rawdata.yaml:4:11: error: the block is 182 bytes; the error status block holds 180 (--block-size 180): the 10 bytes of raw_data do not fit after the entries" \
	"$HESTC" cper -q --format qmp --block-size 180 rawdata.yaml -o rawdata.qmp

# --- the block size from hestc compile's hest-layout.json -----------------------
"$HESTC" compile -q "$top_srcdir/examples/qemu-virt-arm64.yaml" -o virt --emit json
refused m16-gpio.qmp "memory-16.yaml:19:5: error: the block is 2452 bytes; the error status block holds 1024 (source 'gpio' of virt/hest-layout.json): memory section #6" \
	"$HESTC" cper -q --format qmp --layout virt/hest-layout.json --source gpio "$ex/memory-16.yaml" -o m16-gpio.qmp
check "--source takes the id too (1, QEMU's QMP source on arm virt): the memory record fits its 1 KiB" \
	"$HESTC" cper -q --format qmp --layout virt/hest-layout.json --source 1 "$ex/memory.yaml" -o mem-gpio.qmp
check "--layout with the fixed-vmm layout's 8 KiB source 'memory' takes the 16 errors" \
	"$HESTC" cper -q --format qmp --layout "$top_srcdir/tests/golden/placement/fixed-vmm/hest-layout.json" \
	--source memory "$ex/memory-16.yaml" -o m16-vmm.qmp
refused nope.qmp "virt/hest-layout.json:1:1: error: no source named 'nope' (nor with that id); the layout has: sea, gpio" \
	"$HESTC" cper -q --format qmp --layout virt/hest-layout.json --source nope "$ex/memory.yaml" -o nope.qmp
printf '{"sources": [{"name": "x", "id": 3}]}\n' >noblock.json
refused noblock.qmp "noblock.json:1:14: error: source 'x' has no error status block (no block_size)" \
	"$HESTC" cper -q --format qmp --layout noblock.json --source x "$ex/memory.yaml" -o noblock.qmp
printf '{"sources": [{"name": "x", "block_size": 1.5}]}\n' >badnum.json
refused badnum.qmp "badnum.json:1:42: error: expected an unsigned integer" \
	"$HESTC" cper -q --format qmp --layout badnum.json --source x "$ex/memory.yaml" -o badnum.qmp
"$HESTC" cper -q --format qmp --layout virt/hest-layout.json "$ex/memory.yaml" -o x.qmp 2>lay.err
check "--layout without --source: usage error (2)" sh -c '[ "$1" -eq 2 ] && grep -q "go together" lay.err' sh $?
"$HESTC" cper -q --format qmp --layout virt/hest-layout.json --source sea --block-size 4KiB "$ex/memory.yaml" -o x.qmp 2>lay.err
check "--layout with --block-size: usage error (2)" sh -c '[ "$1" -eq 2 ] && grep -q "give one" lay.err' sh $?

# --- what --format qmp refuses --------------------------------------------------
refused record.qmp "--format qmp: inject-ghes-v2-error takes a Generic Error Status Block, not a CPER record (form: record)" \
	"$HESTC" cper -q --format qmp "$ex/record.yaml" -o record.qmp
"$HESTC" cper --format json "$ex/memory.yaml" -o x.qmp 2>fmt.err
check "--format json: usage error (2), naming bin and qmp" sh -c '[ "$1" -eq 2 ] && grep -q "takes bin or qmp" fmt.err' sh $?
check "--format qmp writes to a pipe (text), one line" \
	sh -c '"$1" cper --format qmp "$2" | wc -l | grep -qx 1' sh "$HESTC" "$ex/memory.yaml"
"$HESTC" cper --format qmp "$ex/memory.yaml" -o said.qmp >said.out
check "  and says what it wrote" grep -qx "hestc: wrote said.qmp (QMP inject-ghes-v2-error, a 172-byte block, 1 section)" said.out

# --- hestval cper: what a QMP command or base64 text may hold ------------------
gold="$top_srcdir/tests/golden/cper"
python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["arguments"]["cper"])' "$gold/memory.qmp" >memory.b64
"$HESTVAL" cper "$gold/memory.bin" >bin.list
check "bare base64 (with a final newline) lists as the block" sh -c '"$1" cper memory.b64 | cmp -s - bin.list' sh "$HESTVAL"
base64 -w 16 "$gold/memory.bin" >wrapped.b64
check "base64 wrapped at 16 columns (base64 -w 16) too" sh -c '"$1" cper wrapped.b64 | cmp -s - bin.list' sh "$HESTVAL"
python3 -c '
import json, sys
c = json.load(open(sys.argv[1]))["arguments"]["cper"]
print("{\n  \"id\": [1, {\"x\": null}],\n  \"execute\" : \"inject-ghes-v2-error\",\n  \"arguments\": { \"cper\": \"" + c[:8] + "\\/" [:0] + c[8:] + "\" }\n}")' "$gold/memory.qmp" >pretty.qmp
check "a pretty-printed command with an id, members in any order, lists as the block" \
	sh -c '"$1" cper pretty.qmp | cmp -s - bin.list' sh "$HESTVAL"
check "--input qmp on it says the same" sh -c '"$1" cper --input qmp pretty.qmp | cmp -s - bin.list' sh "$HESTVAL"
check "--format json says input qmp" sh -c '"$1" cper --format json pretty.qmp | grep -q "^{\"file\":\"pretty.qmp\",\"input\":\"qmp\",\"block\":{"' sh "$HESTVAL"

# qmp_error NAME 'expected' < text: hestval cper exit 1 with the message.
qmp_error() {
	name=$1 want=$2
	cat >"$name.qmp"
	"$HESTVAL" cper "$name.qmp" >"$name.out" 2>"$name.err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -qF -- "$want" "$name.err" && [ ! -s "$name.out" ]; then
		ok "qmp $name: $want"
	else
		not_ok "qmp $name: exit $rc, wanted 1 and: $want"
		sed 's/^/# /' "$name.err"
	fi
}
qmp_error bad-char "bad-char.qmp:1:60: error: 'cper' is not base64: not a base64 character" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAA!AAA"}}
EOF2
qmp_error url-safe "url-safe.qmp:2:23: error: 'cper' is not base64: '-' and '_' are the URL-safe alphabet" <<'EOF2'
{"execute":"inject-ghes-v2-error",
 "arguments":{"cper":"-QAAAAAA"}}
EOF2
qmp_error truncated "truncated.qmp:1:62: error: 'cper' is not base64: the data ends inside a group of four characters" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAA"}}
EOF2
qmp_error non-canonical "non-canonical.qmp:1:58: error: 'cper' is not base64: the last digit before '=' has bits set" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQB="}}
EOF2
qmp_error other-command "other-command.qmp:1:12: error: the command is 'query-status'; hestval cper reads QEMU's inject-ghes-v2-error" <<'EOF2'
{"execute":"query-status","arguments":{"cper":"EQAAAAAA"}}
EOF2
qmp_error extra-argument "extra-argument.qmp:1:67: error: 'source': inject-ghes-v2-error takes one argument, 'cper' (QEMU refuses others)" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA", "source": 1}}
EOF2
qmp_error unknown-member "unknown-member.qmp:1:2: error: unknown member 'exec' of a QMP command (execute, arguments, id)" <<'EOF2'
{"exec":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA"}}
EOF2
qmp_error no-cper "no-cper.qmp:1:47: error: 'arguments' has no 'cper'" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{}}
EOF2
qmp_error no-arguments "no-arguments.qmp:1:1: error: the QMP command has no 'arguments'" <<'EOF2'
{"execute":"inject-ghes-v2-error"}
EOF2
qmp_error cper-number "cper-number.qmp:1:56: error: 'cper' must be a string" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper": 12}}
EOF2
qmp_error twice "twice.qmp:1:68: error: member 'execute' given twice (first at 1:2)" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA"}, "execute":"x"}
EOF2
qmp_error two-commands "two-commands.qmp:2:1: error: text after the QMP command (one command per input)" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA"}}
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA"}}
EOF2
qmp_error unterminated "unterminated.qmp:1:64: error: a control character (0x0a) inside a string; JSON needs it escaped" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA
EOF2
qmp_error short-payload "short-payload.qmp[cper]:0x0: error[HEST-CPER-TRUNCATED]: input is 6 bytes" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA"}}
EOF2
qmp_error blank-in-cper "blank-in-cper.qmp:1:59: error: 'cper' holds a space; QEMU's base64 decoder refuses every blank but a newline" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"EQA AAAAA"}}
EOF2
check "an escaped newline (\\n) inside cper is skipped, as QEMU does" sh -c '
c=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[\"arguments\"][\"cper\"])" "$2")
printf "{\"execute\":\"inject-ghes-v2-error\",\"arguments\":{\"cper\":\"%s\\\\n%s\"}}\n" "$(printf %s "$c" | cut -c1-76)" "$(printf %s "$c" | cut -c77-)" >nl.qmp &&
grep -qF "\\n" nl.qmp && "$1" cper nl.qmp | cmp -s - bin.list' sh "$HESTVAL" "$gold/memory.qmp"
qmp_error no-execute "no-execute.qmp:1:1: error: the QMP command has no 'execute'" <<'EOF2'
{"arguments":{"cper":"EQAAAAAA"}}
EOF2
qmp_error execute-number "execute-number.qmp:1:13: error: 'execute' must be a string" <<'EOF2'
{"execute": 5, "arguments":{"cper":"EQAAAAAA"}}
EOF2
qmp_error bad-escape "bad-escape.qmp:1:56: error: unknown escape '\\q' in a string" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"\qQAAAAAA"}}
EOF2
qmp_error short-u "short-u.qmp:1:56: error: '\\u' needs four hex digits" <<'EOF2'
{"execute":"inject-ghes-v2-error","arguments":{"cper":"\u00"}}
EOF2
python3 -c 'print("{\"id\": " + "[" * 70 + "]" * 70 + ", \"execute\":\"inject-ghes-v2-error\",\"arguments\":{\"cper\":\"EQAAAAAA\"}}")' >deep.txt
qmp_error deep-id "deep-id.qmp:1:72: error: values nested deeper than 64 levels" <deep.txt
qmp_error bad-value "bad-value.qmp:1:8: error: expected a JSON value" <<'EOF2'
{"id": nope, "execute":"inject-ghes-v2-error","arguments":{"cper":"EQAAAAAA"}}
EOF2
check "an escaped '/' in cper (\\/, as some JSON writers emit) is read as '/'" sh -c '
printf "{\"execute\":\"inject-ghes-v2-error\",\"arguments\":{\"cper\":\"%s\"}}\n" "$(base64 -w 0 "$2" | sed "s|/|\\\\/|g")" >slash.qmp &&
grep -qF "\\/" slash.qmp && "$1" cper slash.qmp | cmp -s - bin.list' sh "$HESTVAL" "$gold/memory.bin"
printf '{"table": {}}\n' >nosources.json
refused nosources.qmp "nosources.json:1:1: error: no 'sources' array (is this hestc's hest-layout.json?)" \
	"$HESTC" cper -q --format qmp --layout nosources.json --source x "$ex/memory.yaml" -o nosources.qmp
printf '{"sources": {}}\n' >sources-object.json
refused sources-object.qmp "sources-object.json:1:13: error: expected 'sources' to be an array" \
	"$HESTC" cper -q --format qmp --layout sources-object.json --source x "$ex/memory.yaml" -o sources-object.qmp
printf '{"sources": [{"name": "x", "block_size": 99999999999999999999}]}\n' >huge.json
refused huge.qmp "huge.json:1:42: error: number out of range" \
	"$HESTC" cper -q --format qmp --layout huge.json --source x "$ex/memory.yaml" -o huge.qmp
printf 'Zm9v\nYm=y\n' >bad.b64
"$HESTVAL" cper bad.b64 >/dev/null 2>bad.b64.err
check "bare base64 with '=' inside: exit 1 at its line and column" \
	sh -c '[ "$1" -eq 1 ] && grep -q "^bad.b64:2:4: error: not base64: a base64 digit after" bad.b64.err' sh $?
"$HESTVAL" cper --input qmp "$gold/memory.bin" >/dev/null 2>asqmp.err
check "--input qmp on a binary block: exit 1, not a QMP command" \
	sh -c '[ "$1" -eq 1 ] && grep -q "error: expected" asqmp.err' sh $?
"$HESTVAL" cper --input binary pretty.qmp >/dev/null 2>asbin.err
check "--input binary on a QMP command reads its bytes as a block (and finds them broken)" \
	sh -c '[ "$1" -eq 1 ] && grep -q "^pretty.qmp:0x" asbin.err' sh $?
"$HESTVAL" cper --input yaml "$gold/memory.bin" 2>/dev/null
check "--input yaml: usage error (2)" [ $? -eq 2 ]
check "a binary block that starts with '{' but holds zeros stays binary" sh -c '
printf "{\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000" >brace.bin &&
"$1" cper --format json brace.bin | grep -q "\"input\":\"binary\""' sh "$HESTVAL"
done_testing
