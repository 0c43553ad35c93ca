#!/usr/bin/env python3
"""Generates src/BittensorPow.Engine/Backends/Gpu/SealMath.g.cs: the per-nonce seal (SPEC §1) as
straight-line C# for ILGPU kernels.

Why a generator: ILGPU 1.5.3 does not unroll loops, so a round loop over arrays puts the state in
local memory. Writing 64 SHA-256 rounds and 24 Keccak rounds by hand is error-prone; this script
writes them out, folds what is known at generation time (the SHA-256 IV in round 0, Keccak's zero
lanes in round 1), drops everything the last Keccak round does not need (only lanes 0..3 are the
seal), splits that round into the half-lane the early reject reads and the rest (for candidates), and
moves everything that does not depend on W0 (the nonce's low half) into SealConstants, computed once
per launch on the host.

Keccak works on 32-bit halves (lo, hi) so that every 64-bit rotate is two 32-bit funnel shifts,
which ptxas turns into one SHF each.

Usage: python3 tools/ptx/gen_seal_math.py [output path]
"""
import os
import sys

MASK = 0xFFFFFFFF

SHA_K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]
SHA_IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

# The 40-byte pre-seal is one block: W0, W1 = nonce, W2..W9 = bah (per block), W10 = 0x80000000
# (padding), W11..W14 = 0, W15 = 320 (length in bits).
LITERAL_W = {10: 0x80000000, 11: 0, 12: 0, 13: 0, 14: 0, 15: 320}

KECCAK_RC = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]
# rho offsets r[x][y]
KECCAK_R = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]


def rotr(x, n):
    return ((x >> n) | (x << (32 - n))) & MASK


def s0_value(x):
    return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)


def s1_value(x):
    return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10)


def hx(v):
    return f"0x{v:08x}u"


# ---------------------------------------------------------------- expressions with folding
class Lit:
    def __init__(self, v):
        self.v = v & MASK

    def __str__(self):
        return hx(self.v)


class Var:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name


class Emitter:
    """Straight-line statements `uint name = expr;` with dead-code elimination at the end."""

    def __init__(self):
        self.stmts = []  # (name, text, deps)
        self.counter = 0

    def let(self, prefix, text, deps):
        self.counter += 1
        name = f"{prefix}{self.counter}"
        self.stmts.append((name, text, [d for d in deps if isinstance(d, Var)]))
        return Var(name)

    def xor(self, *ops):
        lit = 0
        vars_ = []
        for o in ops:
            if isinstance(o, Lit):
                lit ^= o.v
            else:
                vars_.append(o)
        if not vars_:
            return Lit(lit)
        if lit:
            vars_.append(Lit(lit))
        if len(vars_) == 1:
            return vars_[0]
        return self.let("x", " ^ ".join(str(v) for v in vars_), vars_)

    def andnot(self, a, b):
        """~a & b"""
        if isinstance(a, Lit) and isinstance(b, Lit):
            return Lit(~a.v & b.v)
        if isinstance(b, Lit) and b.v == 0:
            return Lit(0)
        if isinstance(a, Lit) and a.v == MASK:
            return Lit(0)
        if isinstance(a, Lit) and a.v == 0:
            return b
        return self.let("n", f"~{a} & {b}", [a, b])

    def chi(self, a, b, c):
        """a ^ (~b & c)"""
        return self.xor(a, self.andnot(b, c))

    def funnel(self, hi_part, lo_part, n):
        """(hi_part << n) | (lo_part >> (32 - n)) for 0 < n < 32: one SHF on the GPU."""
        if isinstance(hi_part, Lit) and isinstance(lo_part, Lit):
            return Lit(((hi_part.v << n) | (lo_part.v >> (32 - n))) & MASK)
        if isinstance(hi_part, Lit) and hi_part.v == 0:
            return self.let("r", f"{lo_part} >> {32 - n}", [lo_part])
        if isinstance(lo_part, Lit) and lo_part.v == 0:
            return self.let("r", f"{hi_part} << {n}", [hi_part])
        return self.let("r", f"Bits.Funnel({hi_part}, {lo_part}, {n})", [hi_part, lo_part])

    def rotl64(self, lane, n):
        lo, hi = lane
        if n == 0:
            return lane
        if n >= 32:
            lo, hi = hi, lo
            n -= 32
            if n == 0:
                return (lo, hi)
        return (self.funnel(lo, hi, n), self.funnel(hi, lo, n))

    def prune(self, outputs):
        live = {o.name for o in outputs if isinstance(o, Var)}
        kept = []
        for name, text, deps in reversed(self.stmts):
            if name in live:
                kept.append((name, text))
                live.update(d.name for d in deps)
        kept.reverse()
        return kept


