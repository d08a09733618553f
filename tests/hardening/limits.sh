#!/bin/sh
# Hostile input meets a limit with a clear message, not resource
# exhaustion (docs/robustness.md lists the limits):
#   - inputs over 256 MiB (file, stdin; a directory's files together) are
#     refused, by size before being read where it is known;
#   - a description with more than 65535 sources; a table with more
#     structures than the model holds (the rest is kept undecoded);
#   - YAML nesting deeper than 64, aliases that expand the document past
#     20 million nodes (billion laughs, and aliases that multiply sources
#     and banks), an alias inside the collection it names;
#   - loader scripts of more than 2^20 commands (binary and listing);
#   - acpidump hex lines with far offsets, CPER records whose sections
#     share one body: memory stays proportional to the input.
# Each refusal is checked by its message and exit status; `timeout` only
# guards against a hang, and memory limits (ulimit -v) are applied where
# the build allows them (not under AddressSanitizer).
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2

# run SECONDS CMD...: output in out, exit status in rc (124 = timed out)
run() {
	t=$1
	shift
	timeout "$t" "$@" >out 2>&1
	rc=$?
}
has() { grep -qF -- "$1" out; }
# A virtual memory limit, when the programs run under one at all.
memlimit=
if (ulimit -v 600000 && exec "$HESTC" --help) >/dev/null 2>&1; then
	memlimit=600000
fi
run_mem() { # run_mem SECONDS CMD...: run under the memory limit (if any)
	t=$1
	shift
	if [ -n "$memlimit" ]; then
		(ulimit -v "$memlimit" && exec timeout "$t" "$@") >out 2>&1
	else
		timeout "$t" "$@" >out 2>&1
	fi
	rc=$?
}
mem_note() { [ -n "$memlimit" ] && echo " (under ulimit -v $memlimit)" || echo " (no memory limit: sanitizer build)"; }

# --- input size
if truncate -s 257M big.bin 2>/dev/null; then
	for cmd in "hestc compile" "hestc decompile" "hestc cper" "hestval validate" "hestval cper"; do
		prog=$HESTC
		[ "${cmd%% *}" = hestval ] && prog=$HESTVAL
		run 60 "$prog" "${cmd#* }" big.bin
		check "$cmd of a 257 MiB file exits 2 (got $rc)" test "$rc" -eq 2
		check "... saying it is larger than 256 MiB" has "'big.bin' is larger than 256 MiB"
	done
	rm -f big.bin
else
	ok "input size # SKIP cannot make a sparse file here"
fi
run_mem 60 sh -c "head -c 270000000 /dev/zero | \"\$1\" compile - -o out.d" sh "$HESTC"
check "a description of 270 MB on stdin exits 2 (got $rc)$(mem_note)" test "$rc" -eq 2
check "... saying it is larger than 256 MiB" has "'-' is larger than 256 MiB"

# A directory of fw_cfg files counts as one input.
mkdir -p fwdir/etc/acpi emptydir
if truncate -s 200M fwdir/etc/acpi/tables 2>/dev/null && truncate -s 100M fwdir/etc/hardware_errors; then
	run_mem 60 "$HESTVAL" validate fwdir
	check "hestval validate DIR of 300 MiB exits 2 (got $rc)$(mem_note)" test "$rc" -eq 2
	check "... saying its files add up to more than 256 MiB" has "the files under 'fwdir' add up to more than 256 MiB"
	rm -rf fwdir
else
	ok "directory size # SKIP cannot make a sparse file here"
fi
run 60 "$HESTVAL" validate emptydir
check "an empty directory exits 2 (got $rc)" test "$rc" -eq 2
check "... saying what is missing" has "'emptydir': no etc/acpi/tables with a HEST (and no loader script)"

