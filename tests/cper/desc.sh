#!/bin/sh
# Descriptions both ways and random blocks from the command line:
# hestval cper --format yaml|json writes a description hestc cper builds
# back to the same bytes (random blocks of every kind, both forms); JSON
# spellings (quoted hex integers past 2^53, text as { hex: ... });
# hestc cper --random, --count, --kind, --form and their refusals.
. "$top_srcdir/tests/lib.sh"
cd "$scratch" || exit 2
quiet() { "$@" >/dev/null 2>&1; }

# --- random blocks ---------------------------------------------------------
check "--random 7 builds a block" quiet "$HESTC" cper --random 7 -o r7.bin
check "  that checks clean (--werror)" quiet "$HESTVAL" cper --werror r7.bin
"$HESTC" cper -q --random 7 -o r7-again.bin
check "  the same seed gives the same bytes" cmp -s r7.bin r7-again.bin
"$HESTC" cper -q --random 8 -o r8.bin
check "  another seed other bytes" sh -c '! cmp -s r7.bin r8.bin'
check "--random 0x10 takes a hex seed" quiet "$HESTC" cper --random 0x10 -o r16.bin
"$HESTC" cper -q --random 16 -o r16-dec.bin
check "  the same seed as 16" cmp -s r16.bin r16-dec.bin

"$HESTC" cper --random 1000 --count 40 -o many >many.out 2>&1
check "--count 40 -o DIR writes 40 files" [ "$(ls many | wc -l)" -eq 40 ]
check "  and says so" grep -q "wrote 40 random blocks to many (seeds 1000 to 1039)" many.out
"$HESTC" cper -q --random 1017 -o one.bin
check "  random-1017.bin is what --random 1017 makes alone" cmp -s one.bin many/random-1017.bin
bad=0 kinds=""
for f in many/*.bin; do
	quiet "$HESTVAL" cper --werror "$f" || bad=$((bad + 1))
	"$HESTVAL" cper --format yaml "$f" >back.yaml 2>/dev/null && "$HESTC" cper -q back.yaml -o back.bin 2>/dev/null &&
		cmp -s back.bin "$f" || bad=$((bad + 1))
	"$HESTVAL" cper --format json "$f" >back.json 2>/dev/null && "$HESTC" cper -q back.json -o back.bin 2>/dev/null &&
		cmp -s back.bin "$f" || bad=$((bad + 1))
	kinds="$kinds $(sed -n 's/^  - type: //p' back.yaml)"
done
check "the 40 check clean, and their YAML and JSON descriptions build them again ($bad failures)" [ "$bad" -eq 0 ]
n=$(printf '%s\n' $kinds | sort -u | wc -l)
check "  they hold sections of every kind ($n kinds)" [ "$n" -eq "$("$HESTC" cper --help | sed -n '/^Section types: /,/\.$/p' | sed 's/^Section types: //' | wc -w)" ]

"$HESTC" cper -q --random 5 --count 10 --kind arm,pcie --form status-block -o kinds
others=0
for f in kinds/*.bin; do
	"$HESTVAL" cper --format yaml "$f" >k.yaml 2>/dev/null
	grep -q '^form: record' k.yaml && others=$((others + 1))
	sed -n 's/^  - type: //p' k.yaml | grep -qv '^\(arm\|pcie\)$' && others=$((others + 1))
done
check "--kind arm,pcie --form status-block: only those ($others others)" [ "$others" -eq 0 ]
"$HESTC" cper -q --random 9 --form record -o rec.bin
check "--form record: a CPER record" sh -c 'head -c 4 rec.bin | grep -q CPER'
"$HESTC" cper -q --random 9 --block-size 512 -o small.bin
check "--block-size 512: padded to 512 bytes" [ "$(wc -c <small.bin)" -eq 512 ]

usage() {
	what=$1 want=$2
	shift 2
	"$@" >/dev/null 2>u.err
	rc=$?
	if [ "$rc" -eq 2 ] && grep -qF -- "$want" u.err; then
		ok "$what: usage error (2): $want"
	else
		not_ok "$what: exit $rc, wanted 2 and: $want"
		sed 's/^/# /' u.err
	fi
}
usage "--kind memroy" "unknown section type 'memroy'" "$HESTC" cper --random 1 --kind memroy -o x.bin
usage "--count without --random" "go with --random" "$HESTC" cper --count 3 ok.yaml
usage "--random with a description" "takes no description" "$HESTC" cper --random 1 ok.yaml
usage "--count 3 to standard output" "give a directory with -o" "$HESTC" cper --random 1 --count 3
usage "--random with --format qmp" "binary blocks" "$HESTC" cper --random 1 --format qmp
usage "--random with a word" "expected a seed" "$HESTC" cper --random seven -o x.bin
usage "--count 0" "expected 1 to 1000000" "$HESTC" cper --random 1 --count 0 -o d
check "  nothing written by the refusals" [ ! -e x.bin ] && [ ! -e d ]

# --- JSON spellings ------------------------------------------------------------
cat >big.json <<'J'
{"severity": "corrected", "sections": [{"type": "memory", "physical_address": "0xffff800012345678",
 "header": {"fru_text": {"hex": "41 00 42"}}}]}
J
check "JSON: a quoted 0x integer (past 2^53) and text as { hex: ... } build" quiet "$HESTC" cper -q big.json -o big.bin
"$HESTVAL" cper --format json big.bin >big.out
check "  the report spells the address as a string" grep -q '"physical_address":"0xffff800012345678"' big.out
check "  and the text as hex, without its NUL padding" grep -q '"fru_text":{"hex":"41 00 42"}' big.out
"$HESTC" cper -q big.out -o big2.bin
check "  and builds the same bytes back" cmp -s big.bin big2.bin
cat >qdec.json <<'J'
{"sections": [{"type": "memory", "node": "12"}]}
J
"$HESTC" cper -q qdec.json -o q.bin 2>q.err
check "JSON: a quoted decimal is still refused (only 0x spellings are strings)" \
	grep -q "'node' must be an integer, not a string" q.err
printf '%s\n' '{"file":"x","block":null,"record":null,"errors":1,"warnings":0,"diagnostics":[]}' >nullrec.json
"$HESTC" cper -q nullrec.json -o n.bin 2>n.err
check "a report without a record: exit 1, says why" grep -q "no record to build" n.err
printf 'CPER' >trunc.bin
"$HESTVAL" cper --format yaml trunc.bin >t.yaml 2>t.err
check "--format yaml of an undecodable input: exit 1, nothing on stdout" [ $? -eq 1 ] && [ ! -s t.yaml ]
done_testing
