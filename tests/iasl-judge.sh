#!/bin/sh
# iasl (ACPICA) as an independent judge of the goldens.
#
# Every tests/golden/NAME.aml is disassembled with `iasl -d`, which must
# report no error or warning (bad checksum, unknown subtable type, table
# running past its end...).  What iasl prints is then compared with what
# examples/NAME.yaml describes, computed here without hestc: a small python3
# reader (PyYAML, every scalar read as a string and converted by its own
# integer parser) derives the expected subtable types, source ids,
# notification types, per-subtable lengths (ACPI 6.5 sizes: MCE 40+28*banks,
# CMC/deferred MC 48+28*banks, NMI 20, root port 48, endpoint 44, bridge 56,
# GHES 64, GHESv2 92), error source count and table length.  iasl prints
# `[HexOffset DecimalOffset ByteLength] Label : Value` per field; a
# subtable's length is the offset of the next "Subtable Type" line minus its
# own (the table length for the last one), i.e. how far iasl itself stepped.
#
# A missing iasl or python3-yaml is a failure, not a skip (acpica-tools and
# python3-yaml are in scripts/debian-packages.txt).
. "$top_srcdir/tests/lib.sh"

golden=$top_srcdir/tests/golden
examples=$top_srcdir/examples

need_iasl
ok "iasl found: $iasl"
if ! python3 -c 'import yaml' 2>/dev/null; then
	not_ok "python3 with PyYAML found (install python3-yaml)"
	done_testing
	exit 1
fi
ok "python3 with PyYAML found"

judge=$scratch/judge.py
cat >"$judge" <<'PY'
"""Compare iasl's disassembly of a HEST with a hestc description.

usage: judge.py DESC.yaml TABLE.dsl
Prints one line per aspect, "ok<TAB>what" or "not ok<TAB>what", and
"#<TAB>text" lines explaining a mismatch.  Exit 2 on unusable input."""
import re
import sys

import yaml

SOURCE_TYPES = {
    "mce": 0, "cmc": 1, "nmi": 2, "aer-root-port": 6, "aer-endpoint": 7,
    "aer-bridge": 8, "ghes": 9, "ghes-v2": 10, "deferred-mc": 11,
}
# ACPI 6.5 section 18.3.2: fixed part of each structure; types 0, 1 and 11
# are followed by 28-byte machine check bank structures.
FIXED_LENGTH = {0: 40, 1: 48, 2: 20, 6: 48, 7: 44, 8: 56, 9: 64, 10: 92, 11: 48}
BANK_LENGTH = 28
HAS_BANKS = {0, 1, 11}
HAS_NOTIFY = {1, 9, 10, 11}
NOTIFY_TYPES = {
    "polled": 0, "external-interrupt": 1, "local-interrupt": 2, "sci": 3,
    "nmi": 4, "cmci": 5, "mce": 6, "gpio": 7, "sea": 8, "sei": 9, "gsiv": 10,
    "sdei": 11,
}
SUFFIX = {"K": 10, "k": 10, "KiB": 10, "M": 20, "MiB": 20, "G": 30, "GiB": 30,
          "T": 40, "TiB": 40}


def uint(text):
    """A description integer: decimal, 0x/0o/0b, '_' separators, size suffix."""
    s = str(text).strip().replace("_", "")
    m = re.fullmatch(r"\+?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)([A-Za-z]*)", s)
    if not m or (m.group(2) and (m.group(2) not in SUFFIX or not m.group(1).isdigit())):
        raise ValueError("not an integer: %r" % text)
    digits = m.group(1)
    base = {"x": 16, "o": 8, "b": 2}.get(digits[1:2].lower(), 10) if len(digits) > 2 and digits[0] == "0" else 10
    value = int(digits[2:] if base != 10 else digits, base)
    return value << SUFFIX.get(m.group(2), 0)


def named(text, names):
    return names[text] if text in names else uint(text)