# --- number of sources
awk 'BEGIN { print "sources:"; for (i = 0; i < 65536; i++) printf "  - { type: nmi, id: %d }\n", i }' >many.yaml
run 120 "$HESTC" compile many.yaml -o out.d
check "65536 sources exit 1 (got $rc)" test "$rc" -eq 1
check "... the message names the limit" has "many.yaml:2:3: error: 65536 sources given; source ids are 16-bit, so a HEST holds at most 65535"
check "... and nothing is written" test ! -e out.d
python3 - <<'PY'
import struct
n = 65540  # more IA-32 NMI structures than the model holds
body = b"".join(struct.pack("<HHIIII", 2, i & 0xFFFF, 0, 1, 1, 0) for i in range(n))
t = bytearray(b"HEST" + struct.pack("<I", 40 + len(body)) + b"\x01\x00OEMID OEMTABLE" + bytes(12)
              + struct.pack("<I", n)) + body
t[9] = (256 - sum(t) % 256) % 256
open("many.aml", "wb").write(t)
PY
run 120 "$HESTVAL" validate -q many.aml
check "a table of 65540 structures is validated (exit $rc)" test "$rc" -eq 1
check "... HEST-LIMIT says where decoding stopped" has "many.aml:0x13ffec: error[HEST-LIMIT]: more than 65533 structures; the 140 bytes from here are kept undecoded"
run 120 "$HESTC" decompile many.aml -o many-back.yaml
check "... and decompiles (exit $rc)" test "$rc" -eq 0
check "... the structures past the limit kept as raw bytes, and said so" \
	has "many.aml:0x13ffec: warning: 140 bytes at 0x13ffec are not a structure hestc decodes (structures from a nmi (type 2) on, past the 65533 that hestc decodes); kept as 'raw:' bytes in source 'raw_0x13ffec'"
run 120 "$HESTC" compile -q many-back.yaml -o back.d
check "... to a description that compiles to the same bytes" cmp -s many.aml back.d/hest.aml

# --- YAML: nesting, aliases
awk 'BEGIN { printf "sources: "; for (i = 0; i < 100000; i++) printf "["; print "" }' >deep.yaml
run 60 "$HESTC" compile deep.yaml -o out.d
check "100000 nested sequences exit 1 (got $rc)" test "$rc" -eq 1
check "... at the 65th level" has "deep.yaml:1:73: error: YAML nesting deeper than 64 levels"
awk 'BEGIN { printf "sections: "; for (i = 0; i < 100000; i++) printf "{a: "; print "" }' >deep-cper.yaml
run 60 "$HESTC" cper deep-cper.yaml -o block.bin
check "hestc cper: 100000 nested mappings exit 1 (got $rc)" test "$rc" -eq 1
check "... at the 65th level" has "deep-cper.yaml:1:263: error: YAML nesting deeper than 64 levels"

laughs() { # laughs KEY: ten levels of ten aliases each, 10^9 values, under KEY
	echo 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
	for i in 1 2 3 4 5 6 7 8; do
		p=$((i - 1))
		echo "l$i: &l$i [*l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p]"
	done
	echo "$1: *l8"
}
laughs sources >laughs.yaml
run_mem 60 "$HESTC" compile laughs.yaml -o out.d
check "billion laughs: hestc compile exits 1 (got $rc)$(mem_note)" test "$rc" -eq 1
check "... refused where the aliases pass 20 million nodes" has "laughs.yaml:8:10: error: YAML aliases expand the document to more than 20000000 nodes"
laughs sections >laughs-cper.yaml
run_mem 60 "$HESTC" cper laughs-cper.yaml -o block.bin
check "billion laughs: hestc cper exits 1 (got $rc)$(mem_note)" test "$rc" -eq 1
check "... refused the same way" has "laughs-cper.yaml:8:10: error: YAML aliases expand the document to more than 20000000 nodes"
check "... and writes nothing" test ! -e block.bin

# Aliases the description format does walk: one MCE source with 255 banks,
# aliased 65535 times (a 460 KB file that stood for a 470 MB table).
{
	echo "allow: [duplicate-source-ids]"
	echo "sources:"
	printf '  - &s {type: mce, id: 0, banks: [&b {bank_number: 0}'
	i=1
	while [ $i -lt 255 ]; do
		printf ', *b'
		i=$((i + 1))
	done
	echo ']}'
	awk 'BEGIN { for (i = 1; i < 65535; i++) print "  - *s" }'
} >amplify.yaml
run_mem 60 "$HESTC" compile amplify.yaml -o out.d
check "aliased sources and banks exit 1 (got $rc)$(mem_note)" test "$rc" -eq 1
check "... refused at the alias that passes 20 million nodes" has "error: YAML aliases expand the document to more than 20000000 nodes"
check "... and nothing is written" test ! -e out.d