def rotr_text(x, n):
    return f"Bits.Rotr({x}, {n})"


def bswap_text(x):
    return f"Bits.Swap32({x})"


# ---------------------------------------------------------------- SHA-256
def schedule_terms(t):
    """W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], as (function, index) terms."""
    return [("s1", t - 2), ("w", t - 7), ("s0", t - 15), ("w", t - 16)]


def term_value(fn, v):
    return v if fn == "w" else (s0_value(v) if fn == "s0" else s1_value(v))


def plan_schedule():
    """Which schedule words the host computes. Only W0 changes per thread: W1 (the nonce's high half) is fixed for a
    launch, which never crosses a multiple of 2^32, and W2..W15 for a block. So every W[t] whose terms are all
    host-known is a host word (W17, W19, W21 through W1's chain), and each other W[t] takes the sum of its
    host-known terms as one parameter C{t}, or as a literal where those terms are padding words only."""
    host = set(range(1, 16))
    plan = {}
    for t in range(16, 64):
        known = [tm for tm in schedule_terms(t) if tm[1] in host]
        thread = [tm for tm in schedule_terms(t) if tm[1] not in host]
        if not thread:
            host.add(t)
            plan[t] = ("host", known, [])
        elif known and all(idx in LITERAL_W for _, idx in known):
            plan[t] = ("literal", known, thread)
        else:
            plan[t] = ("param" if known else "none", known, thread)
    return host, plan


HOST_W, SCHEDULE_PLAN = plan_schedule()
# Rounds whose K+W is a parameter KW{t}; rounds 1..3 also take their h, which is still an IV word (H_FOLD).
KW_ROUNDS = sorted(t for t in HOST_W if t not in LITERAL_W)
SCHEDULE_PARAM_ROUNDS = [t for t in range(16, 64) if SCHEDULE_PLAN[t][0] == "param"]
H_FOLD = {}


def gen_sha(em):
    """Returns the 8 output words (IV added) as Vars/Lits."""
    w = {0: Var("W0")}  # upper case: never a generated name
    s0 = lambda x: em.let("s", f"{rotr_text(x, 7)} ^ {rotr_text(x, 18)} ^ ({x} >> 3)", [x])
    s1 = lambda x: em.let("s", f"{rotr_text(x, 17)} ^ {rotr_text(x, 19)} ^ ({x} >> 10)", [x])
    for t in range(16, 64):
        kind, known, thread = SCHEDULE_PLAN[t]
        if kind == "host":
            continue
        parts = []
        deps = []
        for fn, idx in thread:
            v = w[idx]
            sv = v if fn == "w" else (s0(v) if fn == "s0" else s1(v))
            parts.append(str(sv)); deps.append(sv)
        if kind == "param":
            parts.append(f"c.C{t}")
        elif kind == "literal":
            lit = sum(term_value(fn, LITERAL_W[idx]) for fn, idx in known) & MASK
            if lit:
                parts.append(hx(lit))
        w[t] = em.let("w", " + ".join(parts), deps)

    def kw(t):
        if t in LITERAL_W:
            return hx((SHA_K[t] + LITERAL_W[t]) & MASK), []
        if t in HOST_W:
            return f"c.KW{t}", []
        return f"{hx(SHA_K[t])} + {w[t]}", [w[t]]

    # Round 0 runs on the IV only: fold everything but W0 here.
    a, b, c, d, e, f, g, h = SHA_IV
    big_s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    ch = (e & f) ^ (~e & g & MASK)
    big_s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    maj = (a & b) ^ (a & c) ^ (b & c)
    t1c = (h + big_s1 + ch + SHA_K[0]) & MASK
    t1 = em.let("t", f"{hx(t1c)} + W0", [w[0]])
    na = em.let("a", f"{t1} + {hx((big_s0 + maj) & MASK)}", [t1])
    ne = em.let("e", f"{t1} + {hx(d)}", [t1])
    st = [na, Lit(a), Lit(b), Lit(c), ne, Lit(e), Lit(f), Lit(g)]
    for t in range(1, 64):
        a, b, c, d, e, f, g, h = st
        k_text, k_deps = kw(t)
        S1 = em.let("s", f"{rotr_text(e, 6)} ^ {rotr_text(e, 11)} ^ {rotr_text(e, 25)}", [e])
        ch = em.let("h", f"({e} & {f}) ^ (~{e} & {g})", [e, f, g])
        if isinstance(h, Lit) and t in KW_ROUNDS:
            H_FOLD[t] = h.v  # the host adds it to KW{t}: one addition less per seal
            t1 = em.let("t", f"{S1} + {ch} + {k_text}", [S1, ch] + k_deps)
        else:
            t1 = em.let("t", f"{h} + {S1} + {ch} + {k_text}", [h, S1, ch] + k_deps)
        S0 = em.let("s", f"{rotr_text(a, 2)} ^ {rotr_text(a, 13)} ^ {rotr_text(a, 22)}", [a])
        mj = em.let("m", f"({a} & {b}) ^ ({a} & {c}) ^ ({b} & {c})", [a, b, c])
        na = em.let("a", f"{t1} + {S0} + {mj}", [t1, S0, mj])
        ne = em.let("e", f"{d} + {t1}", [d, t1])
        st = [na, a, b, c, ne, e, f, g]
    return [em.let("o", f"{st[i]} + {hx(SHA_IV[i])}", [st[i]]) for i in range(8)]


