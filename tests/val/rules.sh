#!/bin/sh
# Every rule of `hestval validate` fires on a table built to break it, with
# its message, and stays silent on the table it was built from (or on a
# repaired one).  Tables are real bytes (tests/golden, the corpus) edited
# by tests/val/hestpatch.py.
. "$top_srcdir/tests/lib.sh"
G=$top_srcdir/tests/golden
P="python3 $top_srcdir/tests/val/hestpatch.py"
T=$scratch

ghes=$G/type-ghes.aml     # GHES id 9, SCI, 4096-byte block, 1024 raw, GAS 0x7ff7e000
ghes2=$G/type-ghes-v2.aml # GHESv2 id 10, same register address, read-ack 0x7ff7e008
cmc=$G/type-cmc.aml       # CMC id 1, 2 banks, CMCI
nmi=$G/type-nmi.aml
aerr=$G/type-aer-root-port.aml
aere=$G/type-aer-endpoint.aml # FIRMWARE_FIRST set

# run NAME ARGS...: validates $T/NAME.aml, output in $T/NAME.out
run() {
	name=$1
	shift
	"$HESTVAL" validate -q "$@" "$T/$name.aml" >"$T/$name.out" 2>"$T/$name.err"
	echo $? >"$T/$name.rc"
}

# fires RULE NAME 'message part' [ARGS...]
fires() {
	rule=$1 name=$2 text=$3
	shift 3
	run "$name" "$@"
	if grep -F "[$rule]: " "$T/$name.out" | grep -qF -- "$text"; then
		ok "$rule fires on $name: $text"
	else
		not_ok "$rule fires on $name: $text"
		diag "$(cat "$T/$name.out" "$T/$name.err")"
	fi
}

# silent RULE NAME [ARGS...]
silent() {
	rule=$1 name=$2
	shift 2
	run "$name" "$@"
	if grep -qF "[$rule]: " "$T/$name.out"; then
		not_ok "$rule is silent on $name"
		diag "$(grep -F "[$rule]" "$T/$name.out")"
	elif ! grep -q ': [0-9]* errors\?, ' "$T/$name.out"; then
		not_ok "$rule is silent on $name (no summary line: the run failed)"
		diag "$(cat "$T/$name.err")"
	else
		ok "$rule is silent on $name"
	fi
}

patch() { $P patch "$@" || exit 99; }
cat_() { $P cat "$@" || exit 99; }

cp "$ghes" "$T/ghes.aml"
cp "$cmc" "$T/cmc.aml"

# --- the table ------------------------------------------------------------
patch "$ghes" "$T/sig.aml" t0:4=0x50434146
fires HEST-SIGNATURE sig "the signature is 'FACP', not 'HEST'"
silent HEST-SIGNATURE ghes

patch "$ghes" "$T/short.aml" truncate=100
fires HEST-LENGTH short "Length says 104 bytes but only 100 are present"
patch "$ghes" "$T/long.aml" append=00000000
fires HEST-LENGTH long "Length says 104 bytes but the input has 108"
patch "$ghes" "$T/tiny.aml" truncate=30
fires HEST-LENGTH tiny "the input has 30 bytes; a HEST needs at least 40"
silent HEST-LENGTH ghes

patch "$ghes" "$T/rev.aml" t8:1=3
fires HEST-REVISION rev "revision is 3; ACPI defines 1 (up to 6.4) and 2 (6.5 and later)"
check "HEST-REVISION is a note (no consumer reads the revision)" grep -qF "note[HEST-REVISION]" "$T/rev.out"
patch "$ghes" "$T/rev1.aml" t8:1=1
silent HEST-REVISION rev1
silent HEST-REVISION ghes

