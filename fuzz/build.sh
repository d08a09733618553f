#!/bin/sh
# Builds the libFuzzer targets with clang, outside automake's gcc build (the
# normal build is untouched): `make fuzz` and `make fuzz-coverage` call it.
#
#   fuzz/build.sh MODE SRCDIR OUTDIR LIBSOURCES...
#
# MODE fuzz: -fsanitize=fuzzer,address,undefined (OUTDIR/TARGET).
# MODE cov:  source-based coverage, no sanitizers (OUTDIR/TARGET), for
#            `make fuzz-coverage`.
# Environment: FUZZ_CC (clang), FUZZ_JOBS (2), YAML_CFLAGS, YAML_LIBS,
# FUZZ_EXTRA_CFLAGS; CONFIG_H_DIR (the build directory holding config.h).
# Objects are rebuilt when their source or any header is newer.
set -eu
mode=$1 srcdir=$2 out=$3
shift 3
cc=${FUZZ_CC:-clang}
jobs=${FUZZ_JOBS:-2}
targets="hest acpidump loader desc cper cper_desc roundtrip ssdt layout"

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz/build.sh: '$cc' not found; libFuzzer needs clang (Debian: apt-get install clang libclang-rt-14-dev)" >&2
	exit 2
fi
base="-std=c11 -g -O1 -fno-omit-frame-pointer -D_POSIX_C_SOURCE=200809L -I$srcdir/include -I${CONFIG_H_DIR:-.} ${YAML_CFLAGS:-}"
case $mode in
fuzz)
	cflags="$base -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all ${FUZZ_EXTRA_CFLAGS:-}"
	ldflags="-fsanitize=fuzzer,address,undefined"
	;;
cov)
	cflags="$base -fprofile-instr-generate -fcoverage-mapping -fsanitize=fuzzer-no-link ${FUZZ_EXTRA_CFLAGS:-}"
	ldflags="-fsanitize=fuzzer -fprofile-instr-generate"
	;;
*)
	echo "fuzz/build.sh: unknown mode '$mode'" >&2
	exit 2
	;;
esac

mkdir -p "$out/obj"
# Does clang link libFuzzer here?  A clear message beats a linker error.
probe="$out/obj/probe"
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$probe.c"
if ! "$cc" $ldflags "$probe.c" -o "$probe" 2>"$probe.log"; then
	sed 's/^/  /' "$probe.log" >&2
	echo "fuzz/build.sh: '$cc' cannot link a libFuzzer target (Debian 12: apt-get install libclang-rt-14-dev)" >&2
	exit 2
fi

# One object per source; the list of what needs compiling goes through
# xargs -P so that FUZZ_JOBS compile at once.
newest_header=$(ls -t "$srcdir"/include/hest/*.h "$srcdir"/parser/*.h "$srcdir"/validate/*.h "$srcdir"/place/*.h \
	"$srcdir"/hestc/*.h "$srcdir"/fuzz/*.h "${CONFIG_H_DIR:-.}/config.h" 2>/dev/null | head -n 1)
objs=
todo=$out/obj/todo
: >"$todo"
add() { # add SOURCE: appends its object to objs, and to the to-do list when stale
	src=$1
	obj=$out/obj/$(echo "$src" | sed 's|/|_|g; s|\.c$|.o|')
	objs="$objs $obj"
	if [ ! -f "$obj" ] || [ "$srcdir/$src" -nt "$obj" ] || { [ -n "$newest_header" ] && [ "$newest_header" -nt "$obj" ]; }; then
		printf '%s %s\n' "$srcdir/$src" "$obj" >>"$todo"
	fi
}
for src in "$@"; do
	case $src in *.c) add "$src" ;; esac
done
libobjs=$objs
for t in $targets; do
	add "fuzz/fuzz_$t.c"
done
add hestc/hestc_emitters.c
if [ -s "$todo" ]; then
	echo "  FUZZCC   $(wc -l <"$todo") file(s) with $cc ($mode)"
	export cc cflags
	# shellcheck disable=SC2016
	xargs -P "$jobs" -n 2 sh -c '$cc $cflags -c "$0" -o "$1" || { rm -f "$1"; exit 255; }' <"$todo"
fi
obj_of() { echo "$out/obj/$(echo "$1" | sed 's|/|_|g; s|\.c$|.o|')"; }
for t in $targets; do
	extra=
	[ "$t" = desc ] && extra=$(obj_of hestc/hestc_emitters.c)
	bin=$out/fuzz_$t
	need=
	[ -f "$bin" ] || need=1
	for o in $libobjs $(obj_of "fuzz/fuzz_$t.c") $extra; do
		[ "$o" -nt "$bin" ] && need=1
	done
	if [ -n "$need" ]; then
		echo "  FUZZLD   $bin"
		# shellcheck disable=SC2086
		"$cc" $ldflags -o "$bin" $(obj_of "fuzz/fuzz_$t.c") $extra $libobjs ${YAML_LIBS:--lyaml}
	fi
done