# The sources QEMU's arm virt machine defines (hw/arm/virt-acpi-build.c
# hest_ghes_notify / hest_ghes_notify_10_0), for a description that names a
# placement profile and gives no sources of its own.
PROFILE_SOURCES = {
    "qemu-virt-hw-errors-addr": [{"type": "ghes-v2", "id": "0", "notification": {"type": "sea"}}],
    "qemu-virt-hest-addr": [{"type": "ghes-v2", "id": "0", "notification": {"type": "sea"}},
                            {"type": "ghes-v2", "id": "1", "notification": {"type": "gpio"}}],
    "qemu-virt-hest-addr-4k": [{"type": "ghes-v2", "id": "0", "notification": {"type": "sea"}},
                               {"type": "ghes-v2", "id": "1", "notification": {"type": "gpio"}}],
}


def expected(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader)  # every scalar a string
    table = doc.get("table") or {}
    subtables = []
    sources = doc.get("sources")
    if sources is None:
        sources = PROFILE_SOURCES[(doc.get("placement") or {})["profile"]]
    for src in sources:
        t = named(src["type"], SOURCE_TYPES)
        banks = len(src.get("banks") or [])
        length = FIXED_LENGTH[t] + (BANK_LENGTH * banks if t in HAS_BANKS else 0)
        notify = None
        if t in HAS_NOTIFY:
            n = src.get("notification") or {}
            notify = named(n.get("type", "0"), NOTIFY_TYPES)
        subtables.append({"type": t, "id": uint(src["id"]), "length": length, "notify": notify})
    count = uint(table["error_source_count"]) if "error_source_count" in table else len(subtables)
    total = 40 + sum(s["length"] for s in subtables)
    if "length" in table:
        total = uint(table["length"])
    return {"subtables": subtables, "count": count, "length": total}


LINE = re.compile(r"^\[([0-9A-Fa-f]+)h\s+(\d+)\s+(\d+)\]\s+(.*?)\s*:\s*(.*)$")


def disassembled(path):
    fields = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if m:
                fields.append((int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)))

    def hexval(value):
        return int(value.split()[0], 16)

    def first(label):
        for off, size, lab, value in fields:
            if lab == label:
                return hexval(value)
        raise ValueError("iasl printed no %r line" % label)

    length = first("Table Length")
    starts = [i for i, fl in enumerate(fields) if fl[2] == "Subtable Type"]
    subtables = []
    for k, i in enumerate(starts):
        end_index = starts[k + 1] if k + 1 < len(starts) else len(fields)
        off = fields[i][0]
        end = fields[starts[k + 1]][0] if k + 1 < len(starts) else length
        sub = {"type": hexval(fields[i][3]), "id": None, "notify": None, "length": end - off}
        for _, _, lab, value in fields[i + 1:end_index]:
            if lab == "Source Id" and sub["id"] is None:
                sub["id"] = hexval(value)
            if lab == "Notify Type" and sub["notify"] is None:
                sub["notify"] = hexval(value)
        subtables.append(sub)
    return {"subtables": subtables, "count": first("Error Source Count"), "length": length}


def compare(what, want, got):
    if want == got:
        print("ok\t%s" % what)
        return
    print("not ok\t%s" % what)
    print("#\t  description says: %s" % (want,))
    print("#\t  iasl printed:     %s" % (got,))


def main():
    try:
        want = expected(sys.argv[1])
        got = disassembled(sys.argv[2])
    except (OSError, KeyError, ValueError, TypeError, yaml.YAMLError) as e:
        print("#\tcannot compare: %s" % e)
        return 2
    ws, gs = want["subtables"], got["subtables"]
    compare("subtable types", [s["type"] for s in ws], [s["type"] for s in gs])
    compare("source ids", [s["id"] for s in ws], [s["id"] for s in gs])
    compare("notification types", [s["notify"] for s in ws], [s["notify"] for s in gs])
    compare("subtable lengths", [s["length"] for s in ws], [s["length"] for s in gs])
    compare("error source count", want["count"], got["count"])
    compare("table length", want["length"], got["length"])
    return 0


