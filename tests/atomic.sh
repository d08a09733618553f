#!/bin/sh
# hestc compile writes its outputs atomically: each to a temporary file
# beside its destination, renamed into place only when every output has been
# written.  A failed compile (bad input, unwritable directory, a write that
# fails half-way) leaves an existing output byte-identical, on the same inode,
# with no temporary files around.
. "$top_srcdir/tests/lib.sh"

cd "$scratch" || exit 2
mkdir descs
cat >descs/one.yaml <<'EOF'
sources:
  - { type: nmi, id: 0 }
EOF
cat >descs/two.yaml <<'EOF'
sources:
  - { type: nmi, id: 0 }
  - { type: nmi, id: 1, max_raw_data_length: 4096 }
EOF
cat >descs/bad.yaml <<'EOF'
sources:
  - { type: nmi, id: 0, max_raw_data_lenght: 4096 }
EOF
many() { # many N SOURCE [LINE]: a description of N sources (SOURCE with %d for the index), LINE first
	awk -v n="$1" -v src="$2" -v first="${3-}" 'BEGIN { if (first != "") print first; print "sources:"
		for (i = 0; i < n; i++) printf "  - " src "\n", i }'
}
# 200 NMI sources: a 4040-byte table, larger than any file size limit below.
many 200 '{ type: nmi, id: %d }' >descs/big.yaml