# HEST-ORDER: revision 2 sorts structures of types 0-11 by type.
cat_ "$T/ghescmc.aml" "$ghes" "$cmc"
patch "$T/ghescmc.aml" "$T/order2.aml" t8:1=2
fires HEST-ORDER order2 "structure of type 1 (cmc) after one of type 9 (source 9, ghes): revision 2 (ACPI 6.5) orders structures of types 0-11 by type; reorder the sources, or set revision 1"
check "HEST-ORDER is a note" grep -qF "note[HEST-ORDER]" "$T/order2.out"
patch "$T/ghescmc.aml" "$T/order1.aml" t8:1=1
silent HEST-ORDER order1
cat_ "$T/cmcghes2.aml" "$cmc" "$ghes" "$ghes2"
patch "$T/cmcghes2.aml" "$T/order-ok.aml" t8:1=2
silent HEST-ORDER order-ok

patch "$ghes" "$T/cksum.aml" t24:4=77 nocksum
fires HEST-CHECKSUM cksum "bytes of the table sum to"
silent HEST-CHECKSUM ghes

patch "$ghes" "$T/count.aml" t36:4=2
fires HEST-COUNT count "Error Source Count is 2 but the table holds 1 structure"
patch "$ghes" "$T/count0.aml" t36:4=0
fires HEST-COUNT count0 "ignore the last 1 (from 0x28)"
silent HEST-COUNT ghes

patch "$ghes" "$T/ascii.aml" t28:1=0xd2
fires HEST-ID-ASCII ascii "Creator ID holds bytes that are not printable ASCII (d2 "
silent HEST-ID-ASCII ghes

patch "$ghes" "$T/pad.aml" t10:6=0x434241
fires HEST-ID-PADDING pad "OEM ID 'ABC' is padded with 3 NUL bytes instead of spaces"
silent HEST-ID-PADDING ghes

patch "$ghes" "$T/type12.aml" s0+0:2=12
fires HEST-UNKNOWN-TYPE type12 "structure type 12 (0x000c) is reserved (ACPI 6.5 defines types 0-11); the 64 bytes"
patch "$ghes" "$T/type4.aml" s0+0:2=4
fires HEST-UNKNOWN-TYPE type4 "types 3-5 were IA-64 sources"
silent HEST-UNKNOWN-TYPE ghes

patch "$ghes" "$T/trunc.aml" truncate=90 fixlen
fires HEST-TRUNCATED trunc "a ghes structure needs 64 bytes but only 50 remain"
patch "$cmc" "$T/banks.aml" s0+44:1=200
fires HEST-TRUNCATED banks "a cmc structure with 200 banks needs 5648 bytes (48 + 28 x 200)"
silent HEST-TRUNCATED cmc

patch "$ghes" "$T/trail.aml" append=0000 fixlen
fires HEST-TRAILING trail "2 bytes after the last structure (up to 0x6a) are too few"
silent HEST-TRAILING ghes

python3 - "$nmi" "$T/limit.aml" <<'EOF' || exit 99
import struct, sys
src = open(sys.argv[1], 'rb').read()
nmi = bytearray(src[40:60])
n = 65534
body = bytearray()
for i in range(n):
    nmi[2:4] = struct.pack('<H', i)
    body += nmi
b = bytearray(src[:40]) + body
struct.pack_into('<I', b, 4, len(b))
struct.pack_into('<I', b, 36, n)
b[9] = 0
b[9] = (-sum(b)) & 0xff
open(sys.argv[2], 'wb').write(b)
EOF
fires HEST-LIMIT limit "more than 65533 structures; the 20 bytes from here are kept undecoded"
silent HEST-LIMIT ghes

patch "$ghes" "$T/zero.aml" append=$(printf '%080d' 0) t36:4=2 fixlen
fires HEST-ZERO-STRUCT zero "the 40 bytes at 0x68 are all zero: padding read as an empty mce structure"
patch "$ghes" "$T/zeros.aml" append=$(printf '%0160d' 0) t36:4=3 fixlen
fires HEST-ZERO-STRUCT zeros "2 structures from 0x68 to 0xb8 are all zero bytes"
silent HEST-ZERO-STRUCT ghes

