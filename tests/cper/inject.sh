#!/bin/sh
# hestc inject from the command line, against RAM files made here (no
# guest): a record goes in as the guest would see it (fixed and
# linker-loader layouts, q35's split around the PCI hole, arm virt, --map),
# a busy source times out with exit 3 writing nothing, and every bad input
# (options, map, layout, record, file) is a clear error with nothing written.
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2

"$HESTC" compile -q "$top_srcdir/examples/polled-ghes.yaml" -o fixed --emit all 2>/dev/null ||
	not_ok "examples/polled-ghes.yaml compiles"
"$HESTC" compile -q "$top_srcdir/examples/qemu-virt-arm64.yaml" -o loader --emit all 2>/dev/null ||
	not_ok "examples/qemu-virt-arm64.yaml compiles"
"$HESTC" cper -q "$top_srcdir/tests/e2e/records/memory.yaml" -o mem.bin || not_ok "hestc cper builds the record"
rec_len=$(wc -c <mem.bin)

# u64 FILE OFFSET / u32 FILE OFFSET
u64() { od -An -tu8 -j "$2" -N 8 "$1" | tr -d ' '; }
u32() { od -An -tu4 -j "$2" -N 4 "$1" | tr -d ' '; }
key() { # key LAYOUT SOURCE KEY: a number or 0x string of the layout, in decimal
	python3 -c 'import json,sys
for s in json.load(open(sys.argv[1]))["sources"]:
    if s["name"] == sys.argv[2]:
        v = s[sys.argv[3]]; print(int(v, 16) if isinstance(v, str) else v)' "$1" "$2" "$3"
}
# place BLOB FILE OFFSET: the region's initial content, as QEMU's loader puts it
place() { dd if="$1" of="$2" bs=4096 seek=$(($3 / 4096)) conv=notrunc 2>/dev/null; }

# expect NAME EXIT 'stderr text' COMMAND...: exit status and message.
expect() {
	name=$1 want=$2 text=$3
	shift 3
	"$@" >"$name.out" 2>"$name.err"
	rc=$?
	if [ "$rc" -eq "$want" ] && grep -qF -- "$text" "$name.err"; then
		ok "$name: exit $want, '$text'"
	else
		not_ok "$name: exit $rc (want $want), stderr should say: $text"
		sed 's/^/# /' "$name.err"
	fi
}

# --- fixed placement, q35, 512 MiB ---------------------------------------------
truncate -s 512M ram
place fixed/hardware_errors.bin ram $((0x10000000))
cp ram ram.orig
inj() { "$HESTC" inject --memory ram --layout fixed/hest-layout.json "$@"; }
blk=$(key fixed/hest-layout.json memory block_address)
ack=$(key fixed/hest-layout.json memory read_ack_address)
if inj --source memory mem.bin >out 2>err && grep -q "read-ack 0x1 -> 0x0" out &&
	[ "$(u64 ram "$ack")" = 0 ] && dd if=ram bs=1 skip="$blk" count="$rec_len" 2>/dev/null | cmp -s - mem.bin; then
	ok "fixed, q35: the record is in memory's block, read-ack re-armed to 0 ($(cat out))"
else
	not_ok "fixed, q35: the record is in memory's block, read-ack re-armed to 0"
	sed 's/^/# /' out err
fi
cp ram before
expect busy-v2 3 "has not acknowledged the previous record within 50 ms" inj --source memory --timeout 50 mem.bin
grep -q "nothing written" busy-v2.err && cmp -s ram before &&
	ok "busy GHESv2: the RAM file is unchanged byte for byte" || not_ok "busy GHESv2: the RAM file is unchanged byte for byte"
# the OS acknowledges (block_status 0, read-ack (0 & ~1) | 1): the next one goes in
printf '\000\000\000\000' | dd of=ram bs=1 seek="$blk" conv=notrunc 2>/dev/null
printf '\001\000\000\000\000\000\000\000' | dd of=ram bs=1 seek="$ack" conv=notrunc 2>/dev/null
check "after the acknowledgement the next record goes in" inj --source 1 -q mem.bin
# GHES: busy while block_status != 0
check "GHES (firmware-first): the first record goes in" inj --source firmware-first -q mem.bin
cp ram before
expect busy-v1 3 "has not consumed the previous record within 0 ms (block_status 0x11" \
	inj --source firmware-first --timeout 0 mem.bin
cmp -s ram before && ok "busy GHES: the RAM file is unchanged" || not_ok "busy GHES: the RAM file is unchanged"
# SIGTERM while waiting: it stops at once (signals are blocked only around a
# write attempt, never during the wait), and nothing was written
cp ram before
inj --source firmware-first --timeout 20000 mem.bin >/dev/null 2>&1 &
pid=$!
sleep 0.3
t1=$(date +%s%N)
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
t2=$(date +%s%N)
if [ "$rc" -eq 143 ] && [ $(((t2 - t1) / 1000000)) -lt 2000 ] && cmp -s ram before; then
	ok "SIGTERM during the wait ends hestc inject at once ($(((t2 - t1) / 1000000)) ms), nothing written"
