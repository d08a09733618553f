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
  section     extract what the guest printed between two markers on the
              console (its dmesg, or the HEST as od -tx1 lines) into a file

Everything here is ACPI 6.5 chapter 5 (RSDP, XSDT, RSDT, FADT, FACS layouts)
and the placement JSON hestc writes; nothing is copied from a consumer.
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


def cmd_companion(a):
    layout = load_layout(a.layout)
    place = layout["placement"]
    if place.get("mode") != "linker-loader":
        sys.exit("companion: placement mode is %r, not linker-loader" % place.get("mode"))
    tables_name = place["tables_blob"]
    hest_off = int(place["table_offset"])
    with open(a.hest, "rb") as f:
        hest = f.read()
    if hest[:4] != b"HEST" or len(hest) != layout["table"]["length"]:
        sys.exit("companion: %s is not the HEST hest-layout.json describes" % a.hest)
    q35 = {}
    for name in ("FACP", "DSDT", "APIC"):
        with open("%s/%s.bin" % (a.q35, name), "rb") as f:
            q35[name] = bytearray(f.read())
        if q35[name][:4] != name.encode():
            sys.exit("companion: %s/%s.bin has signature %r" % (a.q35, name, bytes(q35[name][:4])))

    # etc/acpi/tables: FACS first (64 bytes, 64-byte aligned: the blob is
    # allocated with align 64), the HEST where hestc was told it sits, then
    # the rest, each 8-byte aligned.
    if hest_off < 64 or hest_off % 8:
        sys.exit("companion: table_offset 0x%x must be >= 0x40 and 8-byte aligned (FACS sits at 0)" % hest_off)
    blob = bytearray(hest_off)
    blob[0:64] = struct.pack("<4sIIIII", b"FACS", 64, 0, 0, 0, 0) + bytes(40)
    blob[32] = 1  # FACS version 1: the 64-bit waking vector field exists
    blob += hest
    offs = {"FACS": 0, "HEST": hest_off}

    def place_table(name, data):
        nonlocal blob
        blob += bytes(align_up(len(blob), 8) - len(blob))
        offs[name] = len(blob)
        blob += data

    place_table("DSDT", q35["DSDT"])
    facp = q35["FACP"]
    # FIRMWARE_CTRL (u32 @36), DSDT (u32 @40), X_FIRMWARE_CTRL (u64 @132),
    # X_DSDT (u64 @140): offsets into the tables blob, made absolute by
    # ADD_POINTER.  The saved FADT held one boot's addresses; QEMU itself
    # fills FIRMWARE_CTRL, DSDT and X_DSDT, and leaves X_FIRMWARE_CTRL 0.
    struct.pack_into("<I", facp, 36, offs["FACS"])
    struct.pack_into("<I", facp, 40, offs["DSDT"])
    struct.pack_into("<Q", facp, 132, 0)
    struct.pack_into("<Q", facp, 140, offs["DSDT"])
    place_table("FACP", facp)
    place_table("APIC", q35["APIC"])
    listed = ["FACP", "APIC", "HEST"]
    xsdt = bytearray(acpi_header(b"XSDT", TABLE_HEADER + 8 * len(listed), 1, b"E2E XSDT"))
    for name in listed:
        xsdt += struct.pack("<Q", offs[name])
    place_table("XSDT", xsdt)
    rsdt = bytearray(acpi_header(b"RSDT", TABLE_HEADER + 4 * len(listed), 1, b"E2E RSDT"))
    for name in listed:
        rsdt += struct.pack("<I", offs[name])
    place_table("RSDT", rsdt)
    # The checksums firmware recomputes are left wrong on purpose (0): a
    # missing ADD_CHECKSUM must show up as a table Linux rejects.
    for name in ("XSDT", "RSDT", "FACP"):
        blob[offs[name] + 9] = 0

    rsdp = bytearray(struct.pack("<8sB6sBIIQB3s", b"RSD PTR ", 0, b"HESTC ", 2,
                                 offs["RSDT"], 36, offs["XSDT"], 0, bytes(3)))
    rsdp_name = a.rsdp_blob

    with open(a.out + "/tables.bin", "wb") as f:
        f.write(blob)
    with open(a.out + "/rsdp.bin", "wb") as f:
        f.write(rsdp)

    t = '"%s"' % tables_name
    r = '"%s"' % rsdp_name
    pre = [
        "# e2e harness, before hestc's script: the blobs it does not allocate",
        "# the ACPI tables blob; FACS at 0 needs 64-byte alignment",
        "ALLOCATE      file=%s align=64 zone=high" % t,
        "# the RSDP must sit in the F segment, where the OS scans for it",
        "ALLOCATE      file=%s align=16 zone=fseg" % r,
    ]
    post = ["# e2e harness, after hestc's script: link the companion tables"]
    fadt = offs["FACP"]
    post += [
        "# FADT.FIRMWARE_CTRL -> FACS",
        "ADD_POINTER   dest=%s offset=0x%x size=4 src=%s" % (t, fadt + 36, t),
        "# FADT.DSDT -> DSDT",
        "ADD_POINTER   dest=%s offset=0x%x size=4 src=%s" % (t, fadt + 40, t),
        "# FADT.X_DSDT -> DSDT",
        "ADD_POINTER   dest=%s offset=0x%x size=8 src=%s" % (t, fadt + 140, t),
        "ADD_CHECKSUM  file=%s offset=0x%x start=0x%x length=0x%x" % (t, fadt + 9, fadt, len(facp)),
    ]
    for sdt, width in (("XSDT", 8), ("RSDT", 4)):
        base = offs[sdt]
        for i, name in enumerate(listed):
            post += ["# %s entry %d -> %s" % (sdt, i, name),
                     "ADD_POINTER   dest=%s offset=0x%x size=%d src=%s" % (t, base + TABLE_HEADER + width * i, width, t)]
        post.append("ADD_CHECKSUM  file=%s offset=0x%x start=0x%x length=0x%x"
                    % (t, base + 9, base, TABLE_HEADER + width * len(listed)))
    post += [
        "# RSDP.RsdtAddress -> RSDT, RSDP.XsdtAddress -> XSDT",
        "ADD_POINTER   dest=%s offset=0x10 size=4 src=%s" % (r, t),
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


def cmd_hestval_vs_linux(a):
    """hestval's model of Linux (validate --format json, its "linux" part)
    against what the guest's kernel did: the table accepted or not, and the
    GHES sources registered (bound as GHES.<id>)."""
    with open(a.json, encoding="utf-8") as f:
        report = json.load(f)
    with open(a.console, encoding="utf-8", errors="replace") as f:
        console = f.read().replace("\r", "")
    with open(a.kernel_log, encoding="utf-8", errors="replace") as f:
        kernel = f.read()
    bound = section(console, "GHES", False)
    if bound is None:
        sys.exit("the guest printed no E2E-GHES section")
    linux_ids = sorted(int(l.strip()[5:]) for l in bound.decode().splitlines() if l.strip().startswith("GHES."))
    inputs = report.get("inputs") or []
    if len(inputs) != 1 or "linux" not in inputs[0]:
        sys.exit("hestval's report has no Linux summary for one input")
    model = inputs[0]["linux"]
    predicted = sorted(s["id"] for s in model.get("sources", []) if s.get("verdict") == "registered")
    accepted = "HEST: Table parsing has been initialized." in kernel
    print("hestval: table %s (%s); registers %s" % (model.get("table"), model.get("reason"),
                                                    ", ".join("GHES.%d" % i for i in predicted) or "none"))
    print("Linux:   table %s; bound %s" % ("accepted" if accepted else "not accepted",
                                           ", ".join("GHES.%d" % i for i in linux_ids) or "none"))
    bad = False
    if (model.get("table") == "accepted") != accepted:
        print("hestval and Linux disagree on the table")
        bad = True
    if predicted != linux_ids:
        print("hestval and Linux disagree on the registered sources")
        bad = True
    sys.exit(1 if bad else 0)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("companion")
    c.add_argument("--layout", required=True)
    c.add_argument("--hest", required=True)
    c.add_argument("--q35", required=True)
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
    c = sub.add_parser("compare-patched")
    c.add_argument("--layout", required=True)
    c.add_argument("--hest", required=True)
    c.add_argument("--guest", required=True)
    c.add_argument("--console")
    c.add_argument("--align", type=lambda s: int(s, 0), default=0,
                   help="the blob address must be a multiple of this too")
    c.set_defaults(fn=cmd_compare_patched)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
