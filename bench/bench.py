#!/usr/bin/env python3
"""hestc's benchmark: hestc and hestval side by side with iasl and libyaml.

Run it through `make bench` (the real run, results in bench/results/) or
`make bench-smoke` (tiny sizes, one run each: it only checks that everything
runs).  See bench/README.md for what is measured and how to read it.

For each size N it generates a description of N GHESv2 sources
(bench/gendesc.py), compiles it once with `--emit hest,dsl`, has iasl compile
our hest.dsl and checks that iasl's table is ours byte for byte (the header's
creator id/revision and the checksum aside, which iasl writes itself; the
descriptions already carry iasl's own values, so the bytes are normally
identical).  Then it times, each for several runs, every program forked from
bench/timeit (CPU time and peak memory from the kernel's rusage):

  yaml       bench/yaml_baseline: libyaml's bare event parse of the same file
  hestc      hestc compile DESC -o DIR            (hest.aml)
  hestc-all  hestc compile DESC -o DIR --emit all (every output)
  iasl       iasl -p out hest.dsl                 (our .dsl)
  hestval    hestval validate -q hest.aml
  iasl-d     iasl -d hest.aml

and over the real corpus (one process each): hestval validate of every table,
iasl -d of every table, iasl -d of the smallest table alone, `iasl -v` (a
bare iasl start-up) and `hestval --help` (a bare hestval start-up).
"""
import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import gendesc  # noqa: E402  (bench/gendesc.py)

# The header bytes iasl writes itself: checksum (9) and creator id and
# revision (28..35).
IASL_OWN = set([9]) | set(range(28, 36))

# A run slower than this is repeated only SLOW_RUNS times in all.
SLOW_SECONDS = 5.0


class Fail(Exception):
    pass