else
	not_ok "SIGTERM during the wait ends hestc inject at once (exit $rc after $(((t2 - t1) / 1000000)) ms)"
fi
expect wait-ack 3 "the record was written but the OS did not acknowledge it within 30 ms" \
	inj --source io --timeout 30 --wait-ack mem.bin
# --access mmap: the same through a shared mapping
cp ram.orig ram
if inj --source memory --access mmap -q mem.bin && [ "$(u64 ram "$ack")" = 0 ] &&
	dd if=ram bs=1 skip="$blk" count="$rec_len" 2>/dev/null | cmp -s - mem.bin; then
	ok "--access mmap: the record is in the block, read-ack re-armed"
else
	not_ok "--access mmap: the record is in the block, read-ack re-armed"
fi
cp ram before
expect busy-mmap 3 "nothing written" inj --source memory --access mmap --timeout 20 mem.bin
cmp -s ram before && ok "--access mmap, busy: the RAM file is unchanged" || not_ok "--access mmap, busy: the RAM file is unchanged"
expect access-bad 2 "--access 'dax': expected auto, pread or mmap" inj --source memory --access dax mem.bin
# a YAML description directly
cp ram.orig ram
if inj --source memory "$top_srcdir/tests/e2e/records/memory.yaml" -q &&
	dd if=ram bs=1 skip="$blk" count="$rec_len" 2>/dev/null | cmp -s - mem.bin; then
	ok "a .yaml record is built and written as hestc cper would build it"
else
	not_ok "a .yaml record is built and written as hestc cper would build it"
fi

# --- the map -------------------------------------------------------------------
# q35 with 3 GiB of RAM: 2 GiB below 4 GiB, the rest from 4 GiB at file offset 2 GiB.
"$HESTC" compile -q /dev/stdin -o high --emit all 2>/dev/null <<'EOF'
placement: { mode: fixed, base: 0x100001000 }
target: { arch: x86_64 }
sources:
  - { name: hi, type: ghes-v2, id: 0, notification: { type: polled, poll_interval_ms: 100 } }
EOF
truncate -s 3G big
place high/hardware_errors.bin big $((0x80001000))
hblk=$(key high/hest-layout.json hi block_address)
if "$HESTC" inject -q --memory big --layout high/hest-layout.json --source hi mem.bin &&
	dd if=big bs=1 skip=$((hblk - 0x100000000 + 0x80000000)) count="$rec_len" 2>/dev/null | cmp -s - mem.bin; then
	ok "q35, 3 GiB: guest 0x100001000 is file offset 0x80001000 (lowmem 2 GiB)"
else
	not_ok "q35, 3 GiB: guest 0x100001000 is file offset 0x80001000 (lowmem 2 GiB)"
fi
rm -f big
expect map-hole 2 "not inside one range of the guest memory map" \
	"$HESTC" inject --memory ram --layout high/hest-layout.json --source hi mem.bin
# --map: the same 512 MiB file seen at 0x40000000 (as arm virt) through --map and --machine virt
truncate -s 512M virt
"$HESTC" compile -q /dev/stdin -o virtl --emit all 2>/dev/null <<'EOF'
placement: { mode: fixed, base: 0x50000000 }
target: { arch: arm64 }
sources:
  - { name: v, type: ghes-v2, id: 0, notification: { type: polled, poll_interval_ms: 100 } }
EOF
place virtl/hardware_errors.bin virt $((0x10000000))
check "--machine virt: RAM at 1 GiB (the region at 0x50000000 is file offset 0x10000000)" \
	"$HESTC" inject -q --memory virt --layout virtl/hest-layout.json --source v --machine virt mem.bin
place virtl/hardware_errors.bin virt $((0x10000000))
check "--map 0x40000000:512M@0 does the same" \
	"$HESTC" inject -q --memory virt --layout virtl/hest-layout.json --source v --map 0x40000000:512M@0 mem.bin
expect map-past-file 2 "past the file's" \
	"$HESTC" inject --memory virt --layout virtl/hest-layout.json --source v --map 0x40000000:1G@0 mem.bin
expect map-bad 2 "--map '0x40000000:0@0': SIZE is 0" \
	"$HESTC" inject --memory virt --layout virtl/hest-layout.json --source v --map 0x40000000:0@0 mem.bin
expect map-overlap 2 "overlaps an earlier --map" \
	"$HESTC" inject --memory virt --layout virtl/hest-layout.json --source v --map 0:1M@0 --map 0x80000:1M@0x200000 mem.bin
expect map-and-ram 2 "--map replaces the machine's map" \
	"$HESTC" inject --memory virt --layout virtl/hest-layout.json --source v --map 0:1M@0 --ram-size 1G mem.bin
expect machine-bad 2 "--machine 'sbsa': expected q35, pc or virt" \
	"$HESTC" inject --memory virt --layout virtl/hest-layout.json --source v --machine sbsa mem.bin

