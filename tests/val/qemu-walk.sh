#!/bin/sh
# QEMU-HEST-WALK: QEMU 10.2, told the HEST's address through
# etc/acpi_table_hest_addr, walks the HEST over 92-byte GHESv2 structures
# to find a source (hw/acpi/ghes.c get_ghes_source_offsets).  Each way the
# walk fails fires the rule, on a loaded binary and at a description's YAML
# position; a table QEMU can walk, or a script that sends the HEST's
# address elsewhere, does not.
. "$top_srcdir/tests/lib.sh"
T=$scratch
head -c 8 /dev/zero >"$T/addr8"

# compile NAME SOURCES...: a QEMU 10.2 layout whose script sends the HEST's
# address to etc/vmm_hest_addr (so that hestc compile itself does not refuse
# it), with the given sources; outputs in $T/NAME.
compile() {
	name=$1
	shift
	{
		echo "allow: [duplicate-source-ids]"
		echo "table: { revision: 1 }"
		echo "placement: { mode: linker-loader, write_pointer: false, hest_address_blob: etc/vmm_hest_addr }"
		echo "sources:"
		for s in "$@"; do echo "  - $s"; done
	} >"$T/$name.yaml"
	"$HESTC" compile -q "$T/$name.yaml" -o "$T/$name" --emit all >"$T/$name.cout" 2>&1 ||
		{ not_ok "$name compiles"; sed 's/^/# /' "$T/$name.cout"; }
}
# load NAME [FILE]: hestval on the served HEST with the script run, its
# HEST address sent to FILE (default QEMU's etc/acpi_table_hest_addr)
load() {
	name=$1 file=${2:-etc/acpi_table_hest_addr}
	sed "s|etc/vmm_hest_addr|$file|" "$T/$name/table-loader.txt" >"$T/$name/script.txt"
	"$HESTVAL" validate --loader "$T/$name/script.txt" --blob "etc/hardware_errors=$T/$name/hardware_errors.bin" \
		--writable "$file=$T/addr8" "$T/$name/hest-fwcfg.aml" >"$T/$name.out" 2>&1
	echo $? >"$T/$name.rc"
}
fires() { # fires NAME TEXT
	if grep -F "[QEMU-HEST-WALK]" "$T/$1.out" | grep -qF -- "$2"; then
		ok "QEMU-HEST-WALK on $1: $2"
	else
		not_ok "QEMU-HEST-WALK on $1: $2"
		diag "$(cat "$T/$1.out")"
	fi
}
silent() { # silent NAME WHY
	if ! grep -qF "[QEMU-HEST-WALK]" "$T/$1.out" && grep -q ' errors\?, ' "$T/$1.out"; then
		ok "QEMU-HEST-WALK is silent on $1: $2"
	else
		not_ok "QEMU-HEST-WALK is silent on $1: $2"
		diag "$(cat "$T/$1.out")"
	fi
}

SEA='{ name: sea, type: ghes-v2, id: 0, notification: { type: sea } }'
GPIO='{ name: gpio, type: ghes-v2, id: 1, notification: { type: gpio } }'

# QEMU 10.2's own two sources: found.  (hestval reads binaries only; a
# description is checked by hestc compile, below.)
compile good "$SEA" "$GPIO"
load good
silent good "two GHESv2 sources, ids 0 and 1"
check "good: no error (exit 0)" [ "$(cat "$T/good.rc")" = 0 ]

# A CMC first: the walk stops there for both GHESv2 sources.
compile cmc '{ name: cmc, type: cmc, id: 5, notification: { type: polled } }' "$SEA" "$GPIO"
load cmc
fires cmc '0x58: error[QEMU-HEST-WALK]: QEMU will not find source 0: QEMU walks the HEST from its first structure in steps of 92 bytes, GHESv2 only, and stops at structure #0 at 0x28, a cmc (type 1, 48 bytes), with "HEST: type 1 not supported."'
fires cmc 'QEMU will not find source 1: '
check "cmc: exit 1 (an error)" [ "$(cat "$T/cmc.rc")" = 1 ]
# ... but sent to another file the HEST's address is not QEMU's to walk.
load cmc etc/vmm_hest_addr
silent cmc "the script sends the HEST's address to etc/vmm_hest_addr"