sys.exit(main())
PY

# disassemble AML DIR: iasl -d in DIR (iasl writes NAME.dsl next to its
# input); output in DIR/iasl.log.  Fails when iasl reports any problem.
disassemble() {
	mkdir -p "$2" && cp "$1" "$2/" || return 1
	base=$(basename "$1" .aml)
	(cd "$2" && "$iasl" -d "$base.aml") >"$2/iasl.log" 2>&1
	rc=$?
	if [ $rc -ne 0 ] || [ ! -s "$2/$base.dsl" ]; then
		diag "iasl -d exited $rc"
		sed 's/^/  /' "$2/iasl.log" | while IFS= read -r l; do diag "$l"; done
		return 1
	fi
	# iasl reports table problems as messages and as comments in the .dsl.
	# (the lines naming the files are left out: a name may hold "errors";
	# iasl's own ERST template has action 0x0C, which iasl labels
	# "Unused/Unknown Action": its name for that code, not a complaint)
	grep -v -E '^[[:space:]]*(Input file|Formatted output)' "$2/iasl.log" |
		grep -i -E 'error|warning|incorrect|invalid|not contain|too long|too short|unknown' >"$2/problems"
	grep -E '^\*\*\*\*|Incorrect checksum|Invalid|Unknown' "$2/$base.dsl" |
		grep -v 'Action : 0C \[Unused/Unknown Action\]' >>"$2/problems"
	if [ -s "$2/problems" ]; then
		while IFS= read -r l; do diag "  $l"; done <"$2/problems"
		return 1
	fi
	return 0
}

# judge NAME YAML DSL: one TAP line per aspect compared.
judge() {
	python3 "$judge" "$2" "$3" >"$3.judge" 2>&1
	rc=$?
	while IFS="	" read -r verdict what; do
		case $verdict in
		ok) ok "$1: iasl agrees with the description: $what" ;;
		"not ok") not_ok "$1: iasl agrees with the description: $what" ;;
		"#") diag "$what" ;;
		*) diag "$verdict $what" ;;
		esac
	done <"$3.judge"
	[ $rc -eq 0 ] || not_ok "$1: description and disassembly could be compared"
}

# BERT and EINJ descriptions (table.signature): what iasl prints for the
# signature, the table length, a BERT's region address (fixed placement),
# an EINJ's entry count and each entry's action, in order, against the
# description (ACPI 6.6 table 18.25 codes).
apei_judge=$scratch/apei_judge.py
cat >"$apei_judge" <<'PY'
import re, sys, yaml
ACTIONS = {"begin-injection": 0, "get-trigger-error-action-table": 1, "set-error-type": 2,
           "get-error-type": 3, "end-operation": 4, "execute-operation": 5, "check-busy-status": 6,
           "get-command-status": 7, "set-error-type-with-address": 8,
           "get-execute-operation-timings": 9, "einjv2-get-error-type": 0x11, "trigger-error": 0xff}
# ACPI 6.6 table 18.33
ERST_ACTIONS = {"begin-write": 0, "begin-read": 1, "begin-clear": 2, "end": 3, "set-record-offset": 4,
                "execute-operation": 5, "check-busy-status": 6, "get-command-status": 7,
                "get-record-identifier": 8, "set-record-identifier": 9, "get-record-count": 0xa,
                "begin-dummy-write": 0xb, "get-error-log-address-range": 0xd,
                "get-error-log-address-length": 0xe, "get-error-log-address-attributes": 0xf,
                "get-execute-operation-timings": 0x10}
desc = yaml.load(open(sys.argv[1]), Loader=yaml.BaseLoader)
dsl = open(sys.argv[2]).read()
def field(label):
    return [v.strip() for v in re.findall(r"^\[[^]]*\]\s*%s : (.*)$" % re.escape(label), dsl, re.M)]