def log(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.stderr.flush()


def timeit(args, cmd, runs, cwd=None, timeout=0, ok_status=("0",)):
    """Runs cmd `runs` times through bench/timeit; returns a list of dicts.
    A run slower than SLOW_SECONDS cuts the count to args.slow_runs; a run
    that timed out ends the series."""
    out = []
    while len(out) < runs:
        argv = [args.timeit, "-r", "1"]
        if timeout:
            argv += ["-t", str(timeout)]
        if cwd:
            argv += ["-d", cwd]
        argv += ["--"] + cmd
        r = subprocess.run(argv, stdout=subprocess.PIPE, check=True, universal_newlines=True)
        f = r.stdout.split()
        run = {"wall": float(f[0]), "cpu": float(f[1]), "user": float(f[2]), "sys": float(f[3]),
               "rss": int(f[4]), "status": f[5]}
        out.append(run)
        if run["status"] == "timeout":
            break
        if run["status"] not in ok_status:
            raise Fail("%s exited with %s" % (" ".join(cmd), run["status"]))
        if run["wall"] > SLOW_SECONDS:
            runs = min(runs, max(args.slow_runs, len(out)))
    return out


def summary(runs):
    done = [r for r in runs if r["status"] != "timeout"]
    if not done:
        return {"n": 0, "timeout": runs[0]["wall"], "rss": max(r["rss"] for r in runs)}
    cpu = [r["cpu"] for r in done]
    wall = [r["wall"] for r in done]
    return {"n": len(done), "cpu_min": min(cpu), "cpu_med": statistics.median(cpu), "cpu_runs": cpu,
            "wall_min": min(wall), "wall_med": statistics.median(wall),
            "rss": max(r["rss"] for r in done), "timeout": None}


def compare_tables(ours, theirs):
    """'identical', 'identical but for iasl's header bytes', or raises."""
    if ours == theirs:
        return "identical"
    if len(ours) != len(theirs):
        raise Fail("iasl's table has %d bytes, ours %d" % (len(theirs), len(ours)))
    diff = [i for i in range(len(ours)) if ours[i] != theirs[i]]
    if all(i in IASL_OWN for i in diff):
        return "identical but for iasl's checksum/creator bytes"
    raise Fail("iasl's table differs from ours at offset 0x%x (and %d more bytes)" % (diff[0], len(diff) - 1))


def machine_facts(args):
    facts = []
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = "%.1f GiB" % (int(line.split()[1]) / 1048576.0)
    except OSError:
        pass
    facts.append(("CPU", "%s, %d cores" % (model, os.cpu_count() or 0)))
    facts.append(("memory", mem))
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            facts.append(("transparent huge pages", f.read().strip()))
    except OSError:
        pass
    facts.append(("kernel", "%s %s" % (platform.system(), platform.release())))
    for name, cmd in (("hestc", [args.hestc, "--version"]), ("iasl", [args.iasl or "iasl", "-v"]),
                      ("libyaml", ["pkg-config", "--modversion", "yaml-0.1"]), ("cc", ["cc", "--version"])):
        try:
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                               timeout=30)
            lines = [ln.strip() for ln in r.stdout.splitlines() if ln.strip()]
            if name == "iasl":
                lines = [ln for ln in lines if "version" in ln] or lines
            facts.append((name, lines[0] if lines else "?"))
        except (OSError, subprocess.SubprocessError):
            facts.append((name, "not found"))
    rev = args.source
    try:
        rev = rev or subprocess.run(["git", "-C", args.srcdir, "describe", "--always", "--dirty"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    universal_newlines=True).stdout.strip()
    except OSError:
        pass
    facts.append(("source", rev or "?"))
    facts.append(("load average at start", "%.2f %.2f %.2f" % os.getloadavg()))
    return facts


def fmt_time(s):
    if s is None:
        return "—"
    if s >= 1:
        return "%.2f s" % s
    if s >= 0.001:
        return "%.1f ms" % (s * 1e3)
    return "%.0f µs" % (s * 1e6)


def cell(sm):
    if sm is None:
        return "—"
    if sm["n"] == 0:
        return "> %s (stopped)" % fmt_time(sm["timeout"])
    return "%s / %s" % (fmt_time(sm["cpu_min"]), fmt_time(sm["cpu_med"]))


def med(sm):
    return sm["cpu_med"] if sm and sm["n"] else None


def ratio(a, b, lower_bound=False):
    if a is None or b is None or b == 0:
        return "—"
    return "%s%.0f×" % ("> " if lower_bound else "", a / b) if a / b >= 10 else "%s%.2f×" % (
        "> " if lower_bound else "", a / b)


def mib(kib):
    return "%.1f MiB" % (kib / 1024.0)


def real_program(path):
    """The program itself rather than libtool's wrapper script in an
    uninstalled build (the wrapper is a shell script that would be timed
    too): DIR/.libs/NAME, with the build's .libs on LD_LIBRARY_PATH."""
    path = os.path.abspath(path)
    d, name = os.path.split(path)
    inner = os.path.join(d, ".libs", name)
    try:
        with open(path, "rb") as f:
            script = f.read(2) == b"#!"
    except OSError:
        raise Fail("%s: cannot read (build it first)" % path)
    if not script or not os.path.exists(inner):
        return path
    libs = os.path.join(os.path.dirname(d), ".libs")
    old = os.environ.get("LD_LIBRARY_PATH")
    if libs not in (old or "").split(":"):
        os.environ["LD_LIBRARY_PATH"] = libs + (":" + old if old else "")
    return inner


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hestc", required=True)
    ap.add_argument("--hestval", required=True)
    ap.add_argument("--baseline", required=True, help="bench/yaml_baseline")
    ap.add_argument("--timeit", required=True, help="bench/timeit")
    ap.add_argument("--iasl", default=shutil.which("iasl"))
    ap.add_argument("--corpus", help="directory of real HEST tables (*.dat)")
    ap.add_argument("--srcdir", default=os.path.dirname(HERE))
    ap.add_argument("--source", help="what source was built (default: git describe of --srcdir)")
    ap.add_argument("--work", required=True, help="scratch directory (descriptions, outputs)")
    ap.add_argument("--out", required=True, help="where results.md, results.tsv and plot.png go")
    ap.add_argument("--sizes", default="1,8,64,512,1024,8192,65535")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--slow-runs", type=int, default=3)
    ap.add_argument("--quick-runs", type=int, default=51,
                    help="rounds of the corpus and start-up rows (each about a millisecond)")
    ap.add_argument("--iasl-timeout", type=float, default=600)
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, one run each, no plot needed")
    args = ap.parse_args()
    for attr in ("hestc", "hestval", "baseline"):
        setattr(args, attr, real_program(getattr(args, attr)))
    if args.smoke:
        args.sizes = "1,8"
        args.runs = 1
        args.slow_runs = 1
        args.quick_runs = 1
    sizes = [int(x) for x in args.sizes.split(",")]
    # the N of the row where every source draws a warning (issue 18)
    warn_n = 8 if args.smoke else 1024
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    if not args.iasl:
        log("iasl not found: the iasl columns stay empty (install acpica-tools)")

    facts = machine_facts(args)
    facts.append(("runs", "%d a case (%d for a case slower than %.0f s); %d for the corpus and start-up rows"
                  % (args.runs, args.slow_runs, SLOW_SECONDS, max(args.runs, args.quick_runs))))
    started = time.time()
    res = {}  # (case, N) -> summary
    raw = []  # rows of results.tsv
    checks = {}

    def record(case, n, rs):
        for i, r in enumerate(rs):
            raw.append((case, n, i + 1, r["wall"], r["cpu"], r["user"], r["sys"], r["rss"], r["status"]))
        res[(case, n)] = summary(rs)
        sm = res[(case, n)]
        log("%-10s N=%-6s cpu %s, peak %s (%d runs)" % (case, n, cell(sm), mib(sm["rss"]), len(rs)))

    def measure(case, n, cmd, runs=None, **kw):
        rs = timeit(args, cmd, runs or args.runs, **kw)
        record(case, n, rs)
        return rs

    def measure_together(cases, rounds=None, warm=False):
        """Runs the cases (case, N, command, timeit options) in turn, one run
        of each per round: the two sides of a comparison see the same
        moments of a shared machine.  Each round takes the cases in another
        order (shuffled, the same every time the benchmark runs): a program
        run just before leaves its code, and the shared C library's, warm
        in the CPU caches, so a case that always followed the same one
        (iasl -v after another iasl) would be favoured.  With `warm`, each
        measured run follows an unmeasured run of the same command, so that
        every program meets its own code warm whatever ran before (for the
        millisecond rows, where that is a sizeable part of the time)."""
        rs = [[] for _ in cases]
        order = list(range(len(cases)))
        shuffle = random.Random(len(cases)).shuffle
        for _ in range(rounds or args.runs):
            shuffle(order)
            for i in order:
                case, n, cmd, kw = cases[i]
                if warm:
                    timeit(args, cmd, 1, **kw)
                rs[i] += timeit(args, cmd, 1, **kw)
        for i, (case, n, cmd, kw) in enumerate(cases):
            record(case, n, rs[i])

    for n in sizes:
        d = os.path.join(args.work, "n%d" % n)
        os.makedirs(d, exist_ok=True)
        desc = os.path.join(d, "desc.yaml")
        if gendesc.main_args([str(n), desc]) != 0:
            raise Fail("cannot generate %s" % desc)
        ref = os.path.join(d, "ref")
        r = subprocess.run([args.hestc, "compile", desc, "-o", ref, "--emit", "hest,dsl", "-q"])
        if r.returncode != 0:
            raise Fail("hestc compile %s --emit hest,dsl exited %d" % (desc, r.returncode))
        with open(os.path.join(ref, "hest.aml"), "rb") as f:
            ours = f.read()
        together = [("yaml", n, [args.baseline, desc], {}),
                    ("hestc", n, [args.hestc, "compile", desc, "-o", os.path.join(d, "hest"), "-q"], {}),
                    ("hestc-all", n, [args.hestc, "compile", desc, "-o", os.path.join(d, "all"), "--emit",
                                      "all", "-q"], {})]
        if n == warn_n:
            # every source draws a warning with its caret line: the cost of
            # diagnostics, in the same rounds as the clean compile
            wdesc = os.path.join(d, "warn.yaml")
            if gendesc.main_args(["--warn", str(n), wdesc]) != 0:
                raise Fail("cannot generate %s" % wdesc)
            together.append(("hestc-warn", n, [args.hestc, "compile", wdesc, "-o", os.path.join(d, "warn"), "-q"],
                             {}))
        measure_together(together)
        measure("hestval", n, [args.hestval, "validate", "-q", os.path.join(ref, "hest.aml")], ok_status=("0", "1"))
        if args.iasl:
            idir = os.path.join(d, "iasl")
            os.makedirs(idir, exist_ok=True)
            shutil.copy(os.path.join(ref, "hest.dsl"), os.path.join(idir, "hest.dsl"))
            out_aml = os.path.join(idir, "out.aml")
            if os.path.exists(out_aml):
                os.remove(out_aml)
            rs = measure("iasl", n, [args.iasl, "-p", "out", "hest.dsl"], runs=args.runs, cwd=idir,
                         timeout=args.iasl_timeout)
            if rs[0]["status"] == "timeout":
                checks[n] = "not checked: iasl stopped after %s" % fmt_time(args.iasl_timeout)
            else:
                with open(out_aml, "rb") as f:
                    checks[n] = compare_tables(ours, f.read())
            ddir = os.path.join(d, "dis")
            os.makedirs(ddir, exist_ok=True)
            shutil.copy(os.path.join(ref, "hest.aml"), os.path.join(ddir, "hest.aml"))
            measure("iasl-d", n, [args.iasl, "-d", "hest.aml"], cwd=ddir, timeout=args.iasl_timeout)
            log("N=%d: iasl's table from our hest.dsl: %s" % (n, checks[n]))

    corpus = []
    if args.corpus and os.path.isdir(args.corpus):
        corpus = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus) if f.endswith(".dat"))
    if corpus:
        cdir = os.path.join(args.work, "corpus")
        os.makedirs(cdir, exist_ok=True)
        names = []
        for p in corpus:
            shutil.copy(p, cdir)
            names.append(os.path.basename(p))
        smallest = min(names, key=lambda x: (os.path.getsize(os.path.join(cdir, x)), x))
        cases = [("hestval", "corpus", [args.hestval, "validate", "-q"] + [os.path.join(cdir, x) for x in names],
                  {"ok_status": ("0", "1")}),
                 ("hestval", "start-up", [args.hestval, "--help"], {})]
        if args.iasl:
            cases += [("iasl-d", "corpus", [args.iasl, "-d"] + names, {"cwd": cdir}),
                      ("iasl-d", "one table", [args.iasl, "-d", smallest], {"cwd": cdir}),
                      ("iasl", "start-up", [args.iasl, "-v"], {})]
        measure_together(cases, max(args.runs, args.quick_runs), warm=True)
    facts.append(("load average at end", "%.2f %.2f %.2f" % os.getloadavg()))
    facts.append(("benchmark wall time", "%.0f s" % (time.time() - started)))

    with open(os.path.join(args.out, "results.tsv"), "w") as f:
        f.write("case\tN\trun\twall_s\tcpu_s\tuser_s\tsys_s\tmaxrss_kib\tstatus\n")
        for row in raw:
            f.write("%s\t%s\t%d\t%.6f\t%.6f\t%.6f\t%.6f\t%d\t%s\n" % row)
    write_markdown(args, sizes, res, checks, facts, corpus)
    write_plot(args, sizes, res)
    log("wrote %s" % os.path.join(args.out, "results.md"))
    return 0