# A GHES (type 9) cannot be found even first; the GHESv2 behind it neither.
compile ghes '{ name: old, type: ghes, id: 0, notification: { type: sea } }' "$GPIO"
load ghes
fires ghes 'QEMU will not find source 0: it is a ghes (type 9, 64 bytes) and QEMU'"'"'s HEST walk takes 92-byte GHESv2 structures only ("HEST: type 9 not supported.")'
fires ghes 'QEMU will not find source 1: QEMU walks the HEST from its first structure in steps of 92 bytes, GHESv2 only, and stops at structure #0 at 0x28, a ghes (type 9'

# GHESv2 sources after a GHESv2 are found; a non-GHES after them is no
# GHES source, and the walk never reaches it.
compile after "$SEA" "$GPIO" '{ name: cmc, type: cmc, id: 5, notification: { type: polled } }'
load after
silent after "a CMC after the GHESv2 sources"

# Two sources with one id: QEMU takes the first.
compile dup "$SEA" '{ name: sea2, type: ghes-v2, id: 0, notification: { type: gpio } }'
load dup
fires dup 'QEMU will not find source 0: structure #0 at 0x28 before it has the same id, and QEMU'"'"'s walk stops at the first match'

# Error Source Count smaller than the structures: QEMU walks that many.
compile count "$SEA" "$GPIO"
python3 - "$T/count/hest-fwcfg.aml" <<'EOP'
import sys
p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[36] = 1; open(p, "wb").write(b)
EOP
load count
fires count 'QEMU will not find source 1: it is structure #1 but QEMU walks only the 1 structures Error Source Count declares ("HEST: Source 1 not found.")'

# A description: hestc compile refuses what QEMU cannot walk, at the
# source's position, under the profile or with hest_address_blob set to
# QEMU's file; hestval validate on the description says the same.
cat >"$T/desc.yaml" <<EOD
placement:
  profile: qemu-virt-hest-addr
sources:
  - { name: cmc, type: cmc, id: 5, notification: { type: polled } }
  - $SEA
EOD
"$HESTC" compile "$T/desc.yaml" -o "$T/desc" >"$T/desc.out" 2>&1
check "desc: hestc compile exits 1" [ $? = 1 ]
check "desc: at the source, naming it and the rule" grep -qF "desc.yaml:5:5: error: source 'sea': QEMU will not find source 0: QEMU walks the HEST from its first structure in steps of 92 bytes, GHESv2 only, and stops at structure #0 'cmc', a cmc (type 1, 48 bytes)" "$T/desc.out"
check "desc: ... with its id" grep -qF '[QEMU-HEST-WALK]' "$T/desc.out"
check "desc: nothing written" [ ! -e "$T/desc/hest.aml" ]
printf 'placement: { mode: linker-loader, hest_address_blob: etc/acpi_table_hest_addr }\nsources:\n  - { name: cmc, type: cmc, id: 5, notification: { type: polled } }\n  - %s\n' "$SEA" >"$T/desc2.yaml"
"$HESTC" compile "$T/desc2.yaml" -o "$T/desc2" >"$T/desc2.out" 2>&1
check "desc2 (hest_address_blob: etc/acpi_table_hest_addr, no profile): refused too" \
	sh -c "[ $? = 1 ] && grep -qF '[QEMU-HEST-WALK]' '$T/desc2.out'"
sed 's|etc/acpi_table_hest_addr|etc/vmm_hest_addr|' "$T/desc2.yaml" >"$T/desc3.yaml"
"$HESTC" compile -q "$T/desc3.yaml" -o "$T/desc3" >"$T/desc3.out" 2>&1
check "desc3 (the HEST's address to another file): compiles, no QEMU-HEST-WALK" \
	sh -c "[ $? = 0 ] && ! grep -qF 'QEMU-HEST-WALK' '$T/desc3.out'"
for p in qemu-profile-hest-addr qemu-profile-hest-addr-4k; do
	"$HESTC" compile -q "$top_srcdir/examples/$p.yaml" -o "$T/$p" --emit all >"$T/$p.cout" 2>&1
	"$HESTVAL" validate "$T/$p" >"$T/$p.out" 2>&1
	rc=$?
	silent "$p" "QEMU's own layout, validated as served (hestval validate OUTDIR)"
	check "$p: hestval validate OUTDIR exits 0" [ "$rc" = 0 ]
	check "$p: ... having run the script that writes etc/acpi_table_hest_addr" \
		grep -q "'etc/acpi_table_hest_addr': 8 zero bytes supplied" "$T/$p.out"
done
done_testing
