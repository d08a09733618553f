#!/bin/sh
# Seed corpora for the fuzz targets, generated from what the tree already
# has (nothing large is committed):
#
#   fuzz/seeds.sh SRCDIR OUTDIR [HESTC]
#
# OUTDIR/TARGET/ gets: tests/golden, ../shared/corpus/real and
# ../shared/reference tables (hest, roundtrip), the HEST parts of the real
# acpidump files (acpidump), the examples and negative cases (desc), the
# loader scripts and blobs hestc compiles from the examples (loader), the
# blocks `hestc cper` builds from examples/cper (cper, cper_desc), the SSDTs
# hestc emits for GPIO/GSIV sources and the q35 companion tables (ssdt), plus the
# small hand-picked seeds of fuzz/seeds/TARGET and the regression inputs of
# fuzz/regressions/TARGET.  OUTDIR/TARGET.dict are libFuzzer dictionaries:
# the keys and names of the description schema, the loader listing words.
set -eu
src=$1 out=$2 hestc=${3:-}
shared=${shared_dir:-$src/../shared}
mkdir -p "$out"
# put FILE DEST: a writable copy (the shared corpus is read-only; the
# fuzzer and a later run of this script replace files)
put() { rm -f "$2" && cp "$1" "$2" && chmod u+w "$2"; }
for t in hest acpidump loader desc cper cper_desc roundtrip ssdt layout; do
	mkdir -p "$out/$t"
	for d in "$src/fuzz/seeds/$t" "$src/fuzz/regressions/$t"; do
		[ -d "$d" ] || continue
		for f in "$d"/*; do
			[ -f "$f" ] && put "$f" "$out/$t/$(basename "$d")-$(basename "$f")"
		done
	done
done

# name FILE: a corpus file name from a path (unique across directories)
name() { echo "$1" | sed "s|^$shared/|shared/|; s|^$src/||; s|[/ ]|_|g; s|^\\.*||"; }

# --- binary tables
for f in "$src"/tests/golden/*.aml "$src"/tests/golden/*/*.aml "$src"/tests/golden/*/*/hest.aml \
	"$shared"/corpus/real/hest/*.dat "$shared"/corpus/real/other/*.dat "$shared"/reference/qemu/*.loaded "$shared"/reference/iasl/*.aml; do
	[ -f "$f" ] || continue
	put "$f" "$out/hest/$(name "$f")"
	put "$f" "$out/roundtrip/$(name "$f")"
done

# --- acpidump text: each real dump's HEST, a two-table excerpt, iasl's raw data
for f in "$shared"/corpus/real/acpidump/*.txt; do
	[ -f "$f" ] || continue
	n=$(name "$f")
	sed -n '/^HEST @/,/^$/p' "$f" >"$out/acpidump/$n-hest"
	awk '/^[A-Z0-9_][A-Z0-9_][A-Z0-9_][A-Z0-9_] @ 0x/ { n++ } n >= 1 && n <= 2' "$f" | head -n 60 >"$out/acpidump/$n-first"
done
for f in "$shared"/reference/iasl/*.dsl; do
	[ -f "$f" ] && grep -q 'Raw Table Data' "$f" && put "$f" "$out/acpidump/$(name "$f")"
done

# --- AML: a real DSDT (QEMU q35), mostly outside the subset the reader knows
for f in "$shared"/reference/q35-companion/DSDT.bin; do
	[ -f "$f" ] && put "$f" "$out/ssdt/$(name "$f")"
done

# --- descriptions
for f in "$src"/examples/*.yaml "$src"/tests/neg/*.yaml; do
	[ -f "$f" ] && put "$f" "$out/desc/$(name "$f")"
done
for f in "$src"/examples/cper/*.yaml "$src"/examples/cper/*.json; do
	[ -f "$f" ] && put "$f" "$out/cper_desc/$(name "$f")"
done

# --- compiled outputs: loader scripts with their blobs, CPER blocks
# pack FLAG SCRIPT FILE=NAME...: the loader target's input format
pack() {
	flag=$1 script=$2
	shift 2
	printf "\\$(printf %03o "$flag")"
	cat "$script"
	printf '\nHESTFUZZ-BLOBS\n'
	for pair in "$@"; do
		file=${pair%%=*} fname=${pair#*=}
		[ -f "$file" ] || continue
		len=$(wc -c <"$file")
		printf "\\$(printf %03o ${#fname})%s" "$fname"
		for shift_ in 0 8 16 24; do
			printf "\\$(printf %03o $(((len >> shift_) & 255)))"
		done
		cat "$file"
	done
}
if [ -n "$hestc" ] && [ -x "$hestc" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/hestc-seeds.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	for f in "$src"/examples/*.yaml; do
		n=$(basename "$f" .yaml)
		"$hestc" compile -q "$f" --emit all -o "$tmp/$n" >/dev/null 2>&1 || continue
		[ -f "$tmp/$n/ssdt.aml" ] && put "$tmp/$n/ssdt.aml" "$out/ssdt/$n.aml"
		[ -f "$tmp/$n/hest-layout.json" ] && put "$tmp/$n/hest-layout.json" "$out/layout/$n.json"
		[ -f "$tmp/$n/table-loader.bin" ] || continue
		tables=$tmp/$n/tables.bin
		bin=$tmp/$n/table-loader.bin txt=$tmp/$n/table-loader.txt
		if [ ! -f "$tables" ]; then
			# Not standalone: the VMM's own script ALLOCATEs the tables
			# blob first (64-byte aligned, high zone), as QEMU's does.
			tables=$tmp/$n/hest.aml
			{
				printf '\001\000\000\000etc/acpi/tables'
				head -c 41 /dev/zero
				printf '\100\000\000\000\001'
				head -c 63 /dev/zero
				cat "$bin"
			} >"$tmp/$n/with-tables.bin"
			{
				echo 'ALLOCATE      file="etc/acpi/tables" align=64 zone=high'
				cat "$txt"
			} >"$tmp/$n/with-tables.txt"
			bin=$tmp/$n/with-tables.bin txt=$tmp/$n/with-tables.txt
		fi
		blobs="$tables=etc/acpi/tables $tmp/$n/hardware_errors.bin=etc/hardware_errors"
		# shellcheck disable=SC2086
		pack 2 "$bin" $blobs >"$out/loader/$n.bin"
		# shellcheck disable=SC2086
		pack 3 "$txt" $blobs >"$out/loader/$n.txt"
		put "$tmp/$n/hest.aml" "$out/roundtrip/compiled-$n.aml"
	done
	# the SSDT test cases, compiled by iasl when it is there
	if command -v "${IASL:-iasl}" >/dev/null 2>&1; then
		for f in "$src"/tests/ssdt/val/*.asl; do
			[ -f "$f" ] || continue
			n=$(basename "$f" .asl)
			"${IASL:-iasl}" -p "$tmp/ssdt-$n" "$f" >/dev/null 2>&1 && put "$tmp/ssdt-$n.aml" "$out/ssdt/asl-$n.aml"
		done
	fi
	for f in "$src"/examples/cper/*.yaml; do
		n=$(basename "$f" .yaml)
		"$hestc" cper -q "$f" -o "$out/cper/$n.bin" >/dev/null 2>&1 || rm -f "$out/cper/$n.bin"
		# the QMP command (fuzz_cper reads QMP and base64 too)
		"$hestc" cper -q --format qmp --block-size 64KiB "$f" -o "$out/cper/$n.qmp" >/dev/null 2>&1 ||
			rm -f "$out/cper/$n.qmp"
	done
fi

# --- dictionaries
{
	if [ -f "$src/schemas/hest-description.schema.json" ]; then
		grep -o '"[a-z][a-z0-9_-]*"' "$src/schemas/hest-description.schema.json" | sort -u
	fi
	printf '"%s"\n' ": " "- " "{ " " }" "[ " " ]" "0x" "KiB" "&a " "*a" "<<: " "!!str " "---" "..."
} >"$out/desc.dict"
{
	cat "$src"/examples/cper/*.yaml 2>/dev/null | grep -o '[a-z][a-z0-9_-]*' | sort -u | sed 's/.*/"&"/'
	cat "$src"/examples/cper/*.json 2>/dev/null | grep -o '"[A-Za-z][A-Za-z0-9]*":' | sort -u | sed 's/:$//'
	printf '"%s"\n' ": " "- " "0x" "&a " "*a"
} >"$out/cper_desc.dict"
printf '"%s"\n' ALLOCATE ADD_POINTER ADD_CHECKSUM WRITE_POINTER UNKNOWN "file=" "dest=" "src=" "align=" \
	"zone=" "high" "fseg" "offset=0x" "size=" "start=0x" "length=0x" "src_offset=0x" "command=" \
	"etc/acpi/tables" "etc/hardware_errors" "etc/hardware_errors_addr" "\\\\x" "HESTFUZZ-BLOBS" >"$out/loader.dict"
printf '"%s"\n' "HEST @ 0x" "Raw Table Data: Length " "    0000: " ": " "  //" "FACP @ 0x" >"$out/acpidump.dict"