def growth_rows(sizes, res, case):
    rows = []
    for a in sizes:
        b = a * 8 if a * 8 in sizes else (65535 if a == 8192 and 65535 in sizes else None)
        if b is None:
            continue
        x, y = res.get((case, a)), res.get((case, b))
        if x and y and x["n"] and y["n"]:
            rows.append((a, b, y["cpu_med"] / x["cpu_med"], y["rss"] / float(x["rss"])))
    return rows


def write_markdown(args, sizes, res, checks, facts, corpus):
    g = res.get
    L = []
    L.append("# Benchmark results\n")
    L.append("Written by `make bench` (bench/bench.py).  Times are **CPU time** (user + system, from the kernel's "
             "rusage of each process), shown as *min / median* of the runs; wall-clock times are in results.tsv. "
             "CPU time is the measure here because the machine is shared: wall time also counts waiting for a "
             "core.  Peak memory is the process's maximum resident set.\n")
    L.append("| machine | |\n|---|---|")
    for k, v in facts:
        L.append("| %s | %s |" % (k, v))
    L.append("")
    L.append("## Compile: description with N GHESv2 sources → HEST\n")
    L.append("| N | YAML | libyaml parse | hestc compile | hestc ÷ libyaml | hestc --emit all | iasl (our .dsl) "
             "| iasl ÷ hestc | same bytes |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        y, h, a, i = g(("yaml", n)), g(("hestc", n)), g(("hestc-all", n)), g(("iasl", n))
        size = os.path.getsize(os.path.join(args.work, "n%d" % n, "desc.yaml"))
        ih = "—"
        if i and h:
            ih = ratio(i["timeout"], med(h), True) if i["n"] == 0 else ratio(med(i), med(h))
        L.append("| %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            n, mib(size / 1024.0) if size >= 1 << 20 else "%.1f KiB" % (size / 1024.0), cell(y), cell(h),
            ratio(med(h), med(y)), cell(a), cell(i), ih, checks.get(n, "—")))
    L.append("")
    for n in sizes:
        w, h = g(("hestc-warn", n)), g(("hestc", n))
        if w:
            L.append("## Diagnostics: every source draws a warning\n")
            L.append("`bench/gendesc.py --warn %d`: the same description, each source with an error_block_length "
                     "above Linux's cap, so `hestc compile` prints %d warnings (at most 1000, each with its caret "
                     "line) to stderr (/dev/null here).\n" % (n, n))
            L.append("| N | hestc compile, clean | hestc compile, every source warned | warned ÷ clean |")
            L.append("|---:|---:|---:|---:|")
            L.append("| %d | %s | %s | %s |" % (n, cell(h), cell(w), ratio(med(w), med(h))))
            L.append("")
    L.append("## Validate: the compiled HEST\n")
    L.append("| N | table | hestval validate | iasl -d | iasl -d ÷ hestval |")
    L.append("|---:|---:|---:|---:|---:|")
    for n in sizes:
        v, dd = g(("hestval", n)), g(("iasl-d", n))
        tsize = os.path.getsize(os.path.join(args.work, "n%d" % n, "ref", "hest.aml"))
        L.append("| %d | %d bytes | %s | %s | %s |" % (n, tsize, cell(v), cell(dd), ratio(med(dd), med(v))))
    if corpus:
        L.append("")
        L.append("## Real corpus (%d tables, one process each)\n" % len(corpus))
        L.append("| what | CPU min / median | peak memory |")
        L.append("|---|---:|---:|")
        for case, n, what in (("hestval", "corpus", "hestval validate, every table"),
                              ("iasl-d", "corpus", "iasl -d, every table"),
                              ("iasl-d", "one table", "iasl -d, the smallest table alone"),
                              ("iasl", "start-up", "iasl -v (a bare iasl start-up)"),
                              ("hestval", "start-up", "hestval --help (a bare hestval start-up)")):
            sm = g((case, n))
            if sm:
                L.append("| %s | %s | %s |" % (what, cell(sm), mib(sm["rss"])))
    L.append("")
    L.append("## Peak memory\n")
    L.append("| N | libyaml parse | hestc compile | hestc --emit all | iasl | hestval | iasl -d |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        L.append("| %d | %s |" % (n, " | ".join(mib(g((c, n))["rss"]) if g((c, n)) else "—"
                                             for c in ("yaml", "hestc", "hestc-all", "iasl", "hestval", "iasl-d"))))
    L.append("")
    L.append("## Growth from N to 8N (median CPU time; peak memory)\n")
    L.append("| program | N → 8N | time × | memory × |")
    L.append("|---|---|---:|---:|")
    for case in ("yaml", "hestc", "hestc-all", "iasl", "hestval", "iasl-d"):
        for a, b, t, m in growth_rows(sizes, res, case):
            L.append("| %s | %d → %d | %.2f | %.2f |" % (case, a, b, t, m))
    L.append("")
    L.append(targets(sizes, res, corpus))
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write("\n".join(L) + "\n")