cat_ "$T/cmcghes.aml" "$cmc" "$ghes"
patch "$T/cmcghes.aml" "$T/gap.aml" insert=0x90:$(printf '%0112d' 0) fixlen
fires HEST-GAP gap "the 56 bytes from 0x90 to 0xc8 (all zero) belong to no structure: from 0xc8, 1 structure (ghes at 0xc8) ends exactly at the table length"
fires HEST-GAP gap "the cmc structure before the gap says 2 banks, and 4 banks would end exactly at 0xc8"
silent HEST-GAP cmcghes

# --- each structure ------------------------------------------------------------
patch "$ghes" "$T/res.aml" s0+6:1=3
fires HEST-RESERVED res "reserved byte 6 holds 0x03; must be zero"
patch "$cmc" "$T/bankres.aml" s0+51:1=1
fires HEST-RESERVED bankres "bank 0: reserved byte 3 holds 0x01"
silent HEST-RESERVED ghes
silent HEST-RESERVED cmc

patch "$cmc" "$T/global.aml" s0+6:1=2
fires HEST-FLAGS-RESERVED global "flags 0x02: bit 1 (GLOBAL, defined for AER structures only) is reserved for cmc structures"
patch "$aerr" "$T/assistaer.aml" s0+6:1=4
fires HEST-FLAGS-RESERVED assistaer "bit 2 (GHES_ASSIST, defined for IA-32 machine check structures only) is reserved for aer-root-port"
silent HEST-FLAGS-RESERVED cmc

patch "$cmc" "$T/ffassist.aml" s0+6:1=5
fires HEST-FLAGS-FF-ASSIST ffassist "set both FIRMWARE_FIRST and GHES_ASSIST"
silent HEST-FLAGS-FF-ASSIST cmc

patch "$ghes" "$T/enabled.aml" s0+7:1=2
fires HEST-ENABLED enabled "enabled is 2; only 0 and 1 are defined"
silent HEST-ENABLED ghes

patch "$ghes" "$T/records.aml" s0+8:4=0
fires HEST-RECORDS records "records_to_preallocate is 0; the OS must preallocate at least one error record"
silent HEST-RECORDS ghes

patch "$ghes" "$T/maxsec.aml" s0+12:4=0
fires HEST-MAX-SECTIONS maxsec "max_sections_per_record is 0"
silent HEST-MAX-SECTIONS ghes

patch "$ghes" "$T/nlen.aml" s0+33:1=27
fires HEST-NOTIFY-LENGTH nlen "notification length is 27; the structure is 28 bytes"
silent HEST-NOTIFY-LENGTH ghes

patch "$ghes" "$T/ntype.aml" s0+32:1=13
fires HEST-NOTIFY-TYPE ntype "notification type 13 is reserved; 0 (polled) to 12 (RISC-V SSE) are defined"
patch "$ghes" "$T/sse.aml" s0+32:1=12
silent HEST-NOTIFY-TYPE sse
fires LINUX-NOTIFY sse "Unknown notification type: 12 for generic hardware error source: 9 (mainline Linux has no RISC-V SSE support)"
fires HEST-NOTIFY-ARCH sse "notification type sse is a RISC-V mechanism; it cannot signal errors on x86_64" --arch x86_64
silent HEST-NOTIFY-ARCH sse --arch riscv64
patch "$ghes" "$T/nmi-rv.aml" s0+32:1=4
fires HEST-NOTIFY-ARCH nmi-rv "notification type nmi is an IA-32/x64 mechanism; it cannot signal errors on riscv64" --arch riscv64
silent HEST-NOTIFY-TYPE ghes

patch "$ghes" "$T/cwe.aml" s0+34:2=0x41
fires HEST-NOTIFY-RESERVED cwe "configuration write enable 0x0041 sets reserved bits 0x0040"
silent HEST-NOTIFY-RESERVED ghes

