#!/bin/sh
# The command lines of hestc and hestval: help, version, the rule catalogue,
# and usage errors (exit 2, a message on stderr naming what was wrong).
. "$top_srcdir/tests/lib.sh"

cd "$scratch" || exit 2
printf 'sources:\n  - { type: nmi, id: 0 }\n' >good.yaml

run() { # run PROG ARGS...: exit status in $rc, output in stdout and stderr
	"$@" >stdout 2>stderr
	rc=$?
}
has() { grep -q -e "$1" "$2"; }           # has PATTERN FILE
first_line_is() { [ "$(head -n 1 "$2")" = "$1" ]; }

version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")
[ -n "$version" ] || not_ok "PACKAGE_VERSION found in config.h"

# --- help and version
run "$HESTC" --help
check "hestc --help exits 0 (got $rc)" test "$rc" -eq 0
check "hestc --help prints its usage on stdout" first_line_is "usage: hestc COMMAND [options] ..." stdout
check "hestc --help lists the compile command" has '^  compile ' stdout
check "hestc --help prints nothing on stderr" test ! -s stderr

run "$HESTC" compile --help
check "hestc compile --help exits 0 (got $rc)" test "$rc" -eq 0
check "hestc compile --help prints the compile usage" \
	first_line_is "usage: hestc compile DESC.yaml [-o OUTDIR] [--emit KINDS] [-q]" stdout
check "hestc compile --help documents -o and --emit" sh -c 'grep -q -- "--output OUTDIR" stdout && grep -q -- "--emit KINDS" stdout'
check "hestc compile --help lists the hest output" has ' hest  *hest\.aml ' stdout

run "$HESTC" --version
check "hestc --version exits 0 (got $rc)" test "$rc" -eq 0
check "hestc --version prints 'hestc (hestc) $version'" first_line_is "hestc (hestc) $version" stdout

run "$HESTVAL" --help
check "hestval --help exits 0 (got $rc)" test "$rc" -eq 0
check "hestval --help prints its usage on stdout" first_line_is "usage: hestval COMMAND [options] ..." stdout
check "hestval --help lists the rules command" has '^  rules ' stdout

run "$HESTVAL" --version
check "hestval --version exits 0 (got $rc)" test "$rc" -eq 0
check "hestval --version prints 'hestval (hestc) $version'" first_line_is "hestval (hestc) $version" stdout

# --- the rule catalogue: pairs of lines, "ID SEVERITY SUMMARY" and "(CITATION)"
run "$HESTVAL" rules
check "hestval rules exits 0 (got $rc)" test "$rc" -eq 0
check "hestval rules prints nothing on stderr" test ! -s stderr
awk '
	NR % 2 == 1 && !/^[A-Z][A-Z0-9-]+ +(error|warning|note) +[^ ]/ { bad = bad " " NR }
	NR % 2 == 0 && !/^ +\(.+\)$/ { bad = bad " " NR }
	END { if (bad != "") { print "malformed lines:" bad; exit 1 } if (NR < 2) { print "empty"; exit 1 } }
' stdout >rules.why
check "hestval rules prints 'ID SEVERITY SUMMARY' and '(CITATION)' for every rule" test ! -s rules.why
[ -s rules.why ] && diag "$(cat rules.why)"
awk 'NR % 2 == 1 { print $1 }' stdout | sort | uniq -d >dups
check "hestval rules lists each rule id once" test ! -s dups
check "hestval rules lists HEST-DUP-ID" has '^HEST-DUP-ID ' stdout
run "$HESTVAL" rules extra
check "hestval rules with an argument exits 2 (got $rc)" test "$rc" -eq 2

# --- usage errors
run "$HESTC"
check "hestc without arguments exits 2 (got $rc)" test "$rc" -eq 2
check "... and prints its usage on stderr" has '^usage: hestc' stderr

run "$HESTC" frobnicate
check "hestc with an unknown command exits 2 (got $rc)" test "$rc" -eq 2
check "... naming the command" first_line_is "hestc: error: unknown command 'frobnicate'" stderr
check "... and nothing on stdout" test ! -s stdout

run "$HESTC" --frobnicate
check "hestc with an unknown option exits 2 (got $rc)" test "$rc" -eq 2
check "... naming the option" has "'--frobnicate'" stderr

run "$HESTC" compile --frobnicate good.yaml
check "hestc compile with an unknown option exits 2 (got $rc)" test "$rc" -eq 2
check "... naming the option" first_line_is "hestc: error: unknown option '--frobnicate'" stderr