# ---------------------------------------------------------------- Keccak-f[1600]
def keccak_round(em, lanes, rnd):
    cols = keccak_columns(em, lanes)
    return keccak_round_from_columns(em, lanes, cols, rnd)


def keccak_columns(em, lanes):
    return [(em.xor(*[lanes[x + 5 * y][0] for y in range(5)]), em.xor(*[lanes[x + 5 * y][1] for y in range(5)])) for x in range(5)]


def keccak_round_from_columns(em, lanes, cols, rnd):
    # D[x] = C[x-1] ^ rot(C[x+1], 1) is not materialised: a ^ C[x-1] ^ rot(C[x+1]) is one LOP3 per
    # half-lane, where D first and then a ^ D costs 10 more LOP3s per round.
    rots = [em.rotl64(cols[(x + 1) % 5], 1) for x in range(5)]
    a = [None if lanes[i] is None else
         (em.xor(lanes[i][0], cols[(i + 4) % 5][0], rots[i % 5][0]),
          em.xor(lanes[i][1], cols[(i + 4) % 5][1], rots[i % 5][1])) for i in range(25)]
    bl = [None] * 25
    for x in range(5):
        for y in range(5):
            if a[x + 5 * y] is not None:
                bl[y + 5 * ((2 * x + 3 * y) % 5)] = em.rotl64(a[x + 5 * y], KECCAK_R[x][y])
    new = [None] * 25
    for y in range(5):
        for x in range(5):
            i = x + 5 * y
            b0, b1, b2 = bl[i], bl[(x + 1) % 5 + 5 * y], bl[(x + 2) % 5 + 5 * y]
            if b0 is None or b1 is None or b2 is None:
                continue
            new[i] = (em.chi(b0[0], b1[0], b2[0]), em.chi(b0[1], b1[1], b2[1]))
    rc = KECCAK_RC[rnd]
    new[0] = (em.xor(new[0][0], Lit(rc & MASK)), em.xor(new[0][1], Lit(rc >> 32)))
    return new


# The seal lanes 0..3 of the last round read only row 0 of ρ∘π's output, i.e. the input lanes 0, 6, 12, 18, 24
# (θ-applied), and the five column parities.
LAST_ROUND_LANES = [0, 6, 12, 18, 24]


