#!/bin/sh
# Any HEST round-trips, not only the tables we have: real tables with random
# changes (bytes overwritten from offset 4 on, bytes appended, the end cut
# anywhere after the 40-byte header) must decompile, and the description must
# compile back to exactly the changed bytes.  The generator is seeded, so a
# failure is reproducible; failing inputs are kept in the log as hex.
. "$top_srcdir/tests/lib.sh"

corpus=$shared_dir/corpus/real/hest
[ -d "$corpus" ] || { not_ok "corpus $corpus exists"; done_testing; exit 1; }

python3 - "$HESTC" "$scratch" "$corpus" "$shared_dir/reference" <<'PY'
import glob, os, random, subprocess, sys
hestc, scratch, corpus, reference = sys.argv[1:5]
tables = sorted(glob.glob(os.path.join(corpus, "*.dat")))
tables += [os.path.join(reference, "qemu", "aarch64-virt-HEST.loaded"),
           os.path.join(reference, "iasl", "hest-template.aml")]
n = 0
def report(ok, what):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
for seed in range(1, 9):
    rng = random.Random(seed)
    bad = []
    for i in range(60):
        t = bytearray(open(rng.choice(tables), "rb").read())
        for _ in range(rng.randint(1, 6)):
            op = rng.random()
            if op < 0.7:
                t[rng.randrange(4, len(t))] = rng.randrange(256)
            elif op < 0.85:
                t += bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
            elif len(t) > 41:
                del t[rng.randrange(40, len(t)):]
        path = os.path.join(scratch, "m.aml")
        open(path, "wb").write(t)
        desc, out = os.path.join(scratch, "m.yaml"), os.path.join(scratch, "out")
        r = subprocess.run([hestc, "decompile", "-q", path, "-o", desc], capture_output=True, text=True)
        if r.returncode != 0:
            bad.append((bytes(t), "decompile: " + r.stderr.strip()[:300]))
            continue
        r = subprocess.run([hestc, "compile", "-q", desc, "-o", out], capture_output=True, text=True)
        got = open(os.path.join(out, "hest.aml"), "rb").read() if r.returncode == 0 else None
        if got != bytes(t):
            bad.append((bytes(t), "compile: " + (r.stderr.strip()[:300] or "different bytes")))
    report(not bad, "seed %d: 60 changed tables decompile and compile back to the same bytes" % seed)
    for t, why in bad[:2]:
        print("# %s\n# input: %s" % (why.replace("\n", "\n# "), t.hex()))
print("1..%d" % n)
PY