inode() { ls -di "$1" 2>/dev/null | awk '{ print $1 }'; }
no_temps() { # no_temps DIR: no *.tmp-* file is left in DIR
	set -- "$1"/*.tmp-*
	[ ! -e "$1" ]
}
compile() { # compile DESC OUTDIR: exit status in $rc, stderr in stderr
	"$HESTC" compile -q "descs/$1.yaml" -o "$2" >stdout 2>stderr
	rc=$?
}

# --- a first compile creates OUTDIR and writes hest.aml
compile one new/dir
check "a compile creates a missing OUTDIR (exit $rc)" test "$rc" -eq 0 -a -d new/dir
check "hest.aml is written into the created OUTDIR" test -s new/dir/hest.aml
check "the stderr of a clean compile is empty" test ! -s stderr
check "no temporary file is left after a compile" no_temps new/dir

compile one out
cp out/hest.aml one.aml
ln out/hest.aml old-link.aml
ino=$(inode out/hest.aml)
check "hest.aml has an inode number" test -n "$ino"

# --- a compile that fails on its input touches nothing
compile bad out
check "a bad description exits 1 (got $rc)" test "$rc" -eq 1
check "the error names the mistake" grep -q "unknown key 'max_raw_data_lenght'" stderr
check "the existing hest.aml is byte-identical after a failed compile" cmp -s one.aml out/hest.aml
check "the existing hest.aml keeps its inode after a failed compile" test "$(inode out/hest.aml)" = "$ino"
check "no temporary file is left after a failed compile" no_temps out
compile bad missing
check "a failed compile does not create OUTDIR" test ! -e missing

# --- a successful compile replaces hest.aml by rename
compile two out
check "a second compile succeeds (exit $rc)" test "$rc" -eq 0
check "hest.aml has the new table" test -s out/hest.aml
check "... which differs from the old one" sh -c '! cmp -s one.aml out/hest.aml'
check "hest.aml is a new inode (renamed into place, not rewritten)" test "$(inode out/hest.aml)" != "$ino"
check "a hard link to the old hest.aml still holds the old bytes" cmp -s one.aml old-link.aml
check "no temporary file is left after replacing" no_temps out
cp out/hest.aml two.aml

# --- OUTDIR that cannot be written: exit 2 and a message naming it
mkdir ro
chmod 555 ro
if (: >ro/probe) 2>/dev/null; then
	rm -f ro/probe
	ok "unwritable OUTDIR # SKIP privileged user: permissions do not stop writes"
else
	compile one ro
	check "an unwritable OUTDIR exits 2 (got $rc)" test "$rc" -eq 2
	check "the message names the directory" grep -q "'ro/hest.aml'" stderr
	check "nothing is left in the unwritable OUTDIR" test -z "$(ls -A ro)"
fi
chmod 755 ro
: >regular
compile one regular
check "OUTDIR that is a regular file exits 2 (got $rc)" test "$rc" -eq 2
check "the message says it is not a directory" grep -q "'regular' exists and is not a directory" stderr
check "the regular file is untouched" test ! -s regular

# --- a write that fails half-way (file size limit, EFBIG) leaves no partial file.
# SIGXFSZ is ignored so that write() fails instead of killing hestc; the
# limit is 512 or 1024 bytes depending on the shell's ulimit unit.
limited() { # limited ARGS...: hestc under a 1-block file size limit
	(
		trap '' XFSZ
		ulimit -f 1 && exec "$HESTC" "$@"
	) >stdout 2>stderr
	rc=$?
}
limited compile -q descs/big.yaml -o out
check "a write that fails exits 2 (got $rc)" test "$rc" -eq 2
check "the message names the file" grep -q "cannot write 'out/hest.aml'" stderr
check "the old hest.aml is byte-identical after a failed write" cmp -s two.aml out/hest.aml
check "no partial or temporary file is left after a failed write" no_temps out
limited compile -q descs/big.yaml -o fresh
check "a failed write into a new OUTDIR leaves no hest.aml" test ! -e fresh/hest.aml

# Several outputs commit together: when a later one fails, the ones already
# written are not renamed into place.  Needs an output larger than the limit
# after a small hest.aml: the reserved region of a GHES with a 64 KiB error
# status block.
cat >descs/ghes.yaml <<'EOF'
placement: { mode: linker-loader, block_size: 64K }
sources:
  - { type: ghes, id: 0, notification: { type: sea } }
EOF
"$HESTC" compile -q descs/ghes.yaml --emit all -o ref >/dev/null 2>&1
big=
for f in ref/*; do
	[ -f "$f" ] && [ "$(wc -c <"$f")" -gt 2048 ] && big=${f#ref/}
done
if [ "$(wc -c <ref/hest.aml 2>/dev/null || echo 9999)" -lt 512 ] && [ -n "$big" ]; then
	ino=$(inode out/hest.aml)
	limited compile -q descs/ghes.yaml --emit all -o out
	check "--emit all with an output over the limit ($big or before) exits 2 (got $rc)" test "$rc" -eq 2
	check "hest.aml, written before the failure, is not renamed into place" cmp -s two.aml out/hest.aml
	check "... and keeps its inode" test "$(inode out/hest.aml)" = "$ino"
	check "no output of the failed set appears" test "$(ls -A out)" = hest.aml
	check "no temporary file is left after a failed multi-file write" no_temps out
else
	not_ok "multi-file commit: no output of descs/ghes.yaml is larger than 2 KiB, or hest.aml is not small"
	ls -l ref | sed 's/^/# /'
fi

# Large outputs are written as they are produced, in pieces of 256 KiB
# (hest_buf_drain): a write that fails after some pieces went out still
# leaves nothing behind.  1500 GHESv2 sources: hest.aml is 138 KB, under the
# limit; hest.dsl, written next, is about 2.8 MB.
many 1500 '{ type: ghes-v2, id: %d, notification: { type: polled } }' 'placement: { mode: linker-loader }' \
	>descs/many.yaml
"$HESTC" compile -q descs/many.yaml --emit hest,dsl -o streamed >/dev/null 2>&1
dsl_size=$(wc -c <streamed/hest.dsl 2>/dev/null || echo 0)
check "hest.dsl of 1500 sources is larger than a few pieces ($dsl_size bytes)" test "$dsl_size" -gt 1048576
cp streamed/hest.dsl streamed.dsl
ino=$(inode streamed/hest.dsl)
stream_limited() { # under a 512-block limit: 256 or 512 KiB, after the first piece
	(
		trap '' XFSZ
		ulimit -f 512 && exec "$HESTC" compile -q descs/many.yaml --emit hest,dsl -o streamed
	) >stdout 2>stderr
	rc=$?
}
sed 's/type: polled/type: sci/' descs/many.yaml >descs/many2.yaml
mv descs/many2.yaml descs/many.yaml
stream_limited
check "a write failing mid-stream exits 2 (got $rc)" test "$rc" -eq 2
check "the message names hest.dsl" grep -q "cannot write 'streamed/hest.dsl'" stderr
check "the old hest.dsl is byte-identical" cmp -s streamed.dsl streamed/hest.dsl
check "... on its inode" test "$(inode streamed/hest.dsl)" = "$ino"
check "no partial or temporary file is left after a failed streamed write" no_temps streamed
"$HESTC" compile -q descs/many.yaml --emit hest,dsl -o streamed >/dev/null 2>stderr
check "without the limit the same compile writes the new hest.dsl" sh -c '! cmp -s streamed.dsl streamed/hest.dsl'
check "... which says SCI where the old one said Polled" \
	sh -c 'grep -q "Notify Type : 03 \[SCI\]" streamed/hest.dsl && ! grep -q "\[Polled\]" streamed/hest.dsl'

done_testing