def gen_keccak_state(em, sha_out):
    """Keccak-f up to the last round's θ: the column parities and the five lanes the seal reads (SealState)."""
    lanes = [(Lit(0), Lit(0)) for _ in range(25)]
    for i in range(4):
        lo = em.let("k", bswap_text(sha_out[2 * i]), [sha_out[2 * i]])
        hi = em.let("k", bswap_text(sha_out[2 * i + 1]), [sha_out[2 * i + 1]])
        lanes[i] = (lo, hi)
    lanes[4] = (Lit(0x01), Lit(0))            # original Keccak padding byte 0x01 after 32 bytes
    lanes[16] = (Lit(0), Lit(0x80000000))     # final bit of the 136-byte rate
    for rnd in range(23):
        lanes = keccak_round(em, lanes, rnd)
    cols = keccak_columns(em, lanes)
    fields = {}
    for x in range(5):
        fields[f"C{x}L"], fields[f"C{x}H"] = cols[x]
    for i in LAST_ROUND_LANES:
        fields[f"A{i}L"], fields[f"A{i}H"] = lanes[i]
    return fields


def gen_last_round(em, fields):
    """The last round from SealState fields (named s.X), reduced to the seal lanes 0..3."""
    lanes = [None] * 25
    for i in LAST_ROUND_LANES:
        lanes[i] = (Var(f"s.A{i}L"), Var(f"s.A{i}H"))
    cols = [(Var(f"s.C{x}L"), Var(f"s.C{x}H")) for x in range(5)]
    return keccak_round_from_columns(em, lanes, cols, 23)[:4]


def gen_host_precompute():
    """Body of SealConstants.FromWords: the host words in order, then the fields."""
    term = lambda fn, idx: f"w{idx}" if fn == "w" else f"{fn.upper()}(w{idx})"
    lines = ["        uint " + ", ".join(f"w{i} = {hx(v)}" for i, v in LITERAL_W.items()) + ";"]
    for t in sorted(HOST_W):
        if t >= 16:
            lines.append(f"        uint w{t} = {' + '.join(term(fn, idx) for fn, idx in SCHEDULE_PLAN[t][1])};")
    lines.append("        return new()")
    lines.append("        {")
    for t in KW_ROUNDS:
        extra = f" + {hx(H_FOLD[t])}" if t in H_FOLD else ""
        lines.append(f"            KW{t} = {hx(SHA_K[t])} + w{t}{extra},")
    for t in SCHEDULE_PARAM_ROUNDS:
        lines.append(f"            C{t} = {' + '.join(term(fn, idx) for fn, idx in SCHEDULE_PLAN[t][1])},")
    lines.append("        };")
    return lines