def say(cond, what):
    print("%s\t%s" % ("ok" if cond else "not ok", what))
sig = desc["table"]["signature"]
say(field("Signature")[0].startswith('"%s"' % sig), "signature %s" % sig)
if sig == "BERT":
    say(int(field("Table Length")[0], 16) == 48, "table length 48")
    if desc.get("placement", {}).get("mode") == "fixed":
        base = int(desc["placement"]["base"], 0)
        say(int(field("Boot Error Region Address")[0], 16) == base, "region address 0x%x" % base)
else:
    entries = desc.get("entries", [])
    say(int(field("Table Length")[0], 16) == 48 + 32 * len(entries), "table length 48 + 32 x %d" % len(entries))
    count = field("Injection Entry Count" if sig == "EINJ" else "Instruction Entry Count")
    say(int(count[0], 16) == len(entries), "entry count %d" % len(entries))
    got = [int(a.split()[0], 16) for a in field("Action")]
    names = ACTIONS if sig == "EINJ" else ERST_ACTIONS
    want = [names[e["action"]] if e["action"] in names else int(e["action"], 0) for e in entries]
    say(got == want, "the entries' actions in order")
PY

found=0
for aml in "$golden"/*.aml; do
	[ -e "$aml" ] || continue
	found=$((found + 1))
	name=$(basename "$aml" .aml)
	dir=$scratch/$name
	if ! disassemble "$aml" "$dir"; then
		not_ok "$name: iasl -d disassembles it without errors or warnings"
		continue
	fi
	ok "$name: iasl -d disassembles it without errors or warnings"
	if [ ! -f "$examples/$name.yaml" ]; then
		not_ok "$name: examples/$name.yaml exists"
		continue
	fi
	if grep -q 'signature: "*\(BERT\|EINJ\|ERST\)' "$examples/$name.yaml"; then
		python3 "$apei_judge" "$examples/$name.yaml" "$dir/$name.dsl" >"$dir/apei.judge" 2>&1 ||
			not_ok "$name: description and disassembly could be compared"
		while IFS="	" read -r verdict what; do
			case $verdict in
			ok) ok "$name: iasl agrees with the description: $what" ;;
			"not ok") not_ok "$name: iasl agrees with the description: $what" ;;
			*) diag "$verdict $what" ;;
			esac
		done <"$dir/apei.judge"
		continue
	fi
	judge "$name" "$examples/$name.yaml" "$dir/$name.dsl"
done
check "goldens found ($found)" test "$found" -gt 0

# The judge must be able to fail: tables iasl objects to, and a description
# that does not match the table.
sample=$golden/x86-server.aml
if [ -f "$sample" ]; then
	python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[9] ^= 0x5a
open(sys.argv[2], "wb").write(d)' "$sample" "$scratch/badsum.aml"
	python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[40] = 3
open(sys.argv[2], "wb").write(d)' "$sample" "$scratch/badtype.aml"
	if disassemble "$scratch/badsum.aml" "$scratch/meta-sum" >/dev/null; then
		not_ok "judge: a wrong checksum is reported"
	else
		ok "judge: a wrong checksum is reported"
	fi
	if disassemble "$scratch/badtype.aml" "$scratch/meta-type" >/dev/null; then
		not_ok "judge: a reserved subtable type is reported"
	else
		ok "judge: a reserved subtable type is reported"
	fi
	if disassemble "$sample" "$scratch/meta-other" >/dev/null &&
		python3 "$judge" "$examples/iasl-template.yaml" "$scratch/meta-other/x86-server.dsl" >"$scratch/meta-other.judge" 2>&1 &&
		grep -q '^not ok' "$scratch/meta-other.judge"; then
		ok "judge: another description's table is told apart"
	else
		not_ok "judge: another description's table is told apart"
	fi
else
	not_ok "tests/golden/x86-server.aml exists (used to check the judge itself)"
fi

done_testing
