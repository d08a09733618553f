#!/usr/bin/env python3
"""Writes a table as the UEFI Shell's `acpiview -s SIG` prints it.

usage: gen.py [--old] [--ucs2] [--crlf] [--address 0xADDR] TABLE OUT.txt

The format is that of edk2's ShellPkg/Library/UefiShellAcpiViewCommandLib:
ProcessTableReportOptions prints the banner, DumpRaw (AcpiParser.c) prints
"Address  : 0x%p" and "Length   : %d", then for each 16 bytes "  ASCII\\n"
(of the line before) and "%08X : ", each byte as "%02X " with "- " after
the eighth; the last line is padded with spaces (48 - 3 per byte present,
2 more when it has at most 8) before "  ASCII".  Releases since 2019 end the
dump with "\\n\\n"; earlier ones (--old) with nothing, VerifyChecksum's
"\\n\\nTable Checksum : ..." following directly.  Then come the parsed
fields, which a reader must skip.  --ucs2 writes what the Shell's `>`
redirection writes (UTF-16LE with a byte order mark), --crlf CR LF line ends.
"""
import sys


def dump_raw(data, address, old=False):
    out = ["Address  : 0x%X\n" % address, "Length   : %d\n" % len(data)]
    ascii_col = ""
    for i, b in enumerate(data):
        if i % 16 == 0:
            out.append("  %s\n%08X : " % (ascii_col, i))
            ascii_col = ""
        elif i % 8 == 0:
            out.append("- ")
        ascii_col += chr(b) if 0x20 <= b < 0x7F else "."
        out.append("%02X " % b)
    part = len(data) % 16
    if part:
        pad = 48 - part * 3 + (2 if part <= 8 else 0)
        out.append(" " * pad)
    out.append("  %s" % ascii_col + ("" if old else "\n\n"))
    return "".join(out)


def acpiview(data, address, old=False):
    sig = data[:4].decode("latin-1")
    checksum = sum(data) & 0xFF
    text = "\n\n --------------- %s Table --------------- \n\n" % sig
    text += dump_raw(data, address, old)
    text += ("\n\n" if old else "") + ("Table Checksum : OK\n\n" if checksum == 0
                                       else "Table Checksum : FAILED (0x%X)\n\n" % checksum)
    text += "ACPI Table Header                    :\n"
    text += "  Signature                          : %s\n" % sig
    text += "  Length                             : %d\n" % len(data)
    text += "  Revision                           : %d\n" % data[8]
    text += "\nTable Statistics:\n\t0 Error(s)\n\t0 Warning(s)\n"
    return text


def main(argv):
    old = ucs2 = crlf = False
    address = 0x7FB7A000
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        if opt == "--old":
            old = True
        elif opt == "--ucs2":
            ucs2 = True
        elif opt == "--crlf":
            crlf = True
        elif opt == "--address":
            address = int(argv.pop(0), 0)
        else:
            sys.stderr.write("gen.py: unknown option %s\n" % opt)
            return 2
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    data = open(argv[0], "rb").read()
    text = acpiview(data, address, old)
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = b"\xff\xfe" + text.encode("utf-16-le") if ucs2 else text.encode("ascii")
    open(argv[1], "wb").write(raw)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