cp "$G/notify-sea.aml" "$T/sea.aml"
cp "$G/notify-nmi.aml" "$T/nmi-notify.aml"
fires HEST-NOTIFY-ARCH sea "notification type sea is an Armv8 mechanism; it cannot signal errors on x86_64" --arch x86_64
fires HEST-NOTIFY-ARCH nmi-notify "notification type nmi is an IA-32/x64 mechanism; it cannot signal errors on arm64" --arch arm64
silent HEST-NOTIFY-ARCH sea --arch arm64
silent HEST-NOTIFY-ARCH sea
silent HEST-NOTIFY-ARCH nmi-notify --arch x86_64

patch "$ghes" "$T/poll0.aml" s0+32:1=0 s0+36:4=0
fires HEST-POLL-INTERVAL poll0 "polled notification with a poll interval of 0 ms; Linux never polls it"
patch "$ghes" "$T/poll100.aml" s0+32:1=0 s0+36:4=100
silent HEST-POLL-INTERVAL poll100

patch "$cmc" "$T/cmcpoll0.aml" s0+16:1=0 s0+20:4=0
fires HEST-POLL-INTERVAL-MC cmcpoll0 "an OS that polls this source has no interval"
patch "$cmc" "$T/cmcpoll.aml" s0+16:1=0 s0+20:4=1000
silent HEST-POLL-INTERVAL-MC cmcpoll

patch "$cmc" "$T/bankdup.aml" s0+48:1=7 s0+76:1=7
fires HEST-BANK-DUP bankdup "bank 1 repeats bank number 7"
silent HEST-BANK-DUP cmc

patch "$cmc" "$T/clear.aml" s0+49:1=2
fires HEST-BANK-CLEAR clear "clear_status_on_init is 2; only 0 and 1 are defined"
silent HEST-BANK-CLEAR cmc

patch "$cmc" "$T/format.aml" s0+50:1=3
fires HEST-BANK-FORMAT format "status_data_format is 3; 0 (IA-32 MCA), 1 (Intel 64 MCA) and 2 (AMD64 MCA) are defined"
silent HEST-BANK-FORMAT cmc

# --- across structures -----------------------------------------------------------
cat_ "$T/nmi2.aml" "$nmi" "$nmi"
fires HEST-SINGLETON nmi2 "2 IA-32 NMI structures (the first at 0x28); only one is permitted per table"
cp "$nmi" "$T/nmi1.aml"
silent HEST-SINGLETON nmi1

cat_ "$T/both.aml" "$ghes" "$ghes2"
patch "$T/both.aml" "$T/dup.aml" s1+2:2=9
fires HEST-DUP-ID dup "source id 9 is already used by the ghes structure at 0x28"
silent HEST-DUP-ID both

patch "$ghes" "$T/relmiss.aml" s0+4:2=5
fires HEST-RELATED-MISSING relmiss "related_source_id 5 names no source of the table"
silent HEST-RELATED-MISSING ghes

patch "$ghes" "$T/relself.aml" s0+4:2=9
fires HEST-RELATED-KIND relself "related_source_id 9 names this source itself"
patch "$T/both.aml" "$T/relghes.aml" s1+4:2=9
fires HEST-RELATED-KIND relghes "related_source_id 9 names a ghes source"
cat_ "$T/cmcrel.aml" "$cmc" "$ghes"
patch "$T/cmcrel.aml" "$T/cmcrel1.aml" s1+4:2=1
silent HEST-RELATED-KIND cmcrel1
silent HEST-RELATED-MISSING cmcrel1

cat_ "$T/aer2.aml" "$aerr" "$aerr"
patch "$T/aer2.aml" "$T/global2.aml" s0+6:1=2 s1+6:1=2 s1+2:2=60
fires HEST-AER-GLOBAL-DUP global2 "a second GLOBAL aer-root-port structure; the one at 0x28 already applies"
patch "$T/aer2.aml" "$T/global1.aml" s0+6:1=2 s1+2:2=60
silent HEST-AER-GLOBAL-DUP global1

cp "$aere" "$T/ff.aml"
fires HEST-FF-NO-GHES ff "FIRMWARE_FIRST is set but the table has no enabled GHES"
cat_ "$T/ffghes.aml" "$aere" "$ghes"
silent HEST-FF-NO-GHES ffghes

