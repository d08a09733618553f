#!/bin/sh
# Diagnostics with their caret lines come out byte for byte as they did
# when each caret line was found by counting lines from the start of the
# file (hestc/cli.c now indexes the lines once and buffers stderr; issue 18).
#
# tests/diag/X.expected is the stderr of `hestc compile diag/X.yaml` run
# from tests/, written by the earlier code: a description where every
# source draws a warning (tabs before the caret, flow and block style, a
# line too long to quote) and one with errors after UTF-8 characters.
# Then a 1024-source description from bench/gendesc.py --warn (the
# benchmark's case) is checked against a reference written here, in
# Python, from the file itself.  No timing: that is `make bench`'s row.
. "$top_srcdir/tests/lib.sh"
D=$top_srcdir/tests/diag

for name in warn-mix error-utf8; do
	want=0
	[ "$name" = error-utf8 ] && want=1
	(cd "$top_srcdir/tests" && "$HESTC" compile -q "diag/$name.yaml" -o "$scratch/out-$name") \
		>"$scratch/$name.stdout" 2>"$scratch/$name.err"
	rc=$?
	check "$name: exit status $want (got $rc)" [ "$rc" -eq "$want" ]
	if cmp -s "$D/$name.expected" "$scratch/$name.err"; then
		ok "$name: stderr is byte-identical to $name.expected"
	else
		not_ok "$name: stderr is byte-identical to $name.expected"
		diff -u "$D/$name.expected" "$scratch/$name.err" | head -40 | sed 's/^/# /'
	fi
	check "$name: nothing on stdout" test ! -s "$scratch/$name.stdout"
done

# CRLF line ends: the quoted line stops before the '\r'; all else is the same.
mkdir -p "$scratch/crlf/diag"
sed 's/$/\r/' "$D/warn-mix.yaml" >"$scratch/crlf/diag/warn-mix.yaml"
(cd "$scratch/crlf" && "$HESTC" compile -q diag/warn-mix.yaml -o "$scratch/out-crlf") 2>"$scratch/crlf.err"
check "CRLF line ends: the same stderr" cmp -s "$D/warn-mix.expected" "$scratch/crlf.err"

# Colour: the same text once the escapes are taken out.
(cd "$top_srcdir/tests" && CLICOLOR_FORCE=1 "$HESTC" compile -q diag/warn-mix.yaml -o "$scratch/out-col") \
	2>"$scratch/col.err"
check "colour output has escapes" grep -q "$(printf '\033')\[1;35mwarning" "$scratch/col.err"
sed "s/$(printf '\033')\[[0-9;]*m//g" "$scratch/col.err" >"$scratch/col.plain"
check "colour output is the plain output once its escapes are removed" cmp -s "$D/warn-mix.expected" "$scratch/col.plain"

# 1024 sources, each drawing a warning, against a reference.
python3 "$top_srcdir/bench/gendesc.py" --warn 1024 "$scratch/w1024.yaml"
"$HESTC" compile -q "$scratch/w1024.yaml" -o "$scratch/out-1024" 2>"$scratch/w1024.err"
check "1024 warned sources: exit status 0" [ $? -eq 0 ]
if python3 - "$scratch/w1024.yaml" "$scratch/w1024.err" >"$scratch/ref.log" 2>&1 <<'PY'; then
import re, sys
text = open(sys.argv[1], "rb").read()
lines = text.split(b"\n")
err = open(sys.argv[2], "rb").read().split(b"\n")
assert err[-1] == b"", "stderr does not end in a newline"
err = err[:-1]
i = n = 0
while i < len(err):
    m = re.match(rb"^(.*):(\d+):(\d+): warning: source 'src(\d+)': error_block_length 131072 is above", err[i])
    if not m:
        break
    line, col = int(m.group(2)), int(m.group(3))
    src = lines[line - 1].rstrip(b"\r")
    assert src == b"    error_block_length: 128KiB", "line %d is not src%s's" % (line, m.group(4))
    pad = b"".join(b"\t" if c == 9 else b" " for c in src[:col - 1] if c & 0xC0 != 0x80)
    want = [b" %5d | " % line + src, b"       | " + pad + b"^"]
    assert err[i + 1:i + 3] == want, "caret lines of diagnostic %d: %r, want %r" % (n, err[i + 1:i + 3], want)
    assert int(m.group(4)) == n, "diagnostic %d is about src%s" % (n, m.group(4))
    i += 3
    n += 1
assert n == 1000, "%d diagnostics with caret lines, want 1000 (the list's limit)" % n
assert err[i:] == [b"... and 24 more diagnostics not shown"], "the tail is %r" % err[i:]
print("ok")
PY
	ok "1024 warned sources: 1000 diagnostics, each with the caret lines of its source's line, then the count dropped"
else
	not_ok "1024 warned sources: the output matches the reference"
	sed 's/^/# /' "$scratch/ref.log"
fi
done_testing
