#!/bin/sh
# Negative tests of the description parser: one case per diagnostic.
#
# tests/neg/X.yaml is a description with one mistake (tests/neg/X.gen, a
# shell script, prints one that is too large to keep in the tree), and
# tests/neg/X.expected holds the exact stderr of `hestc compile neg/X.yaml`
# run from tests/ (so file names read neg/X.yaml).  Each case must exit 1,
# print exactly that, and write nothing.
#
# Then every diagnostic format in parser/desc.c and parser/ytree.c must be
# matched by a line of some .expected file, so a new diagnostic without a
# negative test fails here.
. "$top_srcdir/tests/lib.sh"

negdir=$top_srcdir/tests/neg

# run_case CWD NAME: compiles neg/NAME.yaml from CWD and compares.
run_case() {
	cwd=$1 name=$2
	exp=$negdir/$name.expected
	out=$scratch/out-$name
	mkdir "$out"
	(cd "$cwd" && "$HESTC" compile "neg/$name.yaml" -o "$out") \
		>"$scratch/stdout" 2>"$scratch/stderr"
	rc=$?
	why=
	[ "$rc" -eq 1 ] || why="$why exit status $rc (want 1);"
	if [ ! -f "$exp" ]; then
		why="$why no $name.expected;"
	elif ! cmp -s "$exp" "$scratch/stderr"; then
		why="$why stderr differs;"
	fi
	[ -s "$scratch/stdout" ] && why="$why printed on stdout;"
	[ -z "$(ls -A "$out")" ] || why="$why wrote into the output directory:$(ls -A "$out" | tr '\n' ' ');"
	if [ -z "$why" ]; then
		ok "neg/$name"
	else
		not_ok "neg/$name:$why"
		[ -f "$exp" ] && diff -u "$exp" "$scratch/stderr" | sed 's/^/# /'
		[ -s "$scratch/stdout" ] && sed 's/^/# stdout: /' "$scratch/stdout"
	fi
	rm -rf "$out"
}

ncases=0
for f in "$negdir"/*.yaml; do
	[ -f "$f" ] || continue
	name=${f##*/}
	run_case "$top_srcdir/tests" "${name%.yaml}"
	ncases=$((ncases + 1))
done
mkdir "$scratch/gen" "$scratch/gen/neg"
for g in "$negdir"/*.gen; do
	[ -f "$g" ] || continue
	name=${g##*/}
	name=${name%.gen}
	if sh "$g" >"$scratch/gen/neg/$name.yaml"; then
		run_case "$scratch/gen" "$name"
	else
		not_ok "neg/$name: generator failed"
	fi
	ncases=$((ncases + 1))
done
for e in "$negdir"/*.expected; do
	name=${e##*/}
	name=${name%.expected}
	[ -f "$negdir/$name.yaml" ] || [ -f "$negdir/$name.gen" ] || not_ok "neg/$name.expected has no case"
done
diag "$ncases negative cases"

# --- every diagnostic has a case -------------------------------------------
#
# The format strings: the string literal(s) right after `ERR(c, node,` or
# `hest_diag_add(...,` (a call may span lines; adjacent literals and PRIu64
# style macros are joined).  Each fixed piece of a format, in order, must be
# on one line of some .expected file.
formats() {
	tr '\n\t' '  ' <"$1" |
		grep -oE '(\bERR\([^,;"]*,[^,;"]*,|\bhest_diag_add\([^";]*)[[:space:]]*"([^"\\]|\\.)*"([[:space:]]*PRI[a-zA-Z0-9]+|[[:space:]]*"([^"\\]|\\.)*")*' |
		sed -e 's/"[[:space:]]*PRI[a-zA-Z0-9]*/d"/g' -e 's/^[^"]*"//' -e 's/"$//' \
			-e 's/"[[:space:]]*"//g' -e 's/\\"/"/g' -e 's/\\\\/\\/g'
}
# A format -> an extended regular expression.
format_regex() {
	printf '%s\n' "$1" |
		sed -e 's/[][\.*^$+?(){}|/]/\\&/g' -e 's/%[-+ #0-9.]*[a-z]*[diouxXsc]/.*/g'
}

nformats=0
for src in parser/ytree.c parser/desc.c; do
	formats "$top_srcdir/$src" >"$scratch/formats"
	while IFS= read -r fmt; do
		nformats=$((nformats + 1))
		case $fmt in
		"out of memory"*)
			ok "$src: '$fmt' # SKIP allocation failure" ;;
		"document has more than "*)
			ok "$src: '$fmt' # SKIP needs a description of 20 million YAML nodes" ;;
		"'%s': %zu bytes do not fit in a table")
			ok "$src: '$fmt' # SKIP needs hex bytes past 4 GiB (a description over 8 GiB)" ;;
		"the records take %zu bytes; a region length is 32-bit")
			ok "$src: '$fmt' # SKIP needs records past 4 GiB (a description over 8 GiB)" ;;
		"placement profile '%s': '%s' is not a key it can set (a bug in lib/profiles.c)")
			ok "$src: '$fmt' # SKIP guards lib/profiles.c; tests/unit/place_test compiles every profile" ;;
		"'%s' lies outside the structure" | "'%s' cannot be set")
			ok "$src: '$fmt' # SKIP guards the descriptor tables; no description reaches it" ;;
		*)
			re=$(format_regex "$fmt")
			if cat "$negdir"/*.expected | grep -qE "$re"; then
				ok "$src: '$fmt' has a negative test"
			else
				not_ok "$src: '$fmt' has no negative test (add tests/neg/NAME.yaml and NAME.expected)"
			fi ;;
		esac
	done <"$scratch/formats"
done
# The extraction itself must work: the two files hold dozens of formats.
if [ "$nformats" -ge 40 ]; then
	ok "found $nformats diagnostic formats"
else
	not_ok "found only $nformats diagnostic formats; the extraction in tests/negative.sh is broken"
fi

done_testing