def targets(sizes, res, corpus):
    g = res.get
    rows = []

    def verdict(ok):
        return "**met**" if ok else "**not met**"

    h, y = med(g(("hestc", 8192))), med(g(("yaml", 8192)))
    if h and y:
        rows.append(("hestc compile N=8192 ≤ 1.5× libyaml's event parse", "%.2f×" % (h / y), verdict(h <= 1.5 * y)))
    for n in sorted(set(k[1] for k in res if k[0] == "hestc-warn")):
        w, hh = med(g(("hestc-warn", n))), med(g(("hestc", n)))
        if w and hh:
            rows.append(("hestc compile N=%d, every source warned, within 2× of the clean one" % n,
                         "%.2f×" % (w / hh), verdict(w <= 2 * hh)))
    for n, want in ((8192, 500), (1024, 50)):
        i, hh = g(("iasl", n)), med(g(("hestc", n)))
        if i and hh:
            v = (i["timeout"] if i["n"] == 0 else med(i)) / hh
            rows.append(("iasl ÷ hestc at N=%d ≥ %d×" % (n, want), "%s%.0f×" % ("> " if i["n"] == 0 else "", v),
                         verdict(v >= want)))
    for case in ("hestc", "hestc-all", "hestval"):
        for a, b, t, m in growth_rows(sizes, res, case):
            if a >= 1024:
                rows.append(("%s time N=%d → %d ≤ 9×" % (case, a, b), "%.2f×" % t, verdict(t <= 9)))
                rows.append(("%s memory N=%d → %d ≤ 9× (linear)" % (case, a, b), "%.2f×" % m, verdict(m <= 9)))
    v, dd = med(g(("hestval", 8192))), med(g(("iasl-d", 8192)))
    if v and dd:
        rows.append(("hestval validate N=8192 faster than iasl -d", "%s vs %s" % (fmt_time(v), fmt_time(dd)),
                     verdict(v < dd)))
    hv = g(("hestval", "corpus"))
    for n, what in (("one table", "iasl -d of one table"), ("start-up", "iasl -v")):
        iv = g(("iasl-d" if n == "one table" else "iasl", n))
        c, s = med(hv), med(iv)
        if c and s:
            # the runs of one round ran at the same moment: "less time" is
            # a lower median and hestval faster in most rounds
            pairs = list(zip(hv["cpu_runs"], iv["cpu_runs"]))
            wins = sum(a < b for a, b in pairs)
            rows.append(("hestval over the corpus < one iasl start-up (%s)" % what,
                         "%s vs %s; faster in %d of %d rounds" % (fmt_time(c), fmt_time(s), wins, len(pairs)),
                         verdict(c < s and 2 * wins > len(pairs))))
    out = ["## Targets (issues 9 and 18)\n", "| target | measured | |", "|---|---:|---|"]
    out += ["| %s | %s | %s |" % r for r in rows]
    return "\n".join(out) + "\n"