def emit_body(src, body, indent="        "):
    for name, text in body:
        src.append(f"{indent}uint {name} = {text};")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "src", "BittensorPow.Engine", "Backends", "Gpu", "SealMath.g.cs")
    em = Emitter()
    sha = gen_sha(em)
    state = gen_keccak_state(em, sha)
    body = em.prune(list(state.values()))
    state_names = list(state.keys())

    # The last round in three pruned pieces: the early reject reads one 32-bit half of one lane, so the hot path
    # computes only what feeds that half, and the rest of the four lanes is computed for candidates only.
    def last_round_piece(pick):
        e = Emitter()
        e.counter = em.counter  # names distinct from ComputeState's, which the inlined methods share a kernel with
        seal = gen_last_round(e, state)
        outs = pick(seal)
        return e.prune([o for o in outs if isinstance(o, Var)]), outs
    top_le_body, (top_le,) = last_round_piece(lambda seal: [seal[3][1]])   # hi half of lane 3
    top_be_body, (top_be,) = last_round_piece(lambda seal: [seal[0][0]])   # lo half of lane 0 (ι included)
    finish_body, finish_outs = last_round_piece(lambda seal: [h for lane in seal for h in lane])

    fields = [f"KW{t}" for t in KW_ROUNDS] + [f"C{t}" for t in SCHEDULE_PARAM_ROUNDS]
    src = []
    src.append("// <auto-generated>")
    src.append("// Written by tools/ptx/gen_seal_math.py; edit the generator, not this file.")
    src.append("// </auto-generated>")
    src.append("using System.Numerics;")
    src.append("using System.Runtime.CompilerServices;")
    src.append("")
    src.append("namespace BittensorPow.Engine.Backends.Gpu;")
    src.append("")
    src.append("/// <summary>")
    src.append("/// What the SHA-256 block of a launch shares: K+W of the rounds whose word is known on the host (W1..W9 and the")
    src.append("/// schedule words built from them alone; rounds 1..3 also add their h, still an IV word) and the host-known part of")
    src.append("/// the other schedule words. Valid for the nonces whose high 32 bits gave W1.")
    src.append("/// </summary>")
    src.append("public struct SealConstants")
    src.append("{")
    src.append("    public uint " + ", ".join(fields) + ";")
    src.append("")
    src.append("    /// <summary>From W1 (the nonce's high 32 bits, byte-swapped) and W2..W9 (bah read as big-endian words).</summary>")
    src.append("    public static SealConstants FromWords(uint w1, uint w2, uint w3, uint w4, uint w5, uint w6, uint w7, uint w8, uint w9)")
    src.append("    {")
    src.extend(gen_host_precompute())
    src.append("    }")
    src.append("")
    src.append("    private static uint S0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);")
    src.append("")
    src.append("    private static uint S1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);")
    src.append("}")
    src.append("")
    src.append("/// <summary>The four seal lanes, each the little-endian read of 8 seal bytes.</summary>")
    src.append("public struct SealLanes")
    src.append("{")
    src.append("    public ulong L0, L1, L2, L3;")
    src.append("}")
    src.append("")
    src.append("/// <summary>")
    src.append("/// Keccak-f's state before its last round, reduced to what the seal lanes need: the column parities C0..C4 and")
    src.append("/// the lanes 0, 6, 12, 18, 24 (halves L = bits 0..31, H = bits 32..63).")
    src.append("/// </summary>")
    src.append("public struct SealState")
    src.append("{")
    src.append("    public uint " + ", ".join(state_names) + ";")
    src.append("}")
    src.append("")
    src.append("internal static class SealMath")
    src.append("{")
    src.append(f"    /// <summary>SHA-256 and Keccak-f up to its last round in {len(body)} straight-line statements.</summary>")
    src.append("    [MethodImpl(MethodImplOptions.AggressiveInlining)]")
    src.append("    public static SealState ComputeState(uint nonceLow, SealConstants c)")
    src.append("    {")
    src.append(f"        uint W0 = {bswap_text('nonceLow')};")
    emit_body(src, body)
    src.append("        SealState s;")
    for name in state_names:
        src.append(f"        s.{name} = {state[name]};")
    src.append("        return s;")
    src.append("    }")
    src.append("")
    src.append("    /// <summary>The seal's bits 224..255 read little-endian (bytes 28..31, the top half of lane 3).</summary>")
    src.append("    [MethodImpl(MethodImplOptions.AggressiveInlining)]")
    src.append("    public static uint TopWordLittleEndian(SealState s)")
    src.append("    {")
    emit_body(src, top_le_body)
    src.append(f"        return {top_le};")
    src.append("    }")
    src.append("")
    src.append("    /// <summary>The seal's bits 224..255 read big-endian (bytes 0..3, the low half of lane 0 byte-swapped).</summary>")
    src.append("    [MethodImpl(MethodImplOptions.AggressiveInlining)]")
    src.append("    public static uint TopWordBigEndian(SealState s)")
    src.append("    {")
    emit_body(src, top_be_body)
    src.append(f"        return {bswap_text(top_be)};")
    src.append("    }")
    src.append("")
    src.append(f"    /// <summary>The last Keccak round, reduced to the four seal lanes ({len(finish_body)} statements).</summary>")
    src.append("    [MethodImpl(MethodImplOptions.AggressiveInlining)]")
    src.append("    public static SealLanes Finish(SealState s)")
    src.append("    {")
    emit_body(src, finish_body)
    src.append("        SealLanes r;")
    for i in range(4):
        lo, hi = finish_outs[2 * i], finish_outs[2 * i + 1]
        src.append(f"        r.L{i} = ((ulong){hi} << 32) | {lo};")
    src.append("        return r;")
    src.append("    }")
    src.append("")
    src.append("    /// <summary>seal = Keccak256(SHA-256(u64_le(nonce) ‖ bah)) as four lanes; the nonce's high half is in c.</summary>")
    src.append("    [MethodImpl(MethodImplOptions.AggressiveInlining)]")
    src.append("    public static SealLanes Compute(uint nonceLow, SealConstants c) => Finish(ComputeState(nonceLow, c));")
    src.append("}")
    with open(out, "w", newline="\n") as fh:
        fh.write("\n".join(src) + "\n")
    print(f"wrote {out}: {len(body)} + {len(finish_body)} statements (early reject: {len(top_le_body)} LE, {len(top_be_body)} BE)")


if __name__ == "__main__":
    main()
