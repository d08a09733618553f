#!/bin/sh
# hestval validate --ssdt: each SSDT-* rule fires on an SSDT built to break
# it (tests/ssdt/val/*.asl compiled by iasl here, or hestc's own SSDTs with
# bytes changed), and hestc's SSDTs pass.  The HEST is examples/arm-ged-gpio
# (one GSIV- and one GPIO-notified GHESv2).  Then the reader meets every
# truncation and many byte flips of the goldens without failing unsafely.
. "$top_srcdir/tests/lib.sh"
T=$scratch
need_iasl
G=$top_srcdir/tests/golden/ssdt
hest=$top_srcdir/tests/golden/arm-ged-gpio.aml

# run NAME SSDT: validates the HEST with --ssdt, output in $T/NAME.out
run() {
	"$HESTVAL" validate -q -w HEST-GAS-ZERO --ssdt "$2" "$hest" >"$T/$1.out" 2>"$T/$1.err"
	echo $? >"$T/$1.rc"
}

# fires RULE NAME SSDT 'message part'
fires() {
	run "$2" "$3"
	if grep -F "[$1]: " "$T/$2.out" | grep -qF -- "$4"; then
		ok "$1 fires on $2: $4"
	else
		not_ok "$1 fires on $2: $4"
		diag "$(cat "$T/$2.out" "$T/$2.err")"
	fi
}

# lacks RULE NAME: the last run of NAME did not report RULE
lacks() {
	if grep -qF "[$1]: " "$T/$2.out"; then
		not_ok "$1 stays silent on $2"
		diag "$(cat "$T/$2.out")"
	else
		ok "$1 stays silent on $2"
	fi
}

for f in "$top_srcdir"/tests/ssdt/val/*.asl; do
	n=$(basename "$f" .asl)
	cp "$f" "$T/$n.asl"
	(cd "$T" && "$iasl" "$n.asl" >"$n.iasl.log" 2>&1) || diag "iasl failed on $n.asl: $(cat "$T/$n.iasl.log")"
done

# hestc's SSDT for the same description: clean, exit 0.
run good "$G/arm-ged-gpio.aml"
check "hestc's SSDT for arm-ged-gpio passes (exit 0)" test "$(cat "$T/good.rc")" -eq 0
check "hestc's SSDT for arm-ged-gpio draws no SSDT diagnostic" sh -c "! grep -q 'SSDT-' '$T/good.out'"
run none "$G/external-aei.aml"
check "an SSDT whose pins are in the DSDT's _AEI passes with a note" test "$(cat "$T/none.rc")" -eq 0
fires SSDT-UNVERIFIED unverified-aei "$G/external-aei.aml" "is declared elsewhere: not checked"
fires SSDT-UNVERIFIED unverified-device "$G/qemu-external-device.aml" "which this SSDT does not declare"
lacks SSDT-EVENT-MISSING unverified-device

fires SSDT-EVENT-MISSING missing "$T/missing.aml" "notified by gsiv, but"
fires SSDT-EVENT-MISSING missing "$T/missing.aml" "notified by gpio, but"
check "a missing event path is an error (exit 1)" test "$(cat "$T/missing.rc")" -eq 1
fires SSDT-EVENT-NO-METHOD no-method "$T/no-method.aml" "interrupt 106 of \\_SB.GEDE has no event method"
fires SSDT-EVENT-NO-NOTIFY no-notify "$T/no-notify.aml" "notifies \\_SB.HED0 with 0x81, not 0x80"
fires SSDT-EVENT-NO-NOTIFY no-notify "$T/no-notify.aml" "notifies \\_SB.FOO0, whose _HID is not PNP0C33"
fires SSDT-EVENT-UNREACHABLE no-notify "$T/no-notify.aml" "no interrupt or pin of \\_SB.GEDE leads here"
fires SSDT-ERROR-DEVICE-COUNT two-devices "$T/two-devices.aml" "\\_SB.HED1 is a second hardware error device"
lacks SSDT-EVENT-MISSING two-devices
lacks SSDT-EVENT-NO-NOTIFY two-devices
fires SSDT-AML-UNSUPPORTED unsupported "$T/unsupported.aml" "a method statement other than Notify"
lacks SSDT-EVENT-MISSING unsupported
lacks SSDT-EVENT-NO-NOTIFY unsupported

# Byte edits of hestc's SSDT.
python3 - "$G/arm-ged-gpio.aml" "$T" <<'EOF'
import sys
src, out = sys.argv[1], sys.argv[2]
b = bytearray(open(src, "rb").read())
def fix(x):
    x[9] = 0
    x[9] = (-sum(x)) & 0xFF
    return x
c = bytearray(b); c[9] = (c[9] + 1) & 0xFF
open(out + "/checksum.aml", "wb").write(c)
s = bytearray(b); s[0:4] = b"XSDT"
open(out + "/signature.aml", "wb").write(fix(s))
open(out + "/truncated.aml", "wb").write(b[:-5])
# The first Scope's PkgLength (after If (Zero) {External}) made 0xFFF: past the table.
m = bytearray(b)
at = 36 + 1 + m[37]  # If (Zero) is 1 + its PkgLength bytes long
assert m[at] == 0x10 and m[at + 1] >> 6 == 1
m[at + 1], m[at + 2] = 0x4F, 0xFF
open(out + "/malformed.aml", "wb").write(fix(m))
EOF
fires SSDT-CHECKSUM checksum "$T/checksum.aml" "the bytes sum to 0x01, not 0"
fires SSDT-HEADER signature "$T/signature.aml" "the signature is neither SSDT nor DSDT"
fires SSDT-HEADER truncated "$T/truncated.aml" "Length says"
fires SSDT-AML-MALFORMED malformed "$T/malformed.aml" "runs past the enclosing package"
lacks SSDT-EVENT-MISSING malformed

# Robustness through the command line: truncations (with Length and
# checksum fixed so the reader runs) and 50 random byte flips of each
# golden: hestval exits 0 or 1 and prints a summary line, never crashes.
# (tests/ssdt/aml_test.c runs the reader itself over many more.)
python3 - "$G" "$T/fuzz" <<'EOF'
import glob, os, random, sys
gdir, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
rnd = random.Random(11)
k = 0
for path in sorted(glob.glob(os.path.join(gdir, "*.aml"))):
    b = bytearray(open(path, "rb").read())
    cases = []
    for n in range(36, len(b), 7):
        t = bytearray(b[:n]); t[4:8] = n.to_bytes(4, "little"); cases.append(t)
    for _ in range(50):
        t = bytearray(b)
        for _ in range(rnd.randint(1, 4)):
            t[rnd.randrange(36, len(t))] = rnd.randrange(256)
        cases.append(t)
    for t in cases:
        t[9] = 0
        t[9] = (-sum(t)) & 0xFF
        open(os.path.join(out, "%05d.aml" % k), "wb").write(t)
        k += 1
print(k)
EOF
bad=0 total=0
for f in "$T"/fuzz/*.aml; do
	total=$((total + 1))
	"$HESTVAL" validate -q -w HEST-GAS-ZERO --ssdt "$f" "$hest" >"$T/fz.out" 2>&1
	rc=$?
	if [ "$rc" -gt 1 ] || ! grep -qE "[0-9]+ errors?, " "$T/fz.out"; then
		bad=$((bad + 1))
		[ "$bad" -le 3 ] && diag "$f: exit $rc: $(head -c 300 "$T/fz.out")"
	fi
done
check "the reader survives $total truncated or flipped SSDTs (exit 0 or 1, a summary each)" test "$bad" -eq 0

done_testing
