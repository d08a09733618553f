#!/bin/sh
# Line coverage that the fuzz corpus reaches (`make fuzz-coverage`):
#
#   fuzz/coverage.sh SRCDIR COVDIR CORPUSDIR TARGET...
#
# Runs each coverage-instrumented target (fuzz/build.sh cov) once over its
# corpus, merges the profiles and prints llvm-cov's report for the decoders
# (binary HEST, acpidump, loader scripts, CPER, YAML) and the validator
# (validate/), then the total over libhest.  COVDIR/report.txt keeps it.
# Environment: LLVM_PROFDATA, LLVM_COV.
set -eu
src=$1 cov=$2 corpus=$3
shift 3
profdata=${LLVM_PROFDATA:-llvm-profdata}
llvmcov=${LLVM_COV:-llvm-cov}
for tool in "$profdata" "$llvmcov"; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "fuzz/coverage.sh: '$tool' not found (Debian: apt-get install llvm)" >&2
		exit 2
	}
done
rm -rf "$cov/prof"
mkdir -p "$cov/prof"
objects=
for t in "$@"; do
	[ -d "$corpus/$t" ] || continue
	LLVM_PROFILE_FILE="$cov/prof/$t-%p.profraw" "$cov/fuzz_$t" -runs=0 "$corpus/$t" >"$cov/prof/$t.log" 2>&1 || {
		echo "fuzz/coverage.sh: fuzz_$t failed over its corpus (see $cov/prof/$t.log)" >&2
		exit 1
	}
	echo "fuzz_$t: $(find "$corpus/$t" -type f | wc -l) inputs"
	# llvm-cov takes the first binary as an argument, the others as -object
	if [ -z "$objects" ]; then objects=$cov/fuzz_$t; else objects="$objects -object $cov/fuzz_$t"; fi
done
"$profdata" merge -sparse "$cov"/prof/*.profraw -o "$cov/merged.profdata"
# shellcheck disable=SC2086
report() { # report TITLE FILES...: llvm-cov's table for FILES
	title=$1
	shift
	echo
	echo "== $title"
	"$llvmcov" report -instr-profile="$cov/merged.profdata" $objects "$@" |
		sed "s|$src/||" | awk '{ print }'
}
decoders=
for f in parser/bin.c parser/acpidump.c parser/loader.c parser/cper_bin.c parser/ytree.c parser/desc.c \
	parser/cper_desc.c validate/loader_sim.c; do
	[ -f "$src/$f" ] && decoders="$decoders $src/$f"
done
validator=$(ls "$src"/validate/*.c | grep -v -e loader_sim.c -e '/rules' | tr '\n' ' ')
{
	# shellcheck disable=SC2086
	report "decoders and readers (binary HEST, acpidump, loader scripts, CPER, YAML)" $decoders
	# shellcheck disable=SC2086
	report "validator (validate/)" $validator
	# shellcheck disable=SC2086
	report "all of libhest" $(for d in lib parser emit validate; do ls "$src/$d"/*.c; done)
} | tee "$cov/report.txt"
