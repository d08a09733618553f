#!/bin/sh
# Nothing lost: whatever happens to hestc while it writes, every output file
# is either the previous version or the new one, whole.
#   - SIGKILL at varying moments of a large `--emit all` compile;
#   - a full disk (a 256 KiB tmpfs, in a private mount namespace) under a
#     compile whose outputs do not fit: exit 2, previous outputs intact, no
#     temporary file left;
#   - a rename that fails half-way through the commit (injected with
#     HESTC_TEST_FAIL_RENAME, docs/robustness.md): the renames already done
#     are rolled back, so no destination changes and none is created.
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2

# old: one NMI source.  new: 4000 GHESv2 sources (about 4 MiB of reserved
# region, a 16000-command loader script), long enough to be killed mid-way.
printf 'placement: { mode: linker-loader }\nsources:\n  - { type: ghes-v2, id: 0, notification: { type: sea } }\n' >old.yaml
awk 'BEGIN { print "placement: { mode: linker-loader }"; print "sources:"
	for (i = 0; i < 4000; i++) printf "  - { type: ghes-v2, id: %d, notification: { type: sea } }\n", i }' >new.yaml
"$HESTC" compile -q old.yaml --emit all -o ref-old >/dev/null 2>&1
"$HESTC" compile -q new.yaml --emit all -o ref-new >/dev/null 2>&1
outputs=$(cd ref-new && ls)
check "reference outputs exist (old: $(ls ref-old | wc -l) files, new: $(ls ref-new | wc -l))" \
	test -n "$outputs" -a "$(ls ref-old | wc -l)" -eq "$(ls ref-new | wc -l)"

# whole DIR: every output in DIR is byte-identical to the old or the new
# version; the only other files are temporaries (*.tmp-*, *.old-*).
# Sets $state to old, new or mixed and $leftover to the temporaries' count.
whole() {
	state= leftover=0
	for f in "$1"/*; do
		n=${f##*/}
		case $n in
		*.tmp-* | *.old-*) leftover=$((leftover + 1)); continue ;;
		esac
		if cmp -s "$f" "ref-old/$n"; then s=old
		elif cmp -s "$f" "ref-new/$n"; then s=new
		else
			echo "# $f is neither version ($(wc -c <"$f") bytes)"
			return 1
		fi
		[ -z "$state" ] || [ "$state" = "$s" ] || s=mixed
		state=$s
	done
	[ "$(ls "$1" | grep -cv -e '\.tmp-' -e '\.old-')" -eq "$(ls ref-old | wc -l)" ]
}

# --- SIGKILL
start=$(date +%s%N 2>/dev/null || echo 0)
"$HESTC" compile -q new.yaml --emit all -o timing >/dev/null 2>&1
end=$(date +%s%N 2>/dev/null || echo 0)
ms=$(((end - start) / 1000000))
[ "$ms" -gt 0 ] || ms=1000
bad=0 olds=0 news=0 mixed=0 temps=0 i=0
while [ $i -lt 20 ]; do
	rm -rf out
	cp -r ref-old out
	# delays spread over the compile's own duration
	delay=$((ms * i / 20))
	"$HESTC" compile -q new.yaml --emit all -o out >/dev/null 2>&1 &
	pid=$!
	sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if whole out; then
		case $state in old) olds=$((olds + 1)) ;; new) news=$((news + 1)) ;; *) mixed=$((mixed + 1)) ;; esac
		temps=$((temps + leftover))
	else
		bad=$((bad + 1))
	fi
	i=$((i + 1))
done
diag "compile of new.yaml takes ${ms} ms; 20 kills: $olds left the old outputs, $news the new ones," \
	"$mixed a mix of whole files (killed between two renames), $temps temporaries left behind"
check "SIGKILL at 20 moments: every output is a whole old or new version ($bad were not)" test "$bad" -eq 0

# --- injected rename failure: the commit is rolled back
for n in 1 2 4 7; do
	rm -rf out
	cp -r ref-old out
	HESTC_TEST_FAIL_RENAME=$n "$HESTC" compile -q new.yaml --emit all -o out >stdout 2>stderr
	rc=$?
	check "rename $n of 7 fails: exit 2 (got $rc)" test "$rc" -eq 2
	check "... the message names the file" grep -q "cannot rename into 'out/" stderr
	whole out || state=broken
	check "... every output is the old version, no temporary left (state ${state:-broken}, $leftover left)" \
		test "$state" = old -a "$leftover" -eq 0
done
rm -rf fresh
HESTC_TEST_FAIL_RENAME=3 "$HESTC" compile -q new.yaml --emit all -o fresh >/dev/null 2>&1
check "a failed commit into a new directory creates no output" test -z "$(ls -A fresh 2>/dev/null)"
rm -rf out
cp -r ref-old out
rm out/table-loader.txt
mkdir out/table-loader.txt
"$HESTC" compile -q new.yaml --emit all -o out >stdout 2>stderr
rc=$?
check "an output that is a directory: exit 2 before any rename (got $rc)" test "$rc" -eq 2
check "... saying so" grep -q "cannot replace 'out/table-loader.txt': it is a directory" stderr
check "... hest.aml is still the old one" cmp -s out/hest.aml ref-old/hest.aml

# --- a full disk
cat >disk.sh <<'INNER'
set -u
mnt=$1 hestc=$2
mount -t tmpfs -o size=256k tmpfs "$mnt" || exit 77
"$hestc" compile -q old.yaml --emit all -o "$mnt/out" >/dev/null 2>&1 || { echo "old-failed"; exit 1; }
cp -r "$mnt/out" before
"$hestc" compile -q new.yaml --emit all -o "$mnt/out" >disk.stdout 2>disk.stderr
echo $? >disk.rc
ls -A "$mnt/out" >disk.ls
for f in before/*; do cmp -s "$f" "$mnt/out/${f#before/}" || echo "${f#before/}"; done >disk.changed
df -k "$mnt" | tail -n 1 >disk.df
umount "$mnt"
INNER
mkdir mnt
ran=
for how in "unshare -m" "unshare -rm"; do
	if $how sh disk.sh "$scratch/mnt" "$HESTC" >disk.out 2>disk.err; then
		ran=$how
		break
	fi
done
if [ -z "$ran" ]; then
	ok "full disk # SKIP cannot mount a tmpfs here ($(head -n 1 disk.err))"
else
	diag "tmpfs mounted with '$ran'"
	check "a compile that fills the disk exits 2 (got $(cat disk.rc))" test "$(cat disk.rc)" -eq 2
	check "... saying the device is full" grep -q "No space left on device" disk.stderr
	check "... every previous output unchanged" test ! -s disk.changed
	check "... and no temporary file left" test "$(grep -c -e '\.tmp-' -e '\.old-' disk.ls)" -eq 0
fi

done_testing