printf 'sources: &all\n  - { type: nmi, id: 0 }\n  - *all\n' >self.yaml
run 60 "$HESTC" compile self.yaml -o out.d
check "an alias inside the collection it names exits 1 (got $rc)" test "$rc" -eq 1
check "... with a message" has "self.yaml:3:5: error: YAML alias '*all' is inside the collection it names; a description cannot contain itself"
printf 'sections: &all\n  - type: memory\n  - *all\n' >self-cper.yaml
run 60 "$HESTC" cper self-cper.yaml -o block.bin
check "hestc cper: an alias inside the collection it names exits 1 (got $rc)" test "$rc" -eq 1
check "... with a message" has "self-cper.yaml:3:5: error: YAML alias '*all' is inside the collection it names; a description cannot contain itself"

# --- loader scripts
table=$top_srcdir/tests/golden/qemu-virt-arm64.aml
yes 'UNKNOWN command=0' | head -n 1048577 >long.txt
run_mem 120 "$HESTVAL" validate -q --loader long.txt "$table"
check "a listing of 2^20 + 1 commands is refused (exit $rc)$(mem_note)" test "$rc" -eq 1
check "... as a whole, at its last line" has "long.txt:1048577:1: error: more than 1048576 commands; not a plausible loader script, refused as a whole [LOADER-SIZE]"
check "... and none of it runs" has "(0 files allocated) [LOADER-HEST-MISSING]"
if truncate -s $((128 * 1048577)) long.bin 2>/dev/null; then
	run_mem 120 "$HESTVAL" validate -q --loader long.bin "$table"
	check "a binary script of 2^20 + 1 commands is refused (exit $rc)$(mem_note)" test "$rc" -eq 1
	check "... with LOADER-SIZE" has "long.bin:0x0: error[LOADER-SIZE]: script has 1048577 commands; more than 1048576 is not a plausible loader script"
	rm -f long.bin
else
	ok "binary loader script length # SKIP cannot make a sparse file here"
fi

# --- memory proportional to the input
# (the text starts with "HEST" as `acpidump -n HEST` output does: it is
# still read as text, not as a binary table)
printf 'HEST @ 0x0000000000000000\n    0000: 48 45 53 54\n    FFFFFF0: 00\nFACP @ 0x0\n    0000: 46\n    FFFFFF0: 00\n' >gap.txt
run_mem 60 "$HESTVAL" validate gap.txt
check "acpidump lines at offset 0xFFFFFF0 do not fill 256 MiB gaps (exit $rc)$(mem_note)" test "$rc" -eq 1
check "... the gap is reported" has "gap.txt:3:1: error: hex line at offset 0xffffff0 in table 'HEST' follows 0x4 bytes; lines must be contiguous"
run_mem 60 "$HESTC" decompile gap.txt
check "hestc decompile reads it as text too (exit $rc)" has "gap.txt:3:1: error: hex line at offset 0xffffff0 in table 'HEST' follows 0x4 bytes; lines must be contiguous"
python3 - <<'PY'
import struct
n, body = 1023, 1 << 20  # 1023 section descriptors naming the same 1 MiB body
hdr = 128 + 72 * n
rec = bytearray(hdr + body)
rec[0:4] = b"CPER"
struct.pack_into("<HIHI", rec, 4, 0x101, 0xFFFFFFFF, n, 0)
struct.pack_into("<I", rec, 20, len(rec))
for i in range(n):
    d = 128 + 72 * i
    struct.pack_into("<II", rec, d, hdr, body)
    rec[d + 16:d + 32] = bytes(range(16))
open("shared.cper", "wb").write(rec)
PY
run_mem 60 "$HESTVAL" cper shared.cper
check "1023 CPER sections sharing one 1 MiB body are decoded once (exit $rc)$(mem_note)" test "$rc" -eq 1
check "... the overlap is reported" has "shared.cper:0xc8: error[HEST-CPER-RECORD-LENGTH]: section #1 (offset 0x12038, 1048576 bytes) overlaps section #0"

done_testing