# --- linker-loader: the firmware chose the address -----------------------------
truncate -s 1G ram2
place loader/hardware_errors.bin ram2 $((0x3f000000))
# the loader patched the registers: region offset -> address
python3 - ram2 $((0x3f000000)) loader/hest-layout.json <<'EOP'
import json, struct, sys
ram, base, lay = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3]))
with open(ram, "r+b") as f:
    for s in lay["sources"]:
        if "register_offset" in s:
            f.seek(base + s["register_offset"]); off = struct.unpack("<Q", f.read(8))[0]
            f.seek(base + s["register_offset"]); f.write(struct.pack("<Q", base + off))
EOP
src=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sources"][0]["name"])' loader/hest-layout.json)
expect loader-no-address 2 "give it (--blob-address)" \
	"$HESTC" inject --memory ram2 --layout loader/hest-layout.json --source "$src" mem.bin
check "linker-loader: --blob-address 0x3f000000 finds the block through the patched register" \
	"$HESTC" inject -q --memory ram2 --layout loader/hest-layout.json --source "$src" --blob-address 0x3f000000 mem.bin
expect loader-wrong-address 2 "holds 0: the region is not in the guest's memory yet" \
	"$HESTC" inject --memory ram2 --layout loader/hest-layout.json --source "$src" --blob-address 0x3e000000 mem.bin
cp ram.orig ram
expect fixed-other-base 2 "--blob-address differs" inj --source memory --blob-address 0x20000000 mem.bin
# a register pointing elsewhere than the layout says (another HEST in the guest)
printf '\000\020\000\040\000\000\000\000' | dd of=ram bs=1 seek=$((0x10000008)) conv=notrunc 2>/dev/null
expect wrong-block 2 "not the block the layout says" inj --source memory mem.bin
cp ram.orig ram
expect not-loaded 2 "holds 0" "$HESTC" inject --memory ram --layout high/hest-layout.json --source hi --map 0x100000000:16M@0 mem.bin

# --- bad inputs ------------------------------------------------------------------
expect no-memory 2 "inject needs --memory FILE" "$HESTC" inject --layout fixed/hest-layout.json --source memory mem.bin
expect no-layout 2 "inject needs --layout FILE" "$HESTC" inject --memory ram --source memory mem.bin
expect no-source 2 "inject needs --source" "$HESTC" inject --memory ram --layout fixed/hest-layout.json mem.bin
expect no-record 2 "inject takes exactly one record" inj --source memory
expect unknown-source 2 "has no source 'nope'" inj --source nope mem.bin
expect unknown-option 2 "--bogus" inj --bogus --source memory mem.bin
expect bad-timeout 2 "--timeout 'soon'" inj --source memory --timeout soon mem.bin
expect bad-poll 2 "--poll-interval '0': from 1 to 60000 ms" inj --source memory --poll-interval 0 mem.bin
expect missing-memory 2 "nothere: No such file or directory" "$HESTC" inject --memory nothere --layout fixed/hest-layout.json --source memory mem.bin
expect memory-dir 2 "not a regular file" "$HESTC" inject --memory . --layout fixed/hest-layout.json --source memory mem.bin
printf '{\n  "placement": {"mode": "fixed", "base": "0x10000000",\n  "sources": []\n}\n' >bad.json
expect layout-syntax 2 "bad.json:5:1: error: expected ',' or '}'" "$HESTC" inject --memory ram --layout bad.json --source memory mem.bin
printf '{"sources": []}\n' >noplace.json
expect layout-not 2 "'placement' is missing: not a hest-layout.json" \
	"$HESTC" inject --memory ram --layout noplace.json --source memory mem.bin
head -c 100 mem.bin >short.bin
expect record-short 1 "short.bin:" inj --source memory short.bin
printf 'severity: recoverable\nsections:\n  - type: memroy\n' >typo.yaml
expect record-yaml 1 "typo.yaml:3:" inj --source memory typo.yaml
printf 'form: record\nsections:\n  - type: memory\n' >form.yaml
expect record-form 1 "a GHES block takes a status block" inj --source memory form.yaml
"$HESTC" cper -q form.yaml -o form.bin || not_ok "a CPER record builds"
expect record-form-bin 1 'form.bin:0x0: error: a CPER record (signature "CPER"), not a generic error status block' \
	inj --source memory form.bin
# a valid block of 5172 bytes (5000 bytes of raw data) for a 4096-byte block
python3 -c 'import struct
b = bytearray(open("mem.bin", "rb").read())
struct.pack_into("<II", b, 4, len(b), 5000)
open("huge.bin", "wb").write(bytes(b) + bytes(5000))'
expect record-too-big 1 "the source's error status block holds 4096" inj --source memory huge.bin
cmp -s ram ram.orig && ok "no failed command wrote into the RAM file" || not_ok "no failed command wrote into the RAM file"
"$HESTC" inject --help >help.out 2>help.err && [ ! -s help.err ] &&
	grep -q "usage: hestc inject RECORD" help.out && ok "hestc inject --help prints the usage" || not_ok "hestc inject --help prints the usage"
"$HESTC" --help | grep -q "^  inject " && ok "hestc --help lists inject" || not_ok "hestc --help lists inject"
done_testing
