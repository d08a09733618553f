#!/bin/sh
# The SSDT (hestc compile --emit ssdt,ssdt-asl), judged by ACPICA:
#
#   tests/ssdt/ssdt.sh               compare (make check)
#   tests/ssdt/ssdt.sh --regenerate  rewrite tests/golden/ssdt/ (make regen-golden-ssdt)
#
# For examples/arm-ged-gpio.yaml and each tests/ssdt/cases/NAME.yaml:
#  1. ssdt.aml and ssdt.asl equal tests/golden/ssdt/NAME.aml and NAME.asl;
#  2. `iasl -d ssdt.aml` reports no error or warning, and its disassembly
#     (from DefinitionBlock on: the comment above it holds a date) equals
#     tests/golden/ssdt/NAME.dsl;
#  3. iasl compiles ssdt.asl with no error or warning to the same bytes as
#     ssdt.aml but for the checksum and the creator id/revision (iasl writes
#     its own, "INTL" and its version);
#  4. acpiexec loads a minimal DSDT (tests/ssdt/dsdt-minimal.asl, compiled
#     here) and the SSDT, and evaluating each event method produces exactly
#     one "Device Notify" of value 0x80 on the error device, an event number
#     no source uses produces none, and the error device's _HID is PNP0C33.
#     Which method to evaluate, with which argument, and which device must be
#     notified are derived from the description by a small python3 reader,
#     not by hestc.
# acpica-tools and python3-yaml are in scripts/debian-packages.txt: missing
# tools are failures, not skips.
. "$top_srcdir/tests/lib.sh"

regenerate=false
case ${1:-} in
--regenerate) regenerate=true ;;
'') ;;
*)
	echo "usage: $0 [--regenerate]" >&2
	exit 2
	;;
esac

golden=$top_srcdir/tests/golden/ssdt
iasl=${IASL:-}
[ -n "$iasl" ] || iasl=$(command -v iasl 2>/dev/null || true)
acpiexec=$(command -v acpiexec 2>/dev/null || true)
if [ -z "$iasl" ] || [ -z "$acpiexec" ] || ! python3 -c 'import yaml' 2>/dev/null; then
	not_ok "iasl, acpiexec (acpica-tools) and python3-yaml found"
	done_testing
	exit 1
fi

