#!/bin/sh
# acpiview input (issue 18, item 5): the UEFI Shell's `acpiview -s HEST`
# text is read like acpidump's by `hestval validate` and `hestc decompile`.
# Every golden table and every real table of the corpus is written in that
# format (tests/acpiview/gen.py, after edk2's DumpRaw) and must decode to
# the binary's bytes; damaged dumps are reported at file:line:col.
. "$top_srcdir/tests/lib.sh"
A=$top_srcdir/tests/acpiview
G=$top_srcdir/tests/golden
T=$scratch
gen() { python3 "$A/gen.py" "$@"; }

# same_bytes TEXT BIN: TEXT's HEST, decompiled and compiled again, is BIN
# (and both decompile to the same description): the decoded bytes are BIN's.
same_bytes() {
	"$HESTC" decompile -q "$1" -o "$T/t.yaml" 2>"$T/t.err" &&
		"$HESTC" decompile -q "$2" -o "$T/b.yaml" 2>/dev/null &&
		[ "$(tail -n +2 "$T/t.yaml")" = "$(tail -n +2 "$T/b.yaml")" ] &&
		rm -rf "$T/rt" && "$HESTC" compile -q "$T/t.yaml" -o "$T/rt" 2>/dev/null &&
		cmp -s "$(ls "$T"/rt/hest.aml "$T"/rt/bert.aml "$T"/rt/einj.aml "$T"/rt/erst.aml 2>/dev/null | head -n 1)" "$2"
}

n=0 bad=
for bin in "$G"/*.aml; do
	name=$(basename "$bin" .aml)
	gen "$bin" "$T/$name.txt" && same_bytes "$T/$name.txt" "$bin" || bad="$bad $name"
	n=$((n + 1))
done
check "$n golden tables: acpiview dumps decode to the binary's bytes${bad:+ (not:$bad)}" [ -z "$bad" ]

variants="--old --ucs2 --crlf"
for v in $variants; do
	bad=
	for bin in "$G"/qemu-virt-arm64.aml "$G"/notify-mce.aml "$G"/type-ghes.aml "$G"/polled-ghes.aml; do
		gen $v "$bin" "$T/v.txt" && same_bytes "$T/v.txt" "$bin" || bad="$bad $(basename "$bin")"
	done
	check "acpiview dumps ($v) decode to the binary's bytes${bad:+ (not:$bad)}" [ -z "$bad" ]
done

corpus=$shared_dir/corpus/real/hest
if [ -d "$corpus" ]; then
	n=0 bad=
	for bin in "$corpus"/*.dat; do
		gen "$bin" "$T/c.txt"
		"$HESTVAL" validate -q "$bin" >"$T/c.bin.out" 2>&1
		"$HESTVAL" validate -q "$T/c.txt" >"$T/c.txt.out" 2>&1
		# the same diagnostics, the label aside ("c.txt:3[HEST]" for the binary's name)
		sed "s#^$T/c.txt:3\[HEST\]#$bin#" "$T/c.txt.out" | cmp -s - "$T/c.bin.out" || bad="$bad $(basename "$bin")"
		n=$((n + 1))
	done
	check "$n real tables: hestval says the same of the acpiview dump as of the binary${bad:+ (not:$bad)}" [ -z "$bad" ]
fi

# The hand-checked dump (pre-2019 layout, parsed fields after it).
check "tests/acpiview/qemu-virt-arm64-sea.txt decodes to the golden table" \
	same_bytes "$A/qemu-virt-arm64-sea.txt" "$G/qemu-virt-arm64-sea.aml"
"$HESTVAL" validate "$A/qemu-virt-arm64-sea.txt" >"$T/hand.out" 2>&1
check "hestval names the table by the dump's banner line" grep -q "qemu-virt-arm64-sea.txt:3\[HEST\]: 0 errors" "$T/hand.out"
check "gen.py reproduces the hand-checked file" sh -c \
	"python3 '$A/gen.py' --old --address 0xBF6F1018 '$G/qemu-virt-arm64-sea.aml' '$T/regen.txt' && cmp -s '$T/regen.txt' '$A/qemu-virt-arm64-sea.txt'"

# Damaged dumps: errors at file:line:col, exit status 1.
H=$A/qemu-virt-arm64-sea.txt
# damaged NAME SEDSCRIPT: H edited, validated into $T/NAME.out (status in $T/NAME.rc)
damaged() {
	sed "$2" "$H" >"$T/$1.txt"
	(cd "$T" && "$HESTVAL" validate -q "$1.txt") >"$T/$1.out" 2>&1
	echo $? >"$T/$1.rc"
}
says() { # says NAME TEXT
	if grep -qF -- "$2" "$T/$1.out" && [ "$(cat "$T/$1.rc")" = 1 ]; then
		ok "$1: exit 1 and '$2'"
	else
		not_ok "$1: exit 1 and '$2'"
		diag "$(cat "$T/$1.out")"
	fi
}
damaged badbyte '10s/^00000020 : 01 00 00 00 01 00 00 00 - 0A/00000020 : 01 00 00 00 01 0G 00 00 - 0A/'
says badbyte "badbyte.txt:10:27: error: acpiview hex line: '0G' is not a byte"
check "badbyte: that one error, nothing else about the dump" [ "$(grep -c 'txt:[0-9]*:[0-9]*: error' "$T/badbyte.out")" = 1 ]
damaged nodash '11s/ - / /'
says nodash "nodash.txt:11:36: error: acpiview hex line: \"- \" expected after the eighth byte"
check "nodash: that one error" [ "$(grep -c 'txt:[0-9]*:[0-9]*: error' "$T/nodash.out")" = 1 ]
damaged gap '12d'
says gap "gap.txt:12:1: error: acpiview hex line at offset 0x50 in table 'HEST' follows 0x40 bytes"
check "gap: the missing line is zeros, later lines keep their offsets: one error" [ "$(grep -c 'txt:[0-9]*:[0-9]*: error' "$T/gap.out")" = 1 ]
damaged short '16s/ 00 00 00 00  / 00 00 00  /'
says short "short.txt:6:12: error: acpiview dump of 'HEST' says Length 132 but its hex lines hold 131 bytes"
damaged length '6s/132/148/'
says length "length.txt:6:12: error: acpiview dump of 'HEST' says Length 148 but its hex lines hold 132 bytes"
"$HESTC" decompile "$T/badbyte.txt" >"$T/dec.out" 2>&1
check "hestc decompile reports the same error with its line and column" \
	grep -qF "badbyte.txt:10:27: error: acpiview hex line: '0G' is not a byte" "$T/dec.out"

# A UCS-2 dump's errors are at the same line and column as in the text.
python3 -c 'import sys; t = open(sys.argv[1], "rb").read().decode("ascii"); open(sys.argv[2], "wb").write(b"\xff\xfe" + t.encode("utf-16-le"))' \
	"$T/badbyte.txt" "$T/ucs.txt"
(cd "$T" && "$HESTVAL" validate -q ucs.txt) >"$T/ucs.out" 2>&1
check "UCS-2 dump: the error at the same line:col" grep -qF "ucs.txt:10:27: error: acpiview hex line: '0G' is not a byte" "$T/ucs.out"

# Only the Address line starts a dump: without it the hex lines are no table.
sed '/^Address/d' "$H" >"$T/noaddr.txt"
"$HESTVAL" validate "$T/noaddr.txt" >"$T/noaddr.out" 2>&1
check "no Address line: not a table (exit 2)" [ $? -eq 2 ]
done_testing