patch "$cmc" "$T/assist.aml" s0+6:1=4
fires HEST-ASSIST-NO-GHES assist "GHES_ASSIST is set but no GHES has related_source_id 1"
patch "$T/cmcrel1.aml" "$T/assisted.aml" s0+6:1=4
silent HEST-ASSIST-NO-GHES assisted

# --- register addresses ------------------------------------------------------------
patch "$ghes" "$T/space.aml" s0+20:1=2
fires GAS-SPACE space "the error status address register is in address space 2"
silent GAS-SPACE ghes

patch "$ghes" "$T/access.aml" s0+23:1=0
fires GAS-ACCESS access "has access size 0 (undefined); Linux needs 1 (byte) to 4 (qword)"
silent GAS-ACCESS ghes

patch "$ghes" "$T/width.aml" s0+22:1=8
fires GAS-WIDTH width "bit width 64 + bit offset 8 exceed the 64-bit access"
silent GAS-WIDTH ghes
patch "$ghes" "$T/width0.aml" s0+21:1=0
fires GAS-WIDTH width0 "the error status address register has bit width 0; Linux maps nothing for it (acpi_os_map_generic_address) and the probe fails with -6"
silent GAS-REGISTER-64 width0

patch "$ghes" "$T/widen.aml" s0+21:1=32 s0+23:1=1
fires GAS-WIDEN widen "bit width 32 is wider than the 8-bit access size 1; only Linux's fix-up"
patch "$ghes" "$T/widenodd.aml" s0+21:1=32 s0+23:1=1 s0+24:8=0x7ff7e002
fires GAS-WIDTH widenodd "bit width 32 + bit offset 0 exceed the 8-bit access"
silent GAS-WIDEN ghes

patch "$ghes" "$T/reg32.aml" s0+21:1=32 s0+23:1=3
fires GAS-REGISTER-64 reg32 "has bit width 32 and is read with 32-bit accesses"
silent GAS-REGISTER-64 ghes

patch "$ghes" "$T/align.aml" s0+24:8=0x7ff7e004
fires GAS-ALIGN align "0x7ff7e004 is not aligned to its 8-byte access"
silent GAS-ALIGN ghes

patch "$ghes" "$T/zeroaddr.aml" s0+24:8=0
fires HEST-GAS-ZERO zeroaddr "the error status address register is 0 and nothing patches it"
silent HEST-GAS-ZERO ghes

fires GAS-OVERLAP both "the error status address register 0x7ff7e000 overlaps the error status address register of source 9"
patch "$T/both.aml" "$T/apart.aml" s1+24:8=0x7ff7f000 s1+68:8=0x7ff7f008
silent GAS-OVERLAP apart
# Two GHESv2 on one read-ack register: a doorbell when the write values
# differ (or each preserve keeps the other's bits), a conflict otherwise.
cat_ "$T/two2.aml" "$ghes2" "$ghes2"
patch "$T/two2.aml" "$T/bell.aml" s1+2:2=11 s1+24:8=0x7ff7f000 s1+84:8=2
fires GAS-READ-ACK-SHARED bell "the read-ack register 0x7ff7e008 is shared with source 10 (ghes-v2), a doorbell: write 0x2 and 0x1 tell the acknowledgements apart"
silent GAS-OVERLAP bell
patch "$T/two2.aml" "$T/bell2.aml" s1+2:2=11 s1+24:8=0x7ff7f000 s0+76:8=0 s1+76:8=0 s1+84:8=0xb1d00000
fires GAS-READ-ACK-SHARED bell2 "a doorbell: write 0xb1d00000 and 0x1"
patch "$T/two2.aml" "$T/samebit.aml" s1+2:2=11 s1+24:8=0x7ff7f000 s0+76:8=0xffffffffffffffff s1+76:8=0xffffffffffffffff
fires GAS-OVERLAP samebit "the read-ack register 0x7ff7e008 overlaps"
patch "$T/two2.aml" "$T/ackclash.aml" s1+2:2=11 s1+24:8=0x7ff7f000
fires GAS-OVERLAP ackclash "the read-ack register 0x7ff7e008 overlaps the read-ack register of source 10"
silent GAS-READ-ACK-SHARED ackclash

