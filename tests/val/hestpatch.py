#!/usr/bin/env python3
"""Build test tables for hestval by editing real HEST bytes.

  hestpatch.py cat OUT IN...          structures of every IN, one after the
                                      other, under the header of the first
  hestpatch.py patch IN OUT EDIT...   IN with edits applied

EDIT is one of
  sN+OFF:SIZE=VALUE   little-endian VALUE into structure N (0-based, walked by
                      type-implied lengths) at OFF, SIZE bytes
  tOFF:SIZE=VALUE     the same at an absolute table offset
  append=HEX          bytes added at the end (hex digits, no spaces)
  truncate=N          keep the first N bytes
  insert=OFF:HEX      bytes inserted at OFF
  fixlen              set the header length to the byte count (after edits)
  nocksum             leave the checksum as the edits left it (by default it
                      is recomputed last)

Offsets and values accept 0x prefixes.  The walk here is deliberately simple
(it only needs to find structures in well-formed inputs); it is not the
decoder under test."""
import struct
import sys

FIXED = {0: 40, 1: 48, 2: 20, 6: 48, 7: 44, 8: 56, 9: 64, 10: 92, 11: 48}
BANKS_AT = {0: 32, 1: 44, 11: 44}


def walk(b):
    length = struct.unpack_from('<I', b, 4)[0]
    at, out = 40, []
    while at + 4 <= min(length, len(b)):
        t = struct.unpack_from('<H', b, at)[0]
        if t not in FIXED:
            break
        n = FIXED[t] + (28 * b[at + BANKS_AT[t]] if t in BANKS_AT else 0)
        out.append((at, n))
        at += n
    return out


def checksum(b):
    b[9] = 0
    b[9] = (-sum(b)) & 0xff


def put(b, off, size, value):
    if off + size > len(b):
        sys.exit('hestpatch: edit at %#x+%d past the end (%d bytes)' % (off, size, len(b)))
    b[off:off + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, 'little')


def cmd_cat(out, ins):
    tables = [bytearray(open(p, 'rb').read()) for p in ins]
    body = b''.join(bytes(t[40:struct.unpack_from('<I', t, 4)[0]]) for t in tables)
    count = sum(struct.unpack_from('<I', t, 36)[0] for t in tables)
    b = bytearray(tables[0][:40]) + body
    put(b, 4, 4, len(b))
    put(b, 36, 4, count)
    checksum(b)
    open(out, 'wb').write(b)


def cmd_patch(src, out, edits):
    b = bytearray(open(src, 'rb').read())
    cksum, fixlen = True, False
    for e in edits:
        if e == 'nocksum':
            cksum = False
        elif e == 'fixlen':
            fixlen = True
        elif e.startswith('append='):
            b += bytes.fromhex(e[7:])
        elif e.startswith('insert='):
            off, hexa = e[7:].split(':')
            b[int(off, 0):int(off, 0)] = bytes.fromhex(hexa)
        elif e.startswith('truncate='):
            del b[int(e[9:], 0):]
        elif e[0] in 'st' and '=' in e and ':' in e:
            where, value = e.split('=', 1)
            loc, size = where.split(':')
            if loc[0] == 's':
                n, off = loc[1:].split('+')
                structs = walk(b)
                if int(n) >= len(structs):
                    sys.exit('hestpatch: no structure %s in %s' % (n, src))
                base = structs[int(n)][0]
                put(b, base + int(off, 0), int(size, 0), int(value, 0))
            else:
                put(b, int(loc[1:], 0), int(size, 0), int(value, 0))
        else:
            sys.exit('hestpatch: cannot read edit %r' % e)
    if fixlen:
        put(b, 4, 4, len(b))
    if cksum and len(b) >= 10:
        checksum(b)
    open(out, 'wb').write(b)


def main(argv):
    if len(argv) >= 3 and argv[1] == 'cat':
        cmd_cat(argv[2], argv[3:])
    elif len(argv) >= 4 and argv[1] == 'patch':
        cmd_patch(argv[2], argv[3], argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