cases=$top_srcdir/examples/arm-ged-gpio.yaml
for f in "$top_srcdir"/tests/ssdt/cases/*.yaml; do
	[ -f "$f" ] && cases="$cases $f"
done

# The DSDT under the SSDTs.
mkdir "$scratch/dsdt"
cp "$top_srcdir/tests/ssdt/dsdt-minimal.asl" "$scratch/dsdt/dsdt.asl"
if (cd "$scratch/dsdt" && "$iasl" dsdt.asl >log 2>&1) && [ -s "$scratch/dsdt/dsdt.aml" ]; then
	ok "iasl compiles tests/ssdt/dsdt-minimal.asl"
else
	not_ok "iasl compiles tests/ssdt/dsdt-minimal.asl"
	sed 's/^/# /' "$scratch/dsdt/log"
fi
dsdt=$scratch/dsdt/dsdt.aml

show() { sed 's/^/#   /' "$1"; }

# same_file GOT WANT WHAT
same_file() {
	if cmp -s "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3"
		if [ -f "$2" ]; then diff -u "$2" "$1" 2>/dev/null | head -n 30 | sed 's/^/# /'; else diag "  no $2"; fi
	fi
}

# The disassembly from DefinitionBlock on.
strip_dsl() { sed -n '/^DefinitionBlock/,$p' "$1"; }

# same_but_creator A B: equal but for byte 9 (checksum) and 28-35 (creator).
same_but_creator() {
	python3 - "$1" "$2" <<'EOF'
import sys
a, b = (bytearray(open(p, "rb").read()) for p in sys.argv[1:3])
for x in (a, b):
    if len(x) >= 36:
        x[9] = 0
        x[28:36] = bytes(8)
if a != b:
    diff = [i for i in range(min(len(a), len(b))) if a[i] != b[i]][:5]
    print("# sizes %d and %d, first differing offsets %s" % (len(a), len(b), [hex(i) for i in diff]))
    sys.exit(1)
EOF
}

# expect.py DESC.yaml: one line per evaluation, "PATH[ ARG]<TAB>DEVICE" (the
# device is the 4-character name acpiexec prints, or "-" for no notify),
# then "HID<TAB>PATH" for the error device when this SSDT declares it.
cat >"$scratch/expect.py" <<'EOF'
import sys
import yaml

def num(v):
    return int(str(v).replace("_", ""), 0)

def trim(path):
    # iasl pads segments with '_'; compare the way it prints them.
    root = path.startswith("\\")
    rest = path[1:] if root else path
    segs = [s.rstrip("_") or "_" for s in rest.split(".")] if rest else []
    return ("\\" if root else "") + ".".join(segs)

def join(scope, name):
    if name.startswith("\\"):
        return trim(name)
    return trim(scope) + ("" if scope == "\\" else ".") + name

doc = yaml.safe_load(open(sys.argv[1]))
cfg = doc.get("ssdt") or {}
scope = cfg.get("scope", "\\_SB")
hed = join(scope, str(cfg.get("error_device", "HED0")))
ged = join(scope, str(cfg.get("ged", "GEDE")))
gpio = trim(str(cfg.get("gpio_controller", "\\_SB.GPO0")))
device = hed.split(".")[-1].lstrip("\\").ljust(4, "_")
used = {"ged": set(), "gpio": set()}
for src in doc["sources"]:
    ev = src.get("event")
    if not ev:
        continue
    ntype = str(src["notification"]["type"])
    via = ev.get("via", "gpio" if ntype == "gpio" else "ged")
    n = num(ev["interrupt"] if via == "ged" else ev["pin"])
    used[via].add(n)
    method = ev.get("method", "auto")
    named = method == "named" or (method == "auto" and via == "gpio" and n <= 255)
    owner = ged if via == "ged" else gpio
    if named:
        letter = "L" if ev.get("trigger", "edge") == "level" else "E"
        print("%s._%s%02X\t%s" % (owner, letter, n, device))
    else:
        print("%s._EVT 0x%x\t%s" % (owner, n, device))
# An event number nobody uses: _EVT (when there is one) must not notify.
for via, owner in (("ged", ged), ("gpio", gpio)):
    if not used[via]:
        continue
    spare = max(used[via]) + 1
    evt = [s for s in doc["sources"] if s.get("event") and
           s["event"].get("via", "gpio" if str(s["notification"]["type"]) == "gpio" else "ged") == via]
    has_evt = any(s["event"].get("method", "auto") == "evt" or
                  (s["event"].get("method", "auto") == "auto" and
                   (via == "ged" or num(s["event"].get("pin", 0)) > 255)) for s in evt)
    if has_evt:
        print("%s._EVT 0x%x\t-" % (owner, spare))
if not cfg.get("external_error_device", False):
    print("HID\t%s" % hed)
EOF

# check_acpiexec NAME SSDT DESC: evaluations from expect.py, one acpiexec
# run each: acpiexec delivers a Notify from a thread, so within one run it
# may print after the next evaluation has begun; by the end of a run every
# Notify has been printed.
check_acpiexec() {
	name=$1 aml=$2 dir=$scratch/$1
	if ! python3 "$scratch/expect.py" "$3" >"$dir/expect" 2>"$dir/expect.err"; then
		not_ok "$name: expectations derived from the description"
		show "$dir/expect.err"
		return
	fi
	i=0
	loaded=true
	while IFS='	' read -r what dev; do
		i=$((i + 1))
		out=$dir/eval.$i
		if [ "$what" = HID ]; then cmd="evaluate $dev._HID"; else cmd="evaluate $what"; fi
		"$acpiexec" -b "$cmd" "$dsdt" "$aml" >"$out" 2>&1 </dev/null
		rc=$?
		if [ "$rc" -ne 0 ] || ! grep -q "2 ACPI AML tables successfully acquired and loaded" "$out" ||
			grep -qE "AE_[A-Z_]+|Exception|rror" "$out"; then
			loaded=false
			not_ok "$name: acpiexec loads the DSDT and the SSDT and runs '$cmd' without an exception (exit $rc)"
			show "$out"
			continue
		fi
		if [ "$what" = HID ]; then
			check "$name: $dev._HID is EisaId PNP0C33 (0x330CD041)" grep -q "\[Integer\] = 00000000330CD041" "$out"
			continue
		fi
		notifies=$(grep -c "Received a Device Notify" "$out")
		if [ "$dev" = - ]; then
			check "$name: $what (no source) notifies nothing" test "$notifies" -eq 0
		elif [ "$notifies" -eq 1 ] && grep -qE "Received a Device Notify on \[$dev\] .* Value 0x80 " "$out"; then
			ok "$name: $what does Notify ($dev, 0x80)"
		else
			not_ok "$name: $what does Notify ($dev, 0x80) once"
			show "$out"
		fi
	done <"$dir/expect"
	$loaded && ok "$name: acpiexec loads the DSDT and the SSDT without an exception ($i runs)"
}

for desc in $cases; do
	name=$(basename "$desc" .yaml)
	dir=$scratch/$name
	mkdir "$dir"
	if ! "$HESTC" compile -q "$desc" -o "$dir/out" --emit ssdt,ssdt-asl >"$dir/log" 2>&1; then
		not_ok "$name: compiles with --emit ssdt,ssdt-asl"
		show "$dir/log"
		continue
	fi
	aml=$dir/out/ssdt.aml asl=$dir/out/ssdt.asl
	cp "$aml" "$dir/d.aml"
	if (cd "$dir" && "$iasl" -d d.aml >d.log 2>&1) && [ -s "$dir/d.dsl" ] &&
		! grep -qiE "error|warning" "$dir/d.log"; then
		ok "$name: iasl -d disassembles ssdt.aml with no error or warning"
	else
		not_ok "$name: iasl -d disassembles ssdt.aml with no error or warning"
		show "$dir/d.log"
	fi
	strip_dsl "$dir/d.dsl" >"$dir/d.stripped"

	if $regenerate; then
		mkdir -p "$golden"
		for pair in "$aml:$name.aml" "$asl:$name.asl" "$dir/d.stripped:$name.dsl"; do
			cp "${pair%%:*}" "$golden/${pair#*:}.tmp" && mv "$golden/${pair#*:}.tmp" "$golden/${pair#*:}"
		done
		check "$name: goldens regenerated" test -s "$golden/$name.dsl"
		continue
	fi
	same_file "$aml" "$golden/$name.aml" "$name: ssdt.aml equals tests/golden/ssdt/$name.aml"
	same_file "$asl" "$golden/$name.asl" "$name: ssdt.asl equals tests/golden/ssdt/$name.asl"
	same_file "$dir/d.stripped" "$golden/$name.dsl" "$name: iasl -d output equals tests/golden/ssdt/$name.dsl"

	cp "$asl" "$dir/c.asl"
	if (cd "$dir" && "$iasl" c.asl >c.log 2>&1) && grep -q "0 Errors, 0 Warnings" "$dir/c.log"; then
		ok "$name: iasl compiles ssdt.asl with no error or warning"
		check "$name: iasl's bytes from ssdt.asl equal ssdt.aml (checksum and creator aside)" \
			same_but_creator "$dir/c.aml" "$aml"
	else
		not_ok "$name: iasl compiles ssdt.asl with no error or warning"
		show "$dir/c.log"
	fi
	check_acpiexec "$name" "$aml" "$desc"
done

# Goldens whose case is gone.
for g in "$golden"/*.aml; do
	[ -e "$g" ] || continue
	name=$(basename "$g" .aml)
	case " $cases " in *"/$name.yaml "*) continue ;; esac
	not_ok "tests/golden/ssdt/$name.aml has no case (examples/ or tests/ssdt/cases/)"
done

done_testing