# --- error status block sizing -----------------------------------------------------
patch "$ghes" "$T/ebl16.aml" s0+60:4=16
fires CPER-SIZE-HEADER ebl16 "error_block_length 16 is smaller than the 20-byte Generic Error Status Block"
silent CPER-SIZE-HEADER ghes

patch "$ghes" "$T/ebl64.aml" s0+60:4=64
fires CPER-SIZE-ENTRY ebl64 "error_block_length 64 cannot hold the 20-byte status block and one 72-byte data entry header"
silent CPER-SIZE-ENTRY ebl16
silent CPER-SIZE-ENTRY ghes

patch "$ghes" "$T/raw.aml" s0+16:4=4090
fires CPER-SIZE-RAW raw "max_raw_data_length 4090 does not fit in the 4096-byte error status block"
silent CPER-SIZE-RAW ghes

patch "$ghes" "$T/common.aml" s0+16:4=0 s0+60:4=156
fires CPER-SIZE-COMMON common "error_block_length 156 cannot hold a record of one memory error section even in its oldest form (157 bytes)"
patch "$ghes" "$T/common157.aml" s0+16:4=0 s0+60:4=157
silent CPER-SIZE-COMMON common157
silent CPER-SIZE-COMMON ghes
patch "$ghes" "$T/worst.aml" s0+16:4=0 s0+60:4=200
fires CPER-SIZE-WORST worst "error_block_length 200 is smaller than a worst-case record of 300 bytes"
check "CPER-SIZE-WORST is a note (it assumes sections the table does not declare)" grep -qF "note[CPER-SIZE-WORST]" "$T/worst.out"
patch "$ghes" "$T/worst2.aml" s0+12:4=3 s0+16:4=16 s0+60:4=800
fires CPER-SIZE-WORST worst2 "worst-case record of 876 bytes (20-byte status block, 3 x (72-byte entry + 208-byte pcie section), 16 bytes of raw data)"
silent CPER-SIZE-WORST ghes

patch "$ghes" "$T/cap.aml" s0+60:4=70000
fires HEST-GHES-BLOCK-CAP cap "error_block_length 70000 is above Linux's 65536-byte limit"
silent HEST-GHES-BLOCK-CAP ghes

# --- what Linux does ----------------------------------------------------------------
fires LINUX-HEST-REFUSED dup "a second enabled GHES with id 9: Linux (\"Duplicated hardware error source ID\")"
patch "$T/dup.aml" "$T/dupoff.aml" s1+7:1=0
silent LINUX-HEST-REFUSED dupoff
fires LINUX-HEST-REFUSED type12 "registers no GHES"
fires LINUX-HEST-REFUSED count "makes Linux read a structure at 0x68 beyond the last one"
silent LINUX-HEST-REFUSED ghes

cp "$G/notify-local-interrupt.aml" "$T/local.aml"
fires LINUX-NOTIFY local "no handler for local-interrupt notifications"
patch "$ghes" "$T/cmci.aml" s0+32:1=5
fires LINUX-NOTIFY cmci "Unknown notification type: 5 for generic hardware error source: 9"
silent LINUX-NOTIFY ghes

patch "$cmc" "$T/cmcoff.aml" s0+7:1=0
fires LINUX-CMC-DISABLED cmcoff "this CMC is disabled: on x86, arch_apei_enable_cmcff returns 0"
silent LINUX-CMC-DISABLED cmcoff --arch arm64
silent LINUX-CMC-DISABLED cmc

patch "$T/both.aml" "$T/unreached.aml" t36:4=1
fires LINUX-UNREACHED unreached "this GHES is structure 2 but Error Source Count is 1: Linux never registers it"
silent LINUX-UNREACHED both

done_testing
