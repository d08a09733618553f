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
# blocks `hestc cper` builds from examples/cper (cper, cper_desc), plus the
# small hand-picked seeds of fuzz/seeds/TARGET and the regression inputs of
# fuzz/regressions/TARGET.  OUTDIR/TARGET.dict are libFuzzer dictionaries:
# the keys and names of the description schema, the loader listing words.
set -eu
src=$1 out=$2 hestc=${3:-}
shared=${shared_dir:-$src/../shared}
mkdir -p "$out"
for t in hest acpidump loader desc cper cper_desc roundtrip; do
	mkdir -p "$out/$t"
	for d in "$src/fuzz/seeds/$t" "$src/fuzz/regressions/$t"; do
		[ -d "$d" ] || continue
		for f in "$d"/*; do
			[ -f "$f" ] && cp "$f" "$out/$t/$(basename "$d")-$(basename "$f")"
		done
	done
done

# name FILE: a corpus file name from a path (unique across directories)
name() { echo "$1" | sed "s|^$shared/|shared/|; s|^$src/||; s|[/ ]|_|g; s|^\\.*||"; }

# --- binary tables
for f in "$src"/tests/golden/*.aml "$src"/tests/golden/*/*.aml "$src"/tests/golden/*/*/hest.aml \
	"$shared"/corpus/real/hest/*.dat "$shared"/reference/qemu/*.loaded "$shared"/reference/iasl/*.aml; do
	[ -f "$f" ] || continue
	cp "$f" "$out/hest/$(name "$f")"
	cp "$f" "$out/roundtrip/$(name "$f")"
done

# --- acpidump text: each real dump's HEST, a two-table excerpt, iasl's raw data
for f in "$shared"/corpus/real/acpidump/*.txt; do
	[ -f "$f" ] || continue
	n=$(name "$f")
	sed -n '/^HEST @/,/^$/p' "$f" >"$out/acpidump/$n-hest"
	awk '/^[A-Z0-9_][A-Z0-9_][A-Z0-9_][A-Z0-9_] @ 0x/ { n++ } n >= 1 && n <= 2' "$f" | head -n 60 >"$out/acpidump/$n-first"
done
for f in "$shared"/reference/iasl/*.dsl; do
	[ -f "$f" ] && grep -q 'Raw Table Data' "$f" && cp "$f" "$out/acpidump/$(name "$f")"
done

# --- descriptions
for f in "$src"/examples/*.yaml "$src"/tests/neg/*.yaml; do
	[ -f "$f" ] && cp "$f" "$out/desc/$(name "$f")"
done
for f in "$src"/examples/cper/*.yaml; do
	[ -f "$f" ] && cp "$f" "$out/cper_desc/$(name "$f")"
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
		[ -f "$tmp/$n/table-loader.bin" ] || continue
		tables=$tmp/$n/tables.bin
		[ -f "$tables" ] || tables=$tmp/$n/hest.aml
		blobs="$tables=etc/acpi/tables $tmp/$n/hardware_errors.bin=etc/hardware_errors"
		# shellcheck disable=SC2086
		pack 0 "$tmp/$n/table-loader.bin" $blobs >"$out/loader/$n.bin"
		# shellcheck disable=SC2086
		pack 3 "$tmp/$n/table-loader.txt" $blobs >"$out/loader/$n.txt"
		cp "$tmp/$n/hest.aml" "$out/roundtrip/compiled-$n.aml"
	done
	for f in "$src"/examples/cper/*.yaml; do
		n=$(basename "$f" .yaml)
		"$hestc" cper -q "$f" -o "$out/cper/$n.bin" >/dev/null 2>&1 || rm -f "$out/cper/$n.bin"
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
	printf '"%s"\n' ": " "- " "0x" "&a " "*a"
} >"$out/cper_desc.dict"
printf '"%s"\n' ALLOCATE ADD_POINTER ADD_CHECKSUM WRITE_POINTER UNKNOWN "file=" "dest=" "src=" "align=" \
	"zone=" "high" "fseg" "offset=0x" "size=" "start=0x" "length=0x" "src_offset=0x" "command=" \
	"etc/acpi/tables" "etc/hardware_errors" "etc/hardware_errors_addr" "\\\\x" "HESTFUZZ-BLOBS" >"$out/loader.dict"
printf '"%s"\n' "HEST @ 0x" "Raw Table Data: Length " "    0000: " ": " "  //" "FACP @ 0x" >"$out/acpidump.dict"
