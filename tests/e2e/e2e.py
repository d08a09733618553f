#!/usr/bin/env python3
"""Byte-level helpers of the end-to-end harness (tests/e2e/*.sh).

Subcommands:
  companion   build the ACPI tables Linux needs besides the HEST (RSDP, XSDT,
              RSDT, FADT, FACS, DSDT, MADT) around hestc's hest.aml, plus the
              loader listings that link them (assembled by loader-asm)
  put-block   copy an error status block into a source's block in the
              hardware_errors blob, at the offset hest-layout.json gives
  patch-hest  overwrite one field of one error source in hest.aml and fix the
              checksum (to bypass the validator on purpose)
  compare-patched  check the HEST a guest got after SeaBIOS ran the loader
              against hest.aml (only the patched addresses may differ)
  hestval-vs-linux  compare hestval's prediction of what Linux does with a
              table (validate --format json) with what the guest's kernel did
  hestval-lines  the kernel's lines about each GHES source against the
              lines hestval's Linux model quotes for it
  section     extract what the guest printed between two markers on the
              console (its dmesg, or the HEST as od -tx1 lines) into a file
  region      the guest memory region the guest printed (E2E-REGION: one
              "ADDRESS VALUE" line per u64) as bytes, and its address
  simulate    execute a BIOS linker/loader script over blobs at given
              addresses, as UEFI firmware (OVMF/AAVMF) or SeaBIOS does
  judge       QEMU as the judge: compare what a guest read from QEMU's own
              HEST, etc/hardware_errors and raw fw_cfg blobs with hestc's
              outputs for the matching description
  elf         is a file a static ELF executable for a given machine

Everything here is ACPI 6.5 chapter 5 (RSDP, XSDT, RSDT, FADT, FACS layouts),
the loader command layout docs/placement.md gives (QEMU's BiosLinkerLoaderEntry),
the ELF header fields (e_ident, e_machine, program headers) and the placement
JSON hestc writes; nothing is copied from a consumer.
"""
import argparse
import json
import re
import struct
import sys

TABLE_HEADER = 36


def checksum_fix(buf, start, length, at):
    """Set byte `at` so that buf[start:start+length] sums to 0 mod 256."""
    buf[at] = 0
    buf[at] = (-sum(buf[start:start + length])) & 0xFF


def acpi_header(sig, length, revision, oem_table_id):
    return struct.pack("<4sIBB6s8sI4sI", sig, length, revision, 0, b"HESTC ",
                       oem_table_id, 1, b"HSTC", 1)


def align_up(v, a):
    return (v + a - 1) // a * a


