#!/bin/sh
# valgrind memcheck over the programs, on every kind of input the tests
# have: the examples (compile --emit all, and their loader scripts through
# hestval validate --loader), the goldens and the real corpus (validate,
# decompile), the negative descriptions (compile fails), the CPER examples
# and goldens (hestc cper, hestval cper) and the fuzz regression inputs.
# Any memory error or leak (definite, indirect or possible) fails the run.
# Run by `make check-valgrind` (not by `make check`: it takes minutes).
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2

: "${VALGRIND:=valgrind}"
if ! command -v "$VALGRIND" >/dev/null 2>&1; then
	not_ok "valgrind is not installed (Debian: apt-get install valgrind)"
	done_testing
	exit 1
fi
lt=$top_builddir/libtool
shared=${shared_dir:-$top_srcdir/../shared}
runs=0 fails=0
# vg WANT PROG ARGS...: PROG (hestc or hestval) under memcheck.  WANT lists
# the exit statuses the program may give (e.g. 0, 1, 01): validate and
# decompile give 0 or 1 depending on the table; memcheck's own status (99)
# and its log are what count there.
vg() {
	want=$1 prog=$2
	shift 2
	case $prog in hestc) bin=${VG_HESTC:-$HESTC} ;; *) bin=${VG_HESTVAL:-$HESTVAL} ;; esac
	runs=$((runs + 1))
	"$lt" --mode=execute "$VALGRIND" -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
		--log-file=vg.log "$bin" "$@" >vg.out 2>vg.err
	rc=$?
	case $want in *$rc*) [ -s vg.log ] || return 0 ;; esac
	fails=$((fails + 1))
	not_ok "$prog $*: exit $rc (want $want)"
	sed 's/^/# /' vg.log vg.err | head -n 30
	return 1
}
# One TAP line per group of runs (failures are reported as they happen).
group_start() { g_runs=$runs g_fails=$fails; }
group_end() {
	n=$((runs - g_runs))
	if [ "$n" -eq 0 ]; then
		not_ok "$1: no inputs found"
	elif [ "$fails" -eq "$g_fails" ]; then
		ok "$1: $n runs, no memory error, no leak"
	fi
}

group_start
for f in "$top_srcdir"/examples/*.yaml; do
	n=$(basename "$f" .yaml)
	vg 0 hestc compile -q "$f" --emit all -o "out-$n"
	[ -f "out-$n/table-loader.bin" ] || continue
	# the fw_cfg files the script runs over
	mkdir -p "fw-$n/etc/acpi"
	cp "out-$n/hest.aml" "fw-$n/etc/acpi/tables"
	[ -f "out-$n/tables.bin" ] && cp "out-$n/tables.bin" "fw-$n/etc/acpi/tables"
	cp "out-$n/hardware_errors.bin" "fw-$n/etc/hardware_errors"
	vg 01 hestval validate -q --loader "out-$n/table-loader.bin" "fw-$n"
	vg 01 hestval validate -q --loader "out-$n/table-loader.txt" "fw-$n"
done
group_end "examples: hestc compile --emit all, hestval validate --loader (binary and listing)"

group_start
for f in "$top_srcdir"/tests/neg/*.yaml; do
	vg 1 hestc compile "$f" -o neg-out
done
group_end "negative descriptions: hestc compile"

group_start
for f in "$top_srcdir"/tests/golden/*.aml "$top_srcdir"/tests/golden/*/*/hest.aml "$shared"/corpus/real/hest/*.dat \
	"$shared"/corpus/real/acpidump/*.txt "$shared"/reference/qemu/*.loaded "$shared"/reference/iasl/*.aml; do
	[ -f "$f" ] || continue
	vg 01 hestval validate "$f"
	vg 01 hestval validate --format json "$f"
	vg 01 hestc decompile "$f" -o back.yaml
done
group_end "goldens and the real corpus: hestval validate (text, JSON), hestc decompile"

group_start
for f in "$top_srcdir"/examples/cper/*.yaml; do
	vg 0 hestc cper -q "$f" -o block.bin
done
for f in "$top_srcdir"/tests/golden/cper/*.bin; do
	[ -f "$f" ] || continue
	vg 01 hestval cper "$f"
	vg 01 hestval cper --format json "$f"
done
group_end "CPER: hestc cper on the examples, hestval cper on the goldens"
# libcper's JSON: written from every golden (refusals included), read back
group_start
for f in "$top_srcdir"/tests/golden/cper/*.bin; do
	vg 01 hestval cper --format libcper "$f" && [ -s vg.out ] && cp vg.out libcper.json &&
		vg 01 hestc cper -q --form status-block libcper.json -o block.bin
done
for f in "$top_srcdir"/examples/cper/*.json; do
	vg 0 hestc cper -q "$f" -o block.bin
	sed 's/"node": 0/"node": 70000/; s/"Memory"/"Memory3"/' "$f" >bad.json
	vg 1 hestc cper -q bad.json -o block.bin
done
group_end "libcper's JSON: hestval cper --format libcper on the goldens, hestc cper on libcper JSON"

group_start
for d in "$top_srcdir"/fuzz/regressions/* "$top_srcdir"/fuzz/seeds/*; do
	[ -d "$d" ] || continue
	t=${d##*/}
	for f in "$d"/*; do
		[ -f "$f" ] || continue
		case $t in
		hest | acpidump | roundtrip) vg 012 hestval validate "$f"; vg 012 hestc decompile "$f" -o back.yaml ;;
		cper) vg 012 hestval cper "$f" ;;
		desc) vg 012 hestc compile "$f" --emit all -o reg-out ;;
		cper_desc) vg 012 hestc cper "$f" -o reg.bin ;;
		loader) vg 012 hestval validate --loader "$f" "$top_srcdir/tests/golden/qemu-virt-arm64.aml" ;;
		esac
	done
done
group_end "fuzz regression inputs and seeds"

diag "$runs runs under memcheck, $fails with errors"
done_testing