def write_plot(args, sizes, res):
    gp = shutil.which("gnuplot")
    if not gp:
        if not args.smoke:
            log("gnuplot not found: no plot (install gnuplot-nox)")
        return
    cases = [("hestc", "hestc compile"), ("hestc-all", "hestc --emit all"), ("yaml", "libyaml event parse"),
             ("iasl", "iasl (compile .dsl)"), ("hestval", "hestval validate"), ("iasl-d", "iasl -d")]
    data = os.path.join(args.out, "plot.dat")
    with open(data, "w") as f:
        f.write("# N " + " ".join(c for c, _ in cases) + "  (median CPU seconds; - = not measured)\n")
        for n in sizes:
            vals = []
            for c, _ in cases:
                sm = res.get((c, n))
                vals.append("%.6g" % sm["cpu_med"] if sm and sm["n"] else "-")
            f.write("%d %s\n" % (n, " ".join(vals)))
    script = os.path.join(args.work, "plot.gp")
    with open(script, "w") as f:
        f.write('set terminal pngcairo size 900,600 font ",10"\n' if not args.smoke else
                'set terminal png size 900,600\n')
        f.write('set output "%s"\n' % os.path.join(args.out, "plot.png"))
        f.write('set datafile missing "-"\n')
        f.write("set logscale xy\nset grid\nset key top left\n")
        f.write('set xlabel "error sources (N)"\nset ylabel "CPU time, median (s)"\n')
        f.write('set title "hestc and hestval vs iasl and the bare libyaml parse"\n')
        f.write("plot " + ", ".join('"%s" using 1:%d with linespoints title "%s"' % (data, i + 2, t)
                                    for i, (_, t) in enumerate(cases)) + "\n")
    r = subprocess.run([gp, script], stderr=subprocess.PIPE, universal_newlines=True)
    if r.returncode != 0 and "pngcairo" in r.stderr:
        with open(script) as f:
            text = f.read().replace('set terminal pngcairo size 900,600 font ",10"', "set terminal png size 900,600")
        with open(script, "w") as f:
            f.write(text)
        r = subprocess.run([gp, script], stderr=subprocess.PIPE, universal_newlines=True)
    if r.returncode != 0:
        raise Fail("gnuplot failed: %s" % r.stderr.strip())


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Fail, subprocess.CalledProcessError, OSError) as e:
        log("error: %s" % e)
        sys.exit(1)