def load_layout(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# Companion tables per machine: the ones read from the tables directory, in
# the order they follow the HEST in etc/acpi/tables, and the ones the XSDT
# (and RSDT) lists.  q35: FACS at 0 (built here), an RSDT too.  Arm virt
# (hardware-reduced ACPI, tests/e2e/virt/): no FACS, no RSDT.
MACHINES = {
    "q35": {"tables": ("DSDT", "FACP", "APIC"), "listed": ("FACP", "APIC"),
            "facs": True, "rsdt": True, "rsdp_zone": "fseg"},
    "virt": {"tables": ("DSDT", "FACP", "APIC", "GTDT", "SPCR", "MCFG", "IORT", "PPTT", "DBG2"),
             "listed": ("FACP", "APIC", "GTDT", "SPCR", "MCFG", "IORT", "PPTT", "DBG2"),
             "facs": False, "rsdt": False, "rsdp_zone": "high"},
}


def cmd_companion(a):
    layout = load_layout(a.layout)
    mach = MACHINES[a.machine]
    place = layout["placement"]
    if place.get("mode") != "linker-loader":
        sys.exit("companion: placement mode is %r, not linker-loader" % place.get("mode"))
    tables_name = place["tables_blob"]
    hest_off = int(place["table_offset"])
    with open(a.hest, "rb") as f:
        hest = f.read()
    # the HEST, or a BERT or EINJ with its bert-/einj-layout.json
    sig = bytes(hest[:4])
    if sig not in (b"HEST", b"BERT", b"EINJ") or len(hest) != layout["table"]["length"]:
        sys.exit("companion: %s is not the table %s describes" % (a.hest, a.layout))
    sig = sig.decode()
    tabs = {}
    for name in mach["tables"]:
        with open("%s/%s.bin" % (a.tables, name), "rb") as f:
            tabs[name] = bytearray(f.read())
        if tabs[name][:4] != name.encode():
            sys.exit("companion: %s/%s.bin has signature %r" % (a.tables, name, bytes(tabs[name][:4])))

    # etc/acpi/tables: on q35 FACS first (64 bytes, 64-byte aligned: the
    # blob is allocated with align 64); the HEST where hestc was told it
    # sits, then the rest, each 8-byte aligned.
    offs = {sig: hest_off}
    if mach["facs"]:
        if hest_off < 64 or hest_off % 8:
            sys.exit("companion: table_offset 0x%x must be >= 0x40 and 8-byte aligned (FACS sits at 0)" % hest_off)
        blob = bytearray(hest_off)
        blob[0:64] = struct.pack("<4sIIIII", b"FACS", 64, 0, 0, 0, 0) + bytes(40)
        blob[32] = 1  # FACS version 1: the 64-bit waking vector field exists
        offs["FACS"] = 0
    else:
        if hest_off % 8:
            sys.exit("companion: table_offset 0x%x must be 8-byte aligned" % hest_off)
        blob = bytearray(hest_off)
    blob += hest

    def place_table(name, data):
        nonlocal blob
        blob += bytes(align_up(len(blob), 8) - len(blob))
        offs[name] = len(blob)
        blob += data

    place_table("DSDT", tabs["DSDT"])
    facp = tabs["FACP"]
    # FIRMWARE_CTRL (u32 @36), DSDT (u32 @40), X_FIRMWARE_CTRL (u64 @132),
    # X_DSDT (u64 @140): offsets into the tables blob, made absolute by
    # ADD_POINTER.  The saved FADT held one boot's addresses; QEMU itself
    # fills FIRMWARE_CTRL (q35 only: the arm FADT is hardware-reduced, no
    # FACS), DSDT and X_DSDT, and leaves X_FIRMWARE_CTRL 0.
    struct.pack_into("<I", facp, 36, offs.get("FACS", 0))
    struct.pack_into("<I", facp, 40, offs["DSDT"])
    struct.pack_into("<Q", facp, 132, 0)
    struct.pack_into("<Q", facp, 140, offs["DSDT"])
    place_table("FACP", facp)
    for name in mach["tables"]:
        if name not in ("DSDT", "FACP"):
            place_table(name, tabs[name])
    listed = list(mach["listed"]) + [sig]
    xsdt = bytearray(acpi_header(b"XSDT", TABLE_HEADER + 8 * len(listed), 1, b"E2E XSDT"))
    for name in listed:
        xsdt += struct.pack("<Q", offs[name])
    place_table("XSDT", xsdt)
    sdts = [("XSDT", 8)]
    if mach["rsdt"]:
        rsdt = bytearray(acpi_header(b"RSDT", TABLE_HEADER + 4 * len(listed), 1, b"E2E RSDT"))
        for name in listed:
            rsdt += struct.pack("<I", offs[name])
        place_table("RSDT", rsdt)
        sdts.append(("RSDT", 4))
    # The checksums firmware recomputes are left 0 on purpose: a missing
    # ADD_CHECKSUM must show up as a table Linux rejects, and UEFI firmware
    # computes them assuming the byte is 0.
    for name, _ in sdts:
        blob[offs[name] + 9] = 0
    blob[offs["FACP"] + 9] = 0

    rsdp = bytearray(struct.pack("<8sB6sBIIQB3s", b"RSD PTR ", 0, b"HESTC ", 2,
                                 offs.get("RSDT", 0), 36, offs["XSDT"], 0, bytes(3)))
    rsdp_name = a.rsdp_blob

    with open(a.out + "/tables.bin", "wb") as f:
        f.write(blob)
    with open(a.out + "/rsdp.bin", "wb") as f:
        f.write(rsdp)

    t = '"%s"' % tables_name
    r = '"%s"' % rsdp_name
    pre = [
        "# e2e harness, before hestc's script: the blobs it does not allocate",
        "# the ACPI tables blob (a FACS at 0 needs 64-byte alignment)",
        "ALLOCATE      file=%s align=64 zone=high" % t,
    ]
    if mach["rsdp_zone"] == "fseg":
        pre += ["# the RSDP must sit in the F segment, where the OS scans for it",
                "ALLOCATE      file=%s align=16 zone=fseg" % r]
    else:
        pre += ["# the RSDP: UEFI firmware builds its own from this one's XSDT pointer target",
                "ALLOCATE      file=%s align=16 zone=high" % r]
    post = ["# e2e harness, after hestc's script: link the companion tables"]
    fadt = offs["FACP"]
    if mach["facs"]:
        post += ["# FADT.FIRMWARE_CTRL -> FACS",
                 "ADD_POINTER   dest=%s offset=0x%x size=4 src=%s" % (t, fadt + 36, t)]
    post += [
        "# FADT.DSDT -> DSDT",
        "ADD_POINTER   dest=%s offset=0x%x size=4 src=%s" % (t, fadt + 40, t),
        "# FADT.X_DSDT -> DSDT",
        "ADD_POINTER   dest=%s offset=0x%x size=8 src=%s" % (t, fadt + 140, t),
        "ADD_CHECKSUM  file=%s offset=0x%x start=0x%x length=0x%x" % (t, fadt + 9, fadt, len(facp)),
    ]
    for sdt, width in sdts:
        base = offs[sdt]
        for i, name in enumerate(listed):
            post += ["# %s entry %d -> %s" % (sdt, i, name),
                     "ADD_POINTER   dest=%s offset=0x%x size=%d src=%s" % (t, base + TABLE_HEADER + width * i, width, t)]
        post.append("ADD_CHECKSUM  file=%s offset=0x%x start=0x%x length=0x%x"
                    % (t, base + 9, base, TABLE_HEADER + width * len(listed)))
    if mach["rsdt"]:
        post += ["# RSDP.RsdtAddress -> RSDT",
                 "ADD_POINTER   dest=%s offset=0x10 size=4 src=%s" % (r, t)]
    post += [
        "# RSDP.XsdtAddress -> XSDT",
        "ADD_POINTER   dest=%s offset=0x18 size=8 src=%s" % (r, t),
        "# the ACPI 1.0 checksum (first 20 bytes) before the extended one covering it",
        "ADD_CHECKSUM  file=%s offset=0x8 start=0x0 length=0x14" % r,
        "ADD_CHECKSUM  file=%s offset=0x20 start=0x0 length=0x24" % r,
    ]
    with open(a.out + "/companion-pre.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(pre) + "\n")
    with open(a.out + "/companion-post.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(post) + "\n")
    with open(a.out + "/companion.json", "w", encoding="utf-8") as f:
        json.dump({"offsets": offs, "tables_blob": tables_name, "rsdp_blob": rsdp_name,
                   "tables_size": len(blob)}, f, indent=1, sort_keys=True)


def source_by_name(layout, name):
    for s in layout["sources"]:
        if s["name"] == name:
            return s
    sys.exit("no source named %r in the layout" % name)


def cmd_put_block(a):
    layout = load_layout(a.layout)
    with open(a.blob, "rb") as f:
        blob = bytearray(f.read())
    for spec in a.put:
        name, _, path = spec.partition("=")
        src = source_by_name(layout, name)
        if "block_offset" not in src:
            sys.exit("put-block: source %r has no block inside the blob" % name)
        with open(path, "rb") as f:
            block = f.read()
        off, size = int(src["block_offset"]), int(src["block_size"])
        if len(block) > size:
            sys.exit("put-block: %s is %d bytes, source %r's block holds %d" % (path, len(block), name, size))
        if any(blob[off:off + size]):
            sys.exit("put-block: source %r's block is not empty in %s" % (name, a.blob))
        blob[off:off + len(block)] = block
        # A GHESv2 block holding a record the OS has not consumed goes with a
        # read-ack register of 0: firmware clears it when it writes a record
        # and the OS sets it (preserve/write) when done.
        if "read_ack_offset" in src:
            ack = int(src["read_ack_offset"])
            blob[ack:ack + 8] = bytes(8)
    with open(a.out, "wb") as f:
        f.write(blob)


def cmd_patch_hest(a):
    layout = load_layout(a.layout)
    with open(a.hest, "rb") as f:
        hest = bytearray(f.read())
    src = source_by_name(layout, a.source)
    at = int(src["hest_offset"]) + a.field_offset
    if at + a.size > len(hest):
        sys.exit("patch-hest: offset past the table")
    hest[at:at + a.size] = a.value.to_bytes(a.size, "little")
    checksum_fix(hest, 0, len(hest), 9)
    with open(a.out, "wb") as f:
        f.write(hest)


def section(log, name, hexdump):
    """The lines the guest printed between E2E-<name>-BEGIN and E2E-<name>-END;
    with hexdump, the bytes of `od -An -tx1 -v` lines in between."""
    begin, end = "E2E-%s-BEGIN" % name, "E2E-%s-END" % name
    lines, inside = [], False
    for line in log.splitlines():
        bare = line.strip()
        if bare == begin:
            inside, lines = True, []
            continue
        if bare == end and inside:
            break
        if inside:
            lines.append(line)
    else:
        return None
    if not hexdump:
        return ("\n".join(lines) + "\n").encode()
    out = bytearray()
    for line in lines:
        bare = line.strip()
        if re.fullmatch(r"[0-9a-f]{2}( [0-9a-f]{2})*", bare):
            out += bytes(int(x, 16) for x in bare.split())
        else:
            sys.exit("section: unexpected line inside %s: %r" % (name, line))
    return bytes(out)


def cmd_section(a):
    with open(a.log, encoding="utf-8", errors="replace") as f:
        log = f.read().replace("\r", "")
    data = section(log, a.name, a.hex)
    if data is None:
        sys.exit("section: no complete %s section in %s" % (a.name, a.log))
    with open(a.out, "wb") as f:
        f.write(data)


def cmd_compare_patched(a):
    """The guest's HEST against hest.aml after a linker/loader run: equal but
    for the GAS address fields (each the blob's address plus the offset
    hestc wrote) and the checksum; with --console, each source's register
    (as the guest read it) holds the blob's address plus its block offset."""
    layout = load_layout(a.layout)
    with open(a.hest, "rb") as f:
        ours = f.read()
    with open(a.guest, "rb") as f:
        guest = f.read()
    bad = []
    if len(guest) != len(ours):
        sys.exit("the guest's HEST is %d bytes, hest.aml %d" % (len(guest), len(ours)))
    if sum(guest) & 0xFF:
        bad.append("the guest's HEST checksum is wrong")
    patched = {9}
    bases = set()
    for s in layout["sources"]:
        for key in ("gas_offset", "read_ack_gas_offset"):
            if key not in s:
                continue
            at = int(s[key])
            patched.update(range(at, at + 8))
            mine = struct.unpack_from("<Q", ours, at)[0]
            theirs = struct.unpack_from("<Q", guest, at)[0]
            bases.add(theirs - mine)
            print("%s %s: hest.aml 0x%x, guest 0x%x" % (s["name"], key, mine, theirs))
    for i, (x, y) in enumerate(zip(ours, guest)):
        if i not in patched and x != y:
            bad.append("byte 0x%x differs: hest.aml 0x%02x, guest 0x%02x" % (i, x, y))
    # The firmware may align more than the ALLOCATE asked (OVMF: whole pages).
    align = max(int(layout["placement"].get("align", 1)), a.align or 1)
    if len(bases) != 1:
        bad.append("the patched addresses do not share one blob address: %s" % sorted(hex(b) for b in bases))
    else:
        base = bases.pop()
        print("%s allocated at 0x%x" % (layout["placement"]["blob"], base))
        if base == 0 or base % align:
            bad.append("blob address 0x%x is zero or not %d-aligned" % (base, align))
        if a.console:
            with open(a.console, encoding="utf-8", errors="replace") as f:
                probes = [l.split() for l in f if l.startswith("E2E-PROBE ")]
            for s in layout["sources"]:
                got = [p for p in probes if p[1] == s["name"]]
                want = base + int(s["block_offset"])
                vals = [kv.split("=", 1)[1] for kv in (got[0][2:] if got else []) if kv.startswith("block=")]
                val = vals[0] if vals else ""
                if not re.fullmatch(r"0x[0-9a-fA-F]+", val) or int(val, 16) != want:
                    bad.append("source %s: register holds %s, want 0x%x" % (s["name"], val or "nothing", want))
                else:
                    print("source %s: register -> block at 0x%x" % (s["name"], want))
    for b in bad[:20]:
        print(b)
    sys.exit(1 if bad else 0)


def ghes_ids(console, name):
    """The GHES.<id> names the guest listed in its E2E-<name> section."""
    listed = section(console, name, False)
    if listed is None:
        sys.exit("the guest printed no E2E-%s section" % name)
    return sorted(int(l.strip()[5:]) for l in listed.decode().splitlines() if l.strip().startswith("GHES."))


def cmd_hestval_vs_linux(a):
    """hestval's model of Linux (validate --format json, its "linux" part)
    against what the guest's kernel did: the table accepted or not, the GHES
    devices bound (verdict registered, or inactive: bound but never polled)
    and the devices that exist unbound (probe-failed: the platform device is
    created, the driver refuses it)."""
    with open(a.json, encoding="utf-8") as f:
        report = json.load(f)
    with open(a.console, encoding="utf-8", errors="replace") as f:
        console = f.read().replace("\r", "")
    with open(a.kernel_log, encoding="utf-8", errors="replace") as f:
        kernel = f.read()
    linux_ids = ghes_ids(console, "GHES")
    linux_devices = ghes_ids(console, "GHES-DEVICES")
    linux_unbound = sorted(set(linux_devices) - set(linux_ids))
    inputs = report.get("inputs") or []
    if len(inputs) != 1 or "linux" not in inputs[0]:
        sys.exit("hestval's report has no Linux summary for one input")
    model = inputs[0]["linux"]
    sources = model.get("sources", [])
    predicted = sorted(s["id"] for s in sources if s.get("verdict") in ("registered", "inactive"))
    failed = sorted(s["id"] for s in sources if s.get("verdict") == "probe-failed")
    accepted = "HEST: Table parsing has been initialized." in kernel
    names = lambda ids: ", ".join("GHES.%d" % i for i in ids) or "none"
    print("hestval: table %s (%s); binds %s (%d registered); probe fails for %s" % (
        model.get("table"), model.get("reason"), names(predicted), model.get("registered", -1), names(failed)))
    print("Linux:   table %s; bound %s; unbound devices %s" % (
        "accepted" if accepted else "not accepted", names(linux_ids), names(linux_unbound)))
    bad = False
    if (model.get("table") == "accepted") != accepted:
        print("hestval and Linux disagree on the table")
        bad = True
    if predicted != linux_ids:
        print("hestval and Linux disagree on the bound sources")
        bad = True
    if model.get("table") == "accepted" and model.get("registered") != len(linux_ids):
        print("hestval's count of registered sources is not the number Linux bound")
        bad = True
    if failed != linux_unbound:
        print("hestval and Linux disagree on the sources whose probe failed (device present, not bound)")
        bad = True
    sys.exit(1 if bad else 0)


PROBE_LINE = re.compile(r"^(\S+) (\S+): probe with driver (\S+) (rejects match|failed with error) (-?\d+)$")


def kernel_text(line):
    """A kernel log line without its timestamp, in Linux 6.1's words: 6.12
    says the driver core's probe result as "<drv> <dev>: probe with driver
    <drv> ...", 6.1 as "<drv>: probe of <dev> ..."."""
    text = re.sub(r"^\[ *[0-9]+\.[0-9]+\] ", "", line.rstrip())
    m = PROBE_LINE.match(text)
    if m:
        text = "%s: probe of %s %s %s" % (m.group(3), m.group(2), m.group(4), m.group(5))
    return text


def cmd_hestval_lines(a):
    """The kernel's lines about each GHES source against the lines hestval's
    Linux model quotes (in double quotes) in its reasons: every kernel line
    naming a source ("... generic hardware error source: N", "GHES.N"; not
    the records) or an ioremap refusal must be quoted by the model, and every
    line the model quotes must be in the log.  Lines the kernel prints at
    debug level ("rejects match") are expected only when the command line
    turned them on (dyndbg)."""
    with open(a.json, encoding="utf-8") as f:
        report = json.load(f)
    with open(a.kernel_log, encoding="utf-8", errors="replace") as f:
        log = [kernel_text(l) for l in f.read().replace("\r", "").splitlines()]
    debug = any("dyndbg=" in l for l in log if "command line" in l)
    model = (report.get("inputs") or [{}])[0].get("linux")
    if not model:
        sys.exit("hestval's report has no Linux summary")
    quoted = []
    for s in model.get("sources", []):
        for q in re.findall(r'"([^"]+)"', s.get("reason", "")):
            quoted.append((s["id"], q))
    about = re.compile(r"for generic hardware error source: \d+\b|\bGHES\.\d+\b|^ioremap: ")
    said = [l for l in log if about.search(l) and "Hardware Error" not in l and " really_probe: " not in l]
    bad = False
    for l in said:
        if any(q == l for _, q in quoted):
            print("kernel and hestval: %s" % l)
        else:
            print("the kernel says, hestval does not: %s" % l)
            bad = True
    for sid, q in quoted:
        if q in log:
            continue
        if "rejects match" in q and not debug:
            print("hestval (source %d, debug level, not enabled): %s" % (sid, q))
            continue
        print("hestval says (source %d), the kernel does not: %s" % (sid, q))
        bad = True
    sys.exit(1 if bad else 0)


def cmd_region(a):
    """E2E-REGION lines ("0xADDR 0xVALUE", one u64 each, consecutive) ->
    the bytes (little-endian) in --out, the first address on stdout."""
    with open(a.log, encoding="utf-8", errors="replace") as f:
        log = f.read().replace("\r", "")
    text = section(log, "REGION", False)
    if text is None:
        sys.exit("region: no complete REGION section in %s" % a.log)
    out, base = bytearray(), None
    for line in text.decode().splitlines():
        w = line.split()
        if len(w) != 2 or not all(re.fullmatch(r"0x[0-9a-fA-F]+", x) for x in w):
            sys.exit("region: unreadable line %r (a read that failed?)" % line)
        addr, val = int(w[0], 16), int(w[1], 16)
        if base is None:
            base = addr
        if addr != base + len(out):
            sys.exit("region: address 0x%x out of sequence" % addr)
        out += struct.pack("<Q", val)
    if base is None:
        sys.exit("region: the section is empty")
    with open(a.out, "wb") as f:
        f.write(out)
    print("0x%x" % base)


# BIOS linker/loader commands: 128 bytes each, names 56-byte NUL-padded.
ALLOCATE, ADD_POINTER, ADD_CHECKSUM, WRITE_POINTER = 1, 2, 3, 4


def loader_decode(data):
    if len(data) % 128:
        sys.exit("loader: %d bytes is not a whole number of 128-byte commands" % len(data))
    cmds = []

    def name(raw):
        return raw.split(b"\0", 1)[0].decode("latin-1")

    for i in range(0, len(data), 128):
        e = data[i:i + 128]
        op = struct.unpack_from("<I", e, 0)[0]
        if op == ALLOCATE:
            cmds.append(("ALLOCATE", name(e[4:60]), struct.unpack_from("<I", e, 60)[0], e[64]))
        elif op == ADD_POINTER:
            cmds.append(("ADD_POINTER", name(e[4:60]), name(e[60:116]),
                         struct.unpack_from("<I", e, 116)[0], e[120]))
        elif op == ADD_CHECKSUM:
            cmds.append(("ADD_CHECKSUM", name(e[4:60])) + struct.unpack_from("<III", e, 60))
        elif op == WRITE_POINTER:
            cmds.append(("WRITE_POINTER", name(e[4:60]), name(e[60:116]))
                        + struct.unpack_from("<II", e, 116) + (e[124],))
        elif op == 0:
            continue  # QEMU pads its script with zeroed entries
        else:
            cmds.append(("UNKNOWN", op))
    return cmds


def loader_run(cmds, blobs, addrs, firmware):
    """Execute the commands over blobs (name -> bytearray) placed at addrs
    (name -> address).  firmware "edk2": ADD_CHECKSUM stores the checksum of
    the range taking the byte's current value as part of it (right only if
    it was 0); "seabios": subtracts the range's sum from the byte."""
    for c in cmds:
        if c[0] == "ALLOCATE":
            if c[1] not in blobs or c[1] not in addrs:
                sys.exit("simulate: ALLOCATE of %s, which has no content or address" % c[1])
        elif c[0] == "ADD_POINTER":
            dest, src, off, size = c[1:]
            if dest not in blobs or src not in addrs:
                sys.exit("simulate: ADD_POINTER %s -> %s: unknown blob" % (dest, src))
            b = blobs[dest]
            v = int.from_bytes(b[off:off + size], "little") + addrs[src]
            b[off:off + size] = (v & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
        elif c[0] == "ADD_CHECKSUM":
            f, off, start, length = c[1:]
            b = blobs[f]
            if firmware == "edk2":
                b[off] = (-sum(b[start:start + length])) & 0xFF
            else:
                b[off] = (b[off] - sum(b[start:start + length])) & 0xFF
        elif c[0] == "WRITE_POINTER":
            pass  # goes to the VMM, changes no blob
        else:
            sys.exit("simulate: unknown loader command %r" % (c,))


def loader_text(c):
    if c[0] == "ALLOCATE":
        return 'ALLOCATE file="%s" align=%d zone=%d' % c[1:]
    if c[0] == "ADD_POINTER":
        return 'ADD_POINTER dest="%s" src="%s" offset=0x%x size=%d' % c[1:]
    if c[0] == "ADD_CHECKSUM":
        return 'ADD_CHECKSUM file="%s" offset=0x%x start=0x%x length=0x%x' % c[1:]
    if c[0] == "WRITE_POINTER":
        return 'WRITE_POINTER dest="%s" src="%s" offset=0x%x src_offset=0x%x size=%d' % c[1:]
    return "UNKNOWN %r" % (c,)


def parse_blob_arg(spec):
    """NAME=FILE@ADDRESS"""
    name, _, rest = spec.partition("=")
    path, _, addr = rest.rpartition("@")
    if not name or not path or not addr:
        sys.exit("simulate: %r is not NAME=FILE@ADDRESS" % spec)
    return name, path, int(addr, 0)


def cmd_simulate(a):
    with open(a.loader, "rb") as f:
        cmds = loader_decode(f.read())
    blobs, addrs, paths = {}, {}, {}
    for spec in a.blob:
        name, path, addr = parse_blob_arg(spec)
        with open(path, "rb") as f:
            blobs[name] = bytearray(f.read())
        addrs[name], paths[name] = addr, path
    loader_run(cmds, blobs, addrs, a.firmware)
    for spec in a.write:
        name, _, path = spec.partition("=")
        with open(path, "wb") as f:
            f.write(blobs[name])


def judge(a, say):
    """Each check: say(passed, description)."""
    layout = load_layout(a.layout)
    place = layout["placement"]
    blob_name, tables_name = place["blob"], place["tables_blob"]
    hest_off = int(place["table_offset"])
    rd = lambda p: open(p, "rb").read()
    guest_hest, region = rd(a.guest_hest), rd(a.region)
    fw_hest, hwerr = rd(a.hestc_out + "/hest-fwcfg.aml"), rd(a.hestc_out + "/hardware_errors.bin")
    ours_cmds = loader_decode(rd(a.hestc_out + "/table-loader.bin"))
    base = int(a.region_base, 0)

    # 1. The HEST the guest has = hestc's, after the loader ran with the
    #    region where the guest shows it (the tables blob's address does not
    #    matter: the HEST points only into etc/hardware_errors).
    tables = bytearray(hest_off) + bytearray(fw_hest)
    blobs = {tables_name: tables, blob_name: bytearray(hwerr)}
    addrs = {tables_name: 0x40000000, blob_name: base}
    loader_run(ours_cmds, blobs, addrs, "edk2")
    sim_hest = bytes(blobs[tables_name][hest_off:hest_off + len(fw_hest)])
    sim_region = bytes(blobs[blob_name])
    with open(a.out + "/simulated-hest.bin", "wb") as f:
        f.write(sim_hest)
    with open(a.out + "/simulated-hardware_errors.bin", "wb") as f:
        f.write(sim_region)
    say(guest_hest == sim_hest and sum(guest_hest) & 0xFF == 0,
        "the guest's HEST (%d bytes) equals hestc's after the loader ran with %s at 0x%x (checksum valid)"
        % (len(guest_hest), blob_name, base))
    if guest_hest != sim_hest:
        for i in range(max(len(guest_hest), len(sim_hest))):
            x = guest_hest[i] if i < len(guest_hest) else None
            y = sim_hest[i] if i < len(sim_hest) else None
            if x != y:
                print("HEST byte 0x%x: guest %s, hestc %s" % (i, x, y))
    # 2. etc/hardware_errors as the guest reads it = hestc's after patching.
    say(region[:len(sim_region)] == sim_region and len(region) >= len(sim_region),
        "%s in guest memory (%d bytes read) equals hestc's hardware_errors.bin after patching (%d bytes)"
        % (blob_name, len(region), len(sim_region)))
    for s in layout["sources"]:
        if "read_ack_offset" in s:
            off = int(s["read_ack_offset"])
            say(region[off:off + 8] == struct.pack("<Q", 1), "source %s: read-ack register reads 1" % s["name"])
        off = int(s["register_offset"])
        want = base + int(s["block_offset"])
        say(region[off:off + 8] == struct.pack("<Q", want),
            "source %s: its register holds 0x%x (region address + block offset 0x%x)"
            % (s["name"], want, int(s["block_offset"])))
    if not a.fw_tables:
        return
    # 3. The raw (unpatched) blobs QEMU serves.
    raw_tables, raw_loader = rd(a.fw_tables), rd(a.fw_loader)
    qemu_cmds = loader_decode(raw_loader)
    starts = [c[3] for c in qemu_cmds if c[0] == "ADD_CHECKSUM" and c[1] == tables_name
              and raw_tables[c[3]:c[3] + 4] == b"HEST"]
    say(len(starts) == 1, "QEMU's etc/table-loader checksums exactly one HEST in %s" % tables_name)
    if len(starts) != 1:
        return
    at = starts[0]
    qemu_hest = raw_tables[at:at + len(fw_hest)]
    print("QEMU's HEST sits at offset 0x%x of %s (%d bytes), checksum byte 0x%02x"
          % (at, tables_name, struct.unpack_from("<I", raw_tables, at + 4)[0], raw_tables[at + 9]))
    say(struct.unpack_from("<I", raw_tables, at + 4)[0] == len(fw_hest) and qemu_hest == fw_hest,
        "the HEST inside QEMU's unpatched %s equals hestc's hest-fwcfg.aml byte for byte" % tables_name)
    if a.fw_hwerr:
        say(rd(a.fw_hwerr) == hwerr, "QEMU's unpatched %s equals hestc's hardware_errors.bin" % blob_name)
    # QEMU's commands about the region and the HEST, the HEST's offsets made
    # relative to it, are hestc's script, in the same order.
    mine = []
    for c in qemu_cmds:
        if c[0] == "ALLOCATE" and c[1] == blob_name:
            mine.append(c)
        elif c[0] == "ADD_POINTER" and c[2] == blob_name:
            if c[1] == tables_name:
                c = c[:3] + (c[3] - at + hest_off,) + c[4:]
            mine.append(c)
        elif c[0] == "WRITE_POINTER" and c[2] == blob_name:
            mine.append(c)
        elif c[0] == "ADD_CHECKSUM" and c[1] == tables_name and c[3] == at:
            mine.append(c[:2] + (c[2] - at + hest_off, hest_off, c[4]))
    same = [loader_text(c) for c in mine] == [loader_text(c) for c in ours_cmds]
    say(same, "QEMU's loader commands for %s and the HEST (%d) are hestc's table-loader.bin (%d), in order"
        % (blob_name, len(mine), len(ours_cmds)))
    if not same:
        for c in mine:
            print("QEMU:  " + loader_text(c))
        for c in ours_cmds:
            print("hestc: " + loader_text(c))


def cmd_judge(a):
    results = []
    judge(a, lambda ok, what: results.append((ok, what)))
    for ok, what in results:
        print("%s|%s" % ("PASS" if ok else "FAIL", what))


def cmd_elf(a):
    """Static ELF executable for the machine: ELF magic, e_machine, and no
    PT_INTERP program header (a dynamic executable names its loader there)."""
    machines = {"aarch64": 183, "x86_64": 62}
    try:
        with open(a.file, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.exit("elf: %s" % e)
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit("elf: %s is not a 64-bit little-endian ELF file" % a.file)
    e_type, e_machine = struct.unpack_from("<HH", data, 16)
    if e_machine != machines[a.machine]:
        sys.exit("elf: %s is for machine %d, not %s" % (a.file, e_machine, a.machine))
    phoff = struct.unpack_from("<Q", data, 32)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    for i in range(phnum):
        if struct.unpack_from("<I", data, phoff + i * phentsize)[0] == 3:  # PT_INTERP
            sys.exit("elf: %s is dynamically linked" % a.file)
    if e_type != 2:
        sys.exit("elf: %s is not an executable (e_type %d)" % (a.file, e_type))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("companion")
    c.add_argument("--layout", required=True)
    c.add_argument("--hest", required=True)
    c.add_argument("--machine", choices=sorted(MACHINES), default="q35")
    c.add_argument("--tables", "--q35", dest="tables", required=True,
                   help="directory of the machine's companion tables (tests/e2e/q35, tests/e2e/virt)")
    c.add_argument("--rsdp-blob", default="etc/acpi/rsdp")
    c.add_argument("--out", required=True)
    c.set_defaults(fn=cmd_companion)
    c = sub.add_parser("put-block")
    c.add_argument("--layout", required=True)
    c.add_argument("--blob", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("put", nargs="+", metavar="SOURCE=BLOCK.bin")
    c.set_defaults(fn=cmd_put_block)
    c = sub.add_parser("patch-hest")
    c.add_argument("--layout", required=True)
    c.add_argument("--hest", required=True)
    c.add_argument("--source", required=True)
    c.add_argument("--field-offset", type=lambda s: int(s, 0), required=True)
    c.add_argument("--size", type=int, required=True)
    c.add_argument("--value", type=lambda s: int(s, 0), required=True)
    c.add_argument("--out", required=True)
    c.set_defaults(fn=cmd_patch_hest)
    c = sub.add_parser("section")
    c.add_argument("--log", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--hex", action="store_true")
    c.add_argument("--out", required=True)
    c.set_defaults(fn=cmd_section)
    c = sub.add_parser("hestval-vs-linux")
    c.add_argument("--json", required=True)
    c.add_argument("--console", required=True)
    c.add_argument("--kernel-log", required=True)
    c.set_defaults(fn=cmd_hestval_vs_linux)
    c = sub.add_parser("hestval-lines")
    c.add_argument("--json", required=True)
    c.add_argument("--kernel-log", required=True)
    c.set_defaults(fn=cmd_hestval_lines)
    c = sub.add_parser("compare-patched")
    c.add_argument("--layout", required=True)
    c.add_argument("--hest", required=True)
    c.add_argument("--guest", required=True)
    c.add_argument("--console")
    c.add_argument("--align", type=lambda s: int(s, 0), default=0,
                   help="the blob address must be a multiple of this too")
    c.set_defaults(fn=cmd_compare_patched)
    c = sub.add_parser("region")
    c.add_argument("--log", required=True)
    c.add_argument("--out", required=True)
    c.set_defaults(fn=cmd_region)
    c = sub.add_parser("simulate")
    c.add_argument("--loader", required=True)
    c.add_argument("--firmware", choices=("edk2", "seabios"), default="edk2")
    c.add_argument("--blob", action="append", default=[], metavar="NAME=FILE@ADDRESS")
    c.add_argument("--write", action="append", default=[], metavar="NAME=OUT")
    c.set_defaults(fn=cmd_simulate)
    c = sub.add_parser("judge")
    c.add_argument("--layout", required=True)
    c.add_argument("--hestc-out", required=True, help="hestc compile --emit all output directory")
    c.add_argument("--guest-hest", required=True)
    c.add_argument("--region", required=True)
    c.add_argument("--region-base", required=True)
    c.add_argument("--fw-tables", help="raw etc/acpi/tables the guest read from fw_cfg")
    c.add_argument("--fw-loader", help="raw etc/table-loader")
    c.add_argument("--fw-hwerr", help="raw etc/hardware_errors")
    c.add_argument("--out", required=True)
    c.set_defaults(fn=cmd_judge)
    c = sub.add_parser("elf")
    c.add_argument("--machine", choices=("aarch64", "x86_64"), required=True)
    c.add_argument("file")
    c.set_defaults(fn=cmd_elf)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
