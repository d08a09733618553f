#!/bin/sh
# Placement outputs: loader script (binary and listing), blobs, C header and
# JSON of the placement examples, compared with tests/golden/placement/.
# `tests/placement.sh --regenerate` rewrites the goldens (make regen-golden).
. "$top_srcdir/tests/lib.sh"
golden="$top_srcdir/tests/golden/placement"
examples="qemu-virt-arm64 qemu-virt-arm64-sea fixed-vmm vmm-loader-options qemu-profile-hw-errors-addr qemu-profile-hest-addr
	qemu-profile-hest-addr-4k"
regen=false
[ "${1:-}" = "--regenerate" ] && regen=true

for ex in $examples; do
	out="$scratch/$ex"
	if ! "$HESTC" compile "$top_srcdir/examples/$ex.yaml" -o "$out" --emit all -q 2>"$scratch/err"; then
		not_ok "$ex compiles with --emit all"
		sed 's/^/# /' "$scratch/err"
		continue
	fi
	ok "$ex compiles with --emit all"
	if $regen; then
		mkdir -p "$golden/$ex"
		rm -f "$golden/$ex"/*
		cp "$out"/* "$golden/$ex/"
		ok "$ex goldens regenerated"
		continue
	fi
	for f in "$golden/$ex"/*; do
		name=$(basename "$f")
		if cmp -s "$f" "$out/$name"; then
			ok "$ex/$name equals its golden"
		else
			not_ok "$ex/$name equals its golden"
			if [ -f "$out/$name" ]; then
				case $name in
				*.bin | *.aml) cmp -l "$f" "$out/$name" | head -5 | sed 's/^/# /' ;;
				*) diff -u "$f" "$out/$name" | head -20 | sed 's/^/# /' ;;
				esac
			else
				diag "$name was not written"
			fi
		fi
	done
	for f in "$out"/*; do
		[ -f "$golden/$ex/$(basename "$f")" ] || not_ok "$ex: $(basename "$f") has no golden"
	done
done
$regen && { done_testing; exit; }

# The header is usable from C99 and C++ with every warning an error, and its
# values agree with the JSON.
cc=${CC:-cc}
cxx=${CXX:-c++}
for ex in qemu-virt-arm64 fixed-vmm; do
	cat >"$scratch/use.c" <<'EOC'
#include <stdio.h>
#include "hest-layout.h"
int main(void)
{
	for (unsigned i = 0; i < HEST_LAYOUT_NUM_SOURCES; i++)
		printf("%s %u %llu %llu %lu\n", hest_layout_sources[i].name, (unsigned)hest_layout_sources[i].id,
		       (unsigned long long)hest_layout_sources[i].register_offset,
		       (unsigned long long)hest_layout_sources[i].block_offset,
		       (unsigned long)hest_layout_sources[i].block_size);
	return 0;
}
EOC
	check "$ex: hest-layout.h compiles with -std=c99 -Wall -Wextra -Werror -pedantic" \
		$cc -std=c99 -Wall -Wextra -Werror -pedantic -I"$golden/$ex" -o "$scratch/use" "$scratch/use.c"
	cp "$scratch/use.c" "$scratch/use.cc"
	check "$ex: hest-layout.h compiles as C++ with -Wall -Wextra -Werror" \
		$cxx -Wall -Wextra -Werror -I"$golden/$ex" -o "$scratch/usexx" "$scratch/use.cc"
	"$scratch/use" >"$scratch/from-header.txt"
	python3 - "$golden/$ex/hest-layout.json" >"$scratch/from-json.txt" <<'EOP'
import json, sys
for s in json.load(open(sys.argv[1]))["sources"]:
    print(s["name"], s["id"], s.get("register_offset", 0), s.get("block_offset", 0), s.get("block_size", 0))
EOP
	check "$ex: header table agrees with the JSON" cmp -s "$scratch/from-header.txt" "$scratch/from-json.txt"
done

# The HEST served in the tables blob (hest-fwcfg.aml) is hest.aml with its
# checksum byte 0, as QEMU serves its own: UEFI firmware stores the range's
# checksum in ADD_CHECKSUM.  hest.aml itself stays checksum-valid.
for ex in qemu-virt-arm64 qemu-virt-arm64-sea vmm-loader-options; do
	check "$ex: hest-fwcfg.aml is hest.aml with byte 9 set to 0, hest.aml sums to 0" \
		python3 - "$golden/$ex/hest.aml" "$golden/$ex/hest-fwcfg.aml" <<'EOP'
import sys
aml, served = (open(f, "rb").read() for f in sys.argv[1:3])
want = aml[:9] + b"\0" + aml[10:]
sys.exit(0 if served == want and sum(aml) % 256 == 0 and aml[9] != 0 else 1)
EOP
done
# Real QEMU (7.2 and 10.0, arm virt, ras=on) served its HEST with byte 9 at
# 0 and GAS fields holding register offsets: undoing the firmware's
# ADD_POINTERs on the guest's copy (etc/hardware_errors was at 0x7c410000,
# ../shared/reference/qemu/README.md) gives hestc's hest-fwcfg.aml.
for live in "$shared_dir"/reference/qemu/live-qemu-*-virt-ras-HEST.bin; do
	check "$(basename "$live"), unloaded, equals qemu-virt-arm64-sea/hest-fwcfg.aml byte for byte" \
		python3 - "$live" "$golden/qemu-virt-arm64-sea/hest-fwcfg.aml" <<'EOP'
import struct, sys
live = bytearray(open(sys.argv[1], "rb").read())
served = open(sys.argv[2], "rb").read()
for gas in (40 + 20, 40 + 64):  # error_status_address, read_ack_register
    addr = struct.unpack_from("<Q", live, gas + 4)[0]
    struct.pack_into("<Q", live, gas + 4, addr - 0x7C410000)
live[9] = 0
sys.exit(0 if bytes(live) == served else 1)
EOP
done
# QEMU's goldens kept in tests/golden/qemu (tests/unit/place_test.c loads
# each profile's example and compares) are the reference copies, unchanged.
for g in HEST.aarch64-virt.v1-132B.bin HEST.aarch64-virt.v2-224B.bin HEST.aarch64-virt.v3b-224B-4KiB.bin; do
	check "tests/golden/qemu/$g is ../shared/reference/qemu/$g" \
		cmp -s "$top_srcdir/tests/golden/qemu/$g" "$shared_dir/reference/qemu/$g"
done
check "tests/golden/qemu/aarch64-virt-HEST.loaded is ../shared/reference/qemu/HEST.aarch64-virt.v3a-224B-newfw.bin" \
	cmp -s "$top_srcdir/tests/golden/qemu/aarch64-virt-HEST.loaded" \
	"$shared_dir/reference/qemu/HEST.aarch64-virt.v3a-224B-newfw.bin"
# A profile is shorthand: the profile example with no sources and
# qemu-virt-arm64.yaml, which spells QEMU 10.2's keys out but for the HEST's
# address (it keeps the older WRITE_POINTER), give the same table.
check "qemu-profile-hest-addr and qemu-virt-arm64 give the same hest.aml" \
	cmp -s "$golden/qemu-profile-hest-addr/hest.aml" "$golden/qemu-virt-arm64/hest.aml"
check "qemu-profile-hw-errors-addr and qemu-virt-arm64-sea give the same table and script" \
	sh -c "cmp -s '$golden/qemu-profile-hw-errors-addr/hest.aml' '$golden/qemu-virt-arm64-sea/hest.aml' &&
		cmp -s '$golden/qemu-profile-hw-errors-addr/table-loader.bin' '$golden/qemu-virt-arm64-sea/table-loader.bin'"
grep -q 'WRITE_POINTER dest="etc/acpi_table_hest_addr" offset=0x0 size=8 src="etc/acpi/tables" src_offset=0x0' \
	"$golden/qemu-profile-hest-addr/table-loader.txt" &&
	! grep -q 'etc/hardware_errors_addr' "$golden/qemu-profile-hest-addr/table-loader.txt"
check "qemu-profile-hest-addr: the script writes the HEST's address back, and not the region's" [ $? -eq 0 ]

# Explicit keys that agree with the profile, however spelled (1024 and 1KiB,
# zone 1 and high), and sources before the placement in the file: the same
# outputs as the profile alone.
cat >"$scratch/compat.yaml" <<'EOY'
sources:
  - { name: sea, type: ghes-v2, id: 0, notification: { type: sea }, max_raw_data_length: 0x400, read_ack: { write: 1 } }
  - { name: gpio, type: ghes-v2, id: 1, notification: { type: gpio }, error_block_length: 1024 }
table: { revision: 1, creator_id: BXPC, oem_table_id: "BXPC    " }
target: { arch: arm64 }
placement:
  block_size: 1024
  zone: 1
  address_blob: ""
  mode: linker-loader
  profile: qemu-virt-hest-addr
EOY
if "$HESTC" compile -q "$scratch/compat.yaml" -o "$scratch/compat" --emit all 2>"$scratch/err"; then
	same=yes
	for f in hest.aml table-loader.bin hardware_errors.bin hest-layout.json; do
		cmp -s "$scratch/compat/$f" "$golden/qemu-profile-hest-addr/$f" || same="no ($f differs)"
	done
	check "keys that agree with profile qemu-virt-hest-addr change nothing: $same" [ "$same" = yes ]
else
	not_ok "keys that agree with profile qemu-virt-hest-addr compile"
	sed 's/^/# /' "$scratch/err"
fi

# standalone: tables.bin serves the HEST with byte 9 at 0 and, after it, the
# install anchor (table_offset, which the script's first ADD_POINTER turns
# into the HEST's address so that UEFI firmware installs it).
check "vmm-loader-options: tables.bin holds the served HEST at 0x200 and the anchor at 0x320" \
	python3 - "$golden/vmm-loader-options" <<'EOP'
import struct, sys
d = sys.argv[1]
t = open(d + "/tables.bin", "rb").read()
served = open(d + "/hest-fwcfg.aml", "rb").read()
ok = t[0x200:0x200 + len(served)] == served and struct.unpack_from("<Q", t, 0x320)[0] == 0x200
ok = ok and 0x200 + len(served) <= 0x320 < 0x200 + len(served) + 8 and len(t) == 0x1000
sys.exit(0 if ok else 1)
EOP
grep -q 'ADD_POINTER   dest="etc/vmm_tables" offset=0x320 size=8 src="etc/vmm_tables"' \
	"$golden/vmm-loader-options/table-loader.txt"
check "... and its script points the anchor at the HEST" [ $? -eq 0 ]

# --emit kinds that do not apply are refused, and nothing is written.
"$HESTC" compile "$top_srcdir/examples/fixed-vmm.yaml" -o "$scratch/nl" --emit loader 2>"$scratch/err"
rc=$?
check "--emit loader with fixed placement exits 2" [ "$rc" -eq 2 ]
check "... saying why" grep -q "emit loader needs placement mode linker-loader" "$scratch/err"
check "... and writes nothing" [ ! -e "$scratch/nl/hest.aml" ]
done_testing
