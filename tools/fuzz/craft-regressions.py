#!/usr/bin/env python3
"""Writes the hand-made regression inputs under tests/BittensorPow.Tests/Fuzz/regressions/.

Each one is the smallest input that reached a bug found by reading the decoders while writing the fuzz targets
(the fuzzer finds the same shapes, but only after long runs): tiny V14 metadata blobs whose type registry or
constants are hostile, and a few texts. Run it again after changing a layout here; the files are committed.
"""
import os
import struct

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "BittensorPow.Tests", "Fuzz", "regressions")


def compact(n):
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return struct.pack("<H", n << 2 | 1)
    if n < 1 << 30:
        return struct.pack("<I", n << 2 | 2)
    body = n.to_bytes((n.bit_length() + 7) // 8, "little")
    body = body.ljust(4, b"\0")
    return bytes([(len(body) - 4) << 2 | 3]) + body


def text(s):
    b = s.encode()
    return compact(len(b)) + b


def vec(items):
    return compact(len(items)) + b"".join(items)


def ptype(i, definition, path=()):
    # id, path, params, def, docs
    return compact(i) + vec([text(p) for p in path]) + vec([]) + definition + vec([])


def composite(*field_types):
    return b"\0" + vec([b"\0" + compact(t) + b"\0" + vec([]) for t in field_types])


def sequence(t):
    return b"\2" + compact(t)


def array(length, t):
    return b"\3" + struct.pack("<I", length) + compact(t)


def tup(*ts):
    return b"\4" + vec([compact(t) for t in ts])


def primitive(kind):
    return b"\5" + bytes([kind])


def bitseq(store, order):
    return b"\7" + compact(store) + compact(order)


U8, CHAR = 3, 1


def pallet(name, index, constants=(), storage=None):
    out = text(name)
    if storage is None:
        out += b"\0"
    else:
        prefix, entries = storage
        out += b"\1" + text(prefix) + vec([text(n) + b"\1" + b"\0" + compact(t) + vec([]) + vec([]) for n, t in entries])
    out += b"\0" + b"\0"  # calls, events
    out += vec([text(n) + compact(t) + compact(len(v)) + v + vec([]) for n, t, v in constants])
    out += b"\0" + bytes([index])  # errors, index
    return out


def metadata_v14(types, pallets):
    # magic, version, types, pallets, extrinsic { ty, version, signed extensions }, runtime type
    return b"meta" + bytes([14]) + vec(types) + vec(pallets) + compact(0) + bytes([4]) + vec([]) + compact(0)


def write(target, name, data):
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


unit = tup()
write("metadata", "char-surrogate-constant",  # char::ConvertFromUtf32 threw ArgumentOutOfRangeException
      metadata_v14([ptype(0, primitive(CHAR))], [pallet("P", 0, [("C", 0, struct.pack("<I", 0xD800))])]))
write("metadata", "bitvec-billion-bits-constant",  # new bool[~1e9] before any word was read
      metadata_v14([ptype(0, primitive(U8)), ptype(1, b"\0" + vec([]), ["bitvec", "order", "Lsb0"]), ptype(2, bitseq(0, 1))],
                   [pallet("P", 0, [("C", 2, compact((1 << 30) - 1))])]))
write("metadata", "vec-of-unit-billion-long-constant",  # a length past the input's end looped a billion times
      metadata_v14([ptype(0, unit), ptype(1, sequence(0))], [pallet("P", 0, [("C", 1, compact((1 << 30) - 1))])]))
write("metadata", "array-of-unit-u32-max-constant",  # checked((int)length) threw OverflowException
      metadata_v14([ptype(0, unit), ptype(1, array(0xFFFFFFFF, 0))], [pallet("P", 0, [("C", 1, b"")])]))
write("metadata", "array-of-unit-two-billion-constant",  # zero-sized elements: 2^31-1 values from no bytes
      metadata_v14([ptype(0, unit), ptype(1, array(0x7FFFFFFF, 0))], [pallet("P", 0, [("C", 1, b"")])]))
write("metadata", "pair-tower-2-to-the-60-constant",  # (T, T) nested 60 deep: 2^60 empty values, a hang
      metadata_v14([ptype(i, tup(i + 1, i + 1)) for i in range(60)] + [ptype(60, unit)], [pallet("P", 0, [("C", 0, b"")])]))
write("metadata", "vec-of-itself-storage-describe",  # Describe recursed without end: stack overflow
      metadata_v14([ptype(0, sequence(0))], [pallet("P", 0, storage=("P", [("S", 0)]))]))
write("metadata", "duplicate-type-id",  # ToDictionary threw ArgumentException
      metadata_v14([ptype(0, unit), ptype(0, unit)], [pallet("P", 0)]))
write("metadata", "duplicate-pallet-name",  # ToDictionary threw ArgumentException
      metadata_v14([ptype(0, unit)], [pallet("P", 0), pallet("P", 1)]))
write("metadata", "duplicate-pallet-index",  # ToDictionary threw ArgumentException
      metadata_v14([ptype(0, unit)], [pallet("P", 0), pallet("Q", 0)]))

h = '"0x' + "00" * 32 + '"'
write("header", "null-parent-hash.json",  # Hex.Decode(null) threw ArgumentNullException
      ('{"parentHash":null,"number":"0x1","stateRoot":%s,"extrinsicsRoot":%s,"digest":{"logs":[]}}' % (h, h)).encode())
write("header", "null-number.json",  # ParseQuantity(null) threw NullReferenceException
      ('{"parentHash":%s,"number":null,"stateRoot":%s,"extrinsicsRoot":%s}' % (h, h, h)).encode())
write("header", "null-digest-log.json",
      ('{"parentHash":%s,"number":"0x1","stateRoot":%s,"extrinsicsRoot":%s,"digest":{"logs":[null]}}' % (h, h, h)).encode())
write("ss58", "long-base58-text",  # base58 decoding is quadratic: 200 KB of digits took minutes
      b"z" * 200_000)
write("keyfile", "invalid-utf8-property-name.json",  # GetString threw InvalidOperationException
      b'{"\xff\xfe": "x"}')
write("rpc", "broken-json-invalid-utf8-id",  # the id salvage's GetString threw InvalidOperationException
      b'{"jsonrpc":"2.0","id":"\xff\xfe","res')
write("rpc", "error-code-is-a-string",  # TryGetInt32 on a string threw InvalidOperationException
      b'{"jsonrpc":"2.0","id":7,"error":{"code":"1010","message":"Invalid Transaction"}}')
write("rpc", "invalid-utf8-in-error-message",  # found by the xunit smoke: GetString threw on the message
      bytes.fromhex("7B226A736F6E727063223A22322E30222C226964223A372C226572726F72223A7B22636F6465223A313031302C226D657373616765223A22496E76616C69C464205472616E73616374696F6E227D7D"))
write("rpc", "lone-surrogate-escape-in-id",  # an escaped lone surrogate cannot become a .NET string
      b'{"jsonrpc":"2.0","id":"\\ud800","result":null}')
