#!/bin/sh
# No silent .dsl loss: every field of every structure, swept through iasl.
#
# tests/roundtrip/dsl-sweep-cases (built from lib/fields.c's tables, so a new
# field is swept without touching this file) prints descriptions that each
# set one field to a value that is not its default: all-ones, a mid value,
# 0 or 1, every enum name and an undefined number, every flag, strings of
# full width, NUL-padded and not ASCII; and MCA structures with 0, 1, 2 and
# 3 banks.  For each:
#
#   1. `hestc compile --emit dsl` either
#      - refuses (exit 1) with an `--emit dsl` error naming the field, and
#        writes nothing, while the same description compiles without
#        --emit dsl (the sweep makes only valid descriptions); or
#      - writes hest.dsl, which `iasl -z` (keep the creator ids) compiles.
#        iasl's table equal to hestc's hest.aml byte for byte: hestc must
#        say nothing about the dsl.  Different (or iasl fails): hestc must
#        have warned, an `--emit dsl` warning naming the field.
#
# So a field whose value iasl 20200925 does not reproduce and hestc does not
# report fails here, and so does a warning about a table iasl reproduces.
# A missing iasl is a failure, not a skip (acpica-tools is in
# scripts/debian-packages.txt).
. "$top_srcdir/tests/lib.sh"

need_iasl
ok "iasl found: $iasl"

gen=$top_builddir/tests/roundtrip/dsl-sweep-cases
if ! "$gen" >"$scratch/cases" 2>"$scratch/gen.err"; then
	not_ok "dsl-sweep-cases prints the cases"
	done_testing
	exit 1
fi
if grep -q '^not a case' "$scratch/cases"; then
	not_ok "dsl-sweep-cases knows every field of lib/fields.c"
	grep '^not a case' "$scratch/cases" | while IFS= read -r l; do diag "$l"; done
fi
grep '^# ' "$scratch/cases" | while IFS= read -r l; do diag "${l#\# }"; done

# hexdiff OURS IASL: the bytes that differ, "0xOFF ours->iasl ..." (at most 8)
hexdiff() {
	cmp -l "$1" "$2" 2>/dev/null | head -n 8 | {
		sep=
		while read -r off a b; do
			printf '%s0x%x %02x->%02x' "$sep" $((off - 1)) "0$a" "0$b"
			sep=' '
		done
	}
	a=$(wc -c <"$1") b=$(wc -c <"$2")
	[ "$a" = "$b" ] || printf ' (%s bytes, iasl %s)' "$a" "$b"
}

# sweep DIR WHAT PATH: one case, described by DIR/d.yaml.  Writes DIR/verdict:
# "ok" or "not ok", a tab, the outcome (same, warned, refused or failed), a
# tab and the test's text; then "#" lines to show.
sweep() {
	dir=$1 what=$2 path=$3
	rc=0
	"$HESTC" compile -q "$dir/d.yaml" -o "$dir/o" --emit dsl >/dev/null 2>"$dir/err" || rc=$?
	if [ "$rc" != 0 ] && ! "$HESTC" compile -q "$dir/d.yaml" -o "$dir/plain" >/dev/null 2>"$dir/plain.err"; then
		printf 'not ok\tfailed\t%s: the sweep'"'"'s description compiles\n' "$what"
		sed 's/^/#   /' "$dir/plain.err"
		return
	fi
	# the diagnostic names the field: "source 'x': PATH ..." or "PATH ..."
	named=0
	grep -- '--emit dsl' "$dir/err" | grep -qF -- "$path" && named=1
	if [ "$rc" = 1 ]; then
		if [ $named = 1 ] && [ ! -e "$dir/o/hest.dsl" ]; then
			printf 'ok\trefused\t%s: refused, naming the field\n' "$what"
		else
			printf 'not ok\trefused\t%s: refused (exit 1) with an --emit dsl error naming %s, writing nothing\n' \
				"$what" "$path"
			sed 's/^/#   /' "$dir/err"
		fi
		return
	fi
	if [ "$rc" != 0 ] || [ ! -s "$dir/o/hest.dsl" ]; then
		printf 'not ok\tfailed\t%s: --emit dsl exits 0 or 1 (got %s) and writes hest.dsl\n' "$what" "$rc"
		return
	fi
	if (cd "$dir/o" && "$iasl" -p iasl -z hest.dsl >iasl.log 2>&1) && [ -s "$dir/o/iasl.aml" ] &&
		cmp -s "$dir/o/hest.aml" "$dir/o/iasl.aml"; then
		if grep -q -- '--emit dsl' "$dir/err"; then
			printf 'not ok\tsame\t%s: iasl reproduces it, yet hestc reports a loss\n' "$what"
			sed 's/^/#   /' "$dir/err"
		else
			printf 'ok\tsame\t%s: iasl reproduces it\n' "$what"
		fi
		return
	fi
	if [ -s "$dir/o/iasl.aml" ]; then
		d=$(hexdiff "$dir/o/hest.aml" "$dir/o/iasl.aml")
	else
		d="iasl failed: $(grep -i -m1 error "$dir/o/iasl.log")"
	fi
	if [ $named = 1 ]; then
		printf 'ok\twarned\t%s: iasl differs (%s), and hestc warns\n' "$what" "$d"
	else
		printf 'not ok\twarned\t%s: iasl differs (%s), but hestc names no loss of %s\n' "$what" "$d" "$path"
		sed 's/^/#   /' "$dir/err"
	fi
}

# Four cases at a time (most of the time goes to starting processes); the
# verdicts are reported in the cases' order.
n=0
tab=$(printf '\t')
while IFS="$tab" read -r top path value desc; do
	case $top in '#'* | 'not a case'*) continue ;; esac
	n=$((n + 1))
	mkdir "$scratch/c$n"
	printf '%s\n' "$desc" >"$scratch/c$n/d.yaml"
	sweep "$scratch/c$n" "$top $path = $value" "$path" >"$scratch/c$n/verdict" 2>&1 &
	[ $((n % 4)) -ne 0 ] || wait
done <"$scratch/cases"
wait

refused=0 same=0 warned=0
i=0
while [ $i -lt $n ]; do
	i=$((i + 1))
	v=$scratch/c$i/verdict
	IFS="$tab" read -r verdict outcome text <"$v" || { verdict="not ok" text="case $i: no verdict"; }
	case $verdict in
	ok) ok "$text" ;;
	*) not_ok "$text" ;;
	esac
	case $outcome in
	same) same=$((same + 1)) ;;
	warned) warned=$((warned + 1)) ;;
	refused) refused=$((refused + 1)) ;;
	esac
	sed -n '2,$p' "$v"
done

diag "$n cases: $same reproduced by iasl, $warned with a warning, $refused refused"
# The sweep itself must reach every structure and sub structure.
for want in table mce cmc nmi aer-root-port aer-endpoint aer-bridge ghes ghes-v2 deferred-mc; do
	check "cases sweep $want" grep -q "^$want$tab" "$scratch/cases"
done
for want in notification.length error_status_address.bit_width read_ack.register.address 'banks\[0\].control_init_data'; do
	check "cases sweep $want" grep -q "$tab$want$tab" "$scratch/cases"
done
check "found enough cases ($n)" test "$n" -ge 700
# ... and tell all three outcomes apart: iasl's AER Global (a warning) shows
# that a difference is seen at all.
check "some cases iasl reproduces ($same)" test "$same" -ge 1
check "some cases iasl does not reproduce, with a warning ($warned)" test "$warned" -ge 1
check "some cases refused ($refused)" test "$refused" -ge 1

done_testing