run "$HESTC" compile good.yaml -o
check "hestc compile -o without a value exits 2 (got $rc)" test "$rc" -eq 2
check "... saying so" first_line_is "hestc: error: option '-o' needs a value" stderr

run "$HESTVAL" frobnicate
check "hestval with an unknown command exits 2 (got $rc)" test "$rc" -eq 2
check "... naming the command" first_line_is "hestval: error: unknown command 'frobnicate'" stderr

run "$HESTVAL"
check "hestval without arguments exits 2 (got $rc)" test "$rc" -eq 2

run "$HESTC" compile no-such-file.yaml -o out
check "a missing input file exits 2 (got $rc)" test "$rc" -eq 2
check "... naming the file" first_line_is "hestc: error: cannot open 'no-such-file.yaml': No such file or directory" stderr
check "... and creates no OUTDIR" test ! -e out

run "$HESTC" compile good.yaml good.yaml -o out
check "hestc compile with two inputs exits 2 (got $rc)" test "$rc" -eq 2
check "... saying it takes one" first_line_is "hestc: error: compile takes exactly one description file" stderr
check "... and writes nothing" test ! -e out

run "$HESTC" compile -o out
check "hestc compile without an input exits 2 (got $rc)" test "$rc" -eq 2

run "$HESTC" compile --emit bogus good.yaml -o out
check "--emit bogus exits 2 (got $rc)" test "$rc" -eq 2
check "... and writes nothing" test ! -e out
# Every kind `compile --help` lists must be in the message.
"$HESTC" compile --help | sed -n 's/^                         \([a-z][a-z0-9-]*\)  .*/\1/p' >kinds
check "compile --help lists output kinds" test -s kinds
while read -r kind; do
	check "--emit bogus lists the known kind '$kind'" has "(known:.* $kind[ ,)]" stderr
done <kinds
check "--emit bogus names the bad kind and 'all'" has "^hestc: error: unknown --emit kind 'bogus' (known: .*, all)$" stderr

# --- a good compile, for contrast: prints what it wrote on stdout
run "$HESTC" compile good.yaml -o out
check "hestc compile of a good description exits 0 (got $rc)" test "$rc" -eq 0
check "... and says what it wrote" has '^hestc: wrote out/hest.aml$' stdout
run "$HESTC" compile -q good.yaml -o out
check "hestc compile -q prints nothing" test ! -s stdout

# Diagnostics: colour only on a terminal and never with NO_COLOR; the source
# line and a caret always.
printf 'sources:\n  - { type: ghes, id: 0, notification: { type: seaa } }\n' >bad.yaml
esc=$(printf '\033')
"$HESTC" compile bad.yaml -o out 2>plain.err
check "not a terminal: no colour" sh -c "! grep -q '$esc' plain.err"
check "the source line follows the message" grep -q '^     2 |   - { type: ghes' plain.err
# 'seaa' starts at column 48: after "       |" come one separating blank and 47 more
check "a caret sits under the offending value" sh -c "sed -n 3p plain.err | grep -q '^       | \{48\}^\$'"
if command -v script >/dev/null; then
	TERM=xterm script -qec "'$HESTC' compile bad.yaml -o out" /dev/null >tty.out 2>&1
	check "on a terminal: error in bold red" grep -q "${esc}\[1;31merror" tty.out
	NO_COLOR=1 TERM=xterm script -qec "'$HESTC' compile bad.yaml -o out" /dev/null >tty.out 2>&1
	check "NO_COLOR turns colour off on a terminal" sh -c "! grep -q '$esc' tty.out"
	TERM=dumb script -qec "'$HESTC' compile bad.yaml -o out" /dev/null >tty.out 2>&1
	check "TERM=dumb turns colour off" sh -c "! grep -q '$esc' tty.out"
else
	not_ok "script(1) is needed to test colour on a terminal"
fi
CLICOLOR_FORCE=1 "$HESTC" compile bad.yaml -o out 2>forced.err
check "CLICOLOR_FORCE=1 forces colour" grep -q "${esc}\[1;31merror" forced.err

# Every subcommand answers --help with exit 0 and a usage line.
for cmd in "$HESTC compile" "$HESTC decompile" "$HESTC schema" "$HESTC cper" \
	"$HESTVAL validate" "$HESTVAL rules" "$HESTVAL cper"; do
	# shellcheck disable=SC2086
	out=$($cmd --help 2>&1)
	rc=$?
	check "${cmd##*/} --help exits 0 with a usage line" sh -c "[ $rc -eq 0 ] && printf '%s' \"\$1\" | grep -q '^usage: '" _ "$out"
done

done_testing
