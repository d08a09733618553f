#!/usr/bin/env python3
"""Writes a benchmark description with N GHESv2 sources.

usage: gendesc.py [--warn] N OUT.yaml

Each source is what a VMM with many error sources would write: a name, the
type and id, a raw data length, a notification with its fields and the
read-ack register, in block style (about 250 bytes a source).  The header
carries iasl's creator id and revision, so the table iasl compiles from our
hest.dsl is byte for byte ours (iasl overwrites those two fields with its
own).  Placement is QEMU's linker-loader layout, so `--emit all` has work to
do; the GAS addresses in hest.aml are then the ones the loader patches.

Notification types cycle through the three that need no particular
architecture, so every source differs a little from its neighbours.

With --warn every source also declares an error_block_length of 128 KiB,
above Linux's 64 KiB cap: each draws a warning (HEST-GHES-BLOCK-CAP) with
its caret line, the case where printing diagnostics is most of the work.
"""
import sys

NOTIFY = (
    "      type: polled\n      poll_interval_ms: %d\n",
    "      type: sci\n",
    "      type: external-interrupt\n      vector: %d\n      poll_interval_ms: 0\n",
)


def source(i, warn=False):
    kind = i % len(NOTIFY)
    note = NOTIFY[kind]
    if kind == 0:
        note = note % (1000 + i % 1000)
    elif kind == 2:
        note = note % (32 + i % 200)
    return (
        "  - name: src%d\n"
        "    type: ghes-v2\n"
        "    id: %d\n"
        "    max_raw_data_length: 1KiB\n"
        "%s"
        "    max_sections_per_record: 2\n"
        "    notification:\n%s"
        "    read_ack:\n"
        "      preserve: 0xfffffffffffffffe\n"
        "      write: 1\n" % (i, i, "    error_block_length: 128KiB\n" if warn else "", note)
    )


def main_args(argv):
    warn = bool(argv) and argv[0] == "--warn"
    if warn:
        argv = argv[1:]
    if len(argv) != 2 or not argv[0].isdigit():
        sys.stderr.write("usage: gendesc.py [--warn] N OUT.yaml\n")
        return 2
    n = int(argv[0])
    if not 1 <= n <= 65535:
        sys.stderr.write("gendesc.py: N must be 1..65535 (16-bit source ids)\n")
        return 2
    parts = [
        "# %d GHESv2 sources%s, written by bench/gendesc.py\n" % (n, ", each drawing a warning" if warn else ""),
        "table:\n"
        "  oem_id: \"BENCH \"\n"
        "  oem_table_id: \"HESTBNCH\"\n"
        "  oem_revision: 1\n"
        "  creator_id: INTL\n"
        "  creator_revision: 0x20200925\n",
        "target: { arch: x86_64 }\n",
        "placement:\n"
        "  mode: linker-loader\n"
        "  block_size: 1KiB\n",
        "sources:\n",
    ]
    parts.extend(source(i, warn) for i in range(n))
    with open(argv[1], "w") as f:
        f.write("".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main_args(sys.argv[1:]))
