namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// An element of GF(2^255 - 19) in five 51-bit limbs. Hand-written for ristretto255: BouncyCastle's field code
/// serves its own Ed25519/X25519 and exposes no square-root-ratio or canonical-sign helpers that RFC 9496 needs.
/// Arithmetic has no secret-dependent branches; only constant setup uses BigInteger.
/// </summary>
internal readonly struct FieldElement
{
    private const ulong Mask51 = (1UL << 51) - 1;
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    private readonly ulong _l0, _l1, _l2, _l3, _l4;

    private FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4) { _l0 = l0; _l1 = l1; _l2 = l2; _l3 = l3; _l4 = l4; }

    public static readonly FieldElement Zero = new(0, 0, 0, 0, 0);
    public static readonly FieldElement One = new(1, 0, 0, 0, 0);

    /// <summary>d = -121665/121666, the edwards25519 curve constant.</summary>
    public static readonly FieldElement D = FromBigInteger(Mod(-121665 * BigInteger.ModPow(121666, P - 2, P)));
    public static readonly FieldElement D2 = D + D;
    /// <summary>The non-negative square root of -1, 2^((p-1)/4) (2 is a non-residue).</summary>
    public static readonly FieldElement SqrtM1 = FromBigInteger(BigInteger.ModPow(2, (P - 1) / 4, P)).Abs();
    /// <summary>1/sqrt(a - d) with a = -1, the non-negative root (RFC 9496 §4.1).</summary>
    public static readonly FieldElement InvSqrtAMinusD = SqrtRatioM1(One, -One - D).Root;

    /// <summary>Reads 32 little-endian bytes, ignoring the top bit (callers that need canonical input check it).</summary>
    public static FieldElement FromBytes(ReadOnlySpan<byte> bytes)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new FieldElement(
            w0 & Mask51,
            ((w0 >> 51) | (w1 << 13)) & Mask51,
            ((w1 >> 38) | (w2 << 26)) & Mask51,
            ((w2 >> 25) | (w3 << 39)) & Mask51,
            (w3 >> 12) & Mask51);
    }

    public static FieldElement FromBigInteger(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        Mod(value).TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return FromBytes(bytes);
    }

    /// <summary>The canonical (fully reduced) 32-byte little-endian encoding.</summary>
    public void WriteBytes(Span<byte> destination)
    {
        var (l0, l1, l2, l3, l4) = Carried(_l0, _l1, _l2, _l3, _l4);
        // Now the value is below 2^255 + small; q = 1 exactly when value >= p.
        ulong q = (l0 + 19) >> 51;
        q = (l1 + q) >> 51;
        q = (l2 + q) >> 51;
        q = (l3 + q) >> 51;
        q = (l4 + q) >> 51;
        l0 += 19 * q;
        l1 += l0 >> 51; l0 &= Mask51;
        l2 += l1 >> 51; l1 &= Mask51;
        l3 += l2 >> 51; l2 &= Mask51;
        l4 += l3 >> 51; l3 &= Mask51;
        l4 &= Mask51;
        BinaryPrimitives.WriteUInt64LittleEndian(destination, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (l3 >> 39) | (l4 << 12));
    }

    public byte[] ToBytes() { var b = new byte[32]; WriteBytes(b); return b; }

    /// <summary>RFC 9496 IS_NEGATIVE: the low bit of the canonical encoding.</summary>
    public bool IsNegative { get { Span<byte> b = stackalloc byte[32]; WriteBytes(b); return (b[0] & 1) != 0; } }

    public bool IsZero
    {
        get
        {
            Span<byte> b = stackalloc byte[32];
            WriteBytes(b);
            Span<byte> z = stackalloc byte[32];
            z.Clear();
            return CryptographicOperations.FixedTimeEquals(b, z);
        }
    }

    public bool ConstantTimeEquals(FieldElement other)
    {
        Span<byte> a = stackalloc byte[32], b = stackalloc byte[32];
        WriteBytes(a); other.WriteBytes(b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>Returns <paramref name="ifTrue"/> when <paramref name="condition"/>, else <paramref name="ifFalse"/>, without branching.</summary>
    public static FieldElement Select(FieldElement ifFalse, FieldElement ifTrue, bool condition)
    {
        ulong mask = 0UL - (ulong)(condition ? 1 : 0);
        return new FieldElement(
            ifFalse._l0 ^ (mask & (ifFalse._l0 ^ ifTrue._l0)),
            ifFalse._l1 ^ (mask & (ifFalse._l1 ^ ifTrue._l1)),
            ifFalse._l2 ^ (mask & (ifFalse._l2 ^ ifTrue._l2)),
            ifFalse._l3 ^ (mask & (ifFalse._l3 ^ ifTrue._l3)),
            ifFalse._l4 ^ (mask & (ifFalse._l4 ^ ifTrue._l4)));
    }

    public FieldElement Abs() => Select(this, -this, IsNegative);
    public FieldElement NegateIf(bool condition) => Select(this, -this, condition);

    public static FieldElement operator +(FieldElement a, FieldElement b) =>
        Reduce(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4);

    // a - b computed as a + 2p - b so that no limb goes negative (limbs are kept below 2^52).
    public static FieldElement operator -(FieldElement a, FieldElement b) =>
        Reduce(a._l0 + 0xFFFFFFFFFFFDA - b._l0, a._l1 + 0xFFFFFFFFFFFFE - b._l1, a._l2 + 0xFFFFFFFFFFFFE - b._l2,
               a._l3 + 0xFFFFFFFFFFFFE - b._l3, a._l4 + 0xFFFFFFFFFFFFE - b._l4);

    public static FieldElement operator -(FieldElement a) => Zero - a;

    public static FieldElement operator *(FieldElement a, FieldElement b)
    {
        // Schoolbook product; limb i+j >= 5 wraps around with a factor 19 because 2^255 = 19 (mod p).
        ulong b1 = b._l1 * 19, b2 = b._l2 * 19, b3 = b._l3 * 19, b4 = b._l4 * 19;
        UInt128 r0 = M(a._l0, b._l0) + M(a._l1, b4) + M(a._l2, b3) + M(a._l3, b2) + M(a._l4, b1);
        UInt128 r1 = M(a._l0, b._l1) + M(a._l1, b._l0) + M(a._l2, b4) + M(a._l3, b3) + M(a._l4, b2);
        UInt128 r2 = M(a._l0, b._l2) + M(a._l1, b._l1) + M(a._l2, b._l0) + M(a._l3, b4) + M(a._l4, b3);
        UInt128 r3 = M(a._l0, b._l3) + M(a._l1, b._l2) + M(a._l2, b._l1) + M(a._l3, b._l0) + M(a._l4, b4);
        UInt128 r4 = M(a._l0, b._l4) + M(a._l1, b._l3) + M(a._l2, b._l2) + M(a._l3, b._l1) + M(a._l4, b._l0);

        r1 += (ulong)(r0 >> 51); ulong l0 = (ulong)r0 & Mask51;
        r2 += (ulong)(r1 >> 51); ulong l1 = (ulong)r1 & Mask51;
        r3 += (ulong)(r2 >> 51); ulong l2 = (ulong)r2 & Mask51;
        r4 += (ulong)(r3 >> 51); ulong l3 = (ulong)r3 & Mask51;
        ulong carry = (ulong)(r4 >> 51); ulong l4 = (ulong)r4 & Mask51;
        l0 += carry * 19;
        l1 += l0 >> 51; l0 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }

    public FieldElement Square() => this * this;

    private FieldElement SquareTimes(int n)
    {
        var r = this;
        for (int i = 0; i < n; i++) r = r.Square();
        return r;
    }

    /// <summary>z^(2^250 - 1), the prefix of the square-root exponent.</summary>
    private FieldElement Pow250Minus1()
    {
        var z2 = Square();
        var z9 = z2.SquareTimes(2) * this;
        var z11 = z9 * z2;
        var e5 = z11.Square() * z9;                 // 2^5 - 1
        var e10 = e5.SquareTimes(5) * e5;           // 2^10 - 1
        var e20 = e10.SquareTimes(10) * e10;        // 2^20 - 1
        var e40 = e20.SquareTimes(20) * e20;        // 2^40 - 1
        var e50 = e40.SquareTimes(10) * e10;        // 2^50 - 1
        var e100 = e50.SquareTimes(50) * e50;       // 2^100 - 1
        var e200 = e100.SquareTimes(100) * e100;    // 2^200 - 1
        var e250 = e200.SquareTimes(50) * e50;      // 2^250 - 1
        return e250;
    }

    /// <summary>z^((p-5)/8) = z^(2^252 - 3).</summary>
    private FieldElement Pow22523() => Pow250Minus1().SquareTimes(2) * this;

    /// <summary>
    /// RFC 9496 SQRT_RATIO_M1: (true, sqrt(u/v)) when u/v is square, else (false, sqrt(i·u/v)); the root is non-negative.
    /// </summary>
    public static (bool WasSquare, FieldElement Root) SqrtRatioM1(FieldElement u, FieldElement v)
    {
        var v3 = v.Square() * v;
        var v7 = v3.Square() * v;
        var r = (u * v3) * (u * v7).Pow22523();
        var check = v * r.Square();
        bool correctSign = check.ConstantTimeEquals(u);
        bool flippedSign = check.ConstantTimeEquals(-u);
        bool flippedSignI = check.ConstantTimeEquals(-u * SqrtM1);
        r = Select(r, SqrtM1 * r, flippedSign | flippedSignI);
        return (correctSign | flippedSign, r.Abs());
    }

    private static UInt128 M(ulong a, ulong b) => (UInt128)a * b;

    private static (ulong, ulong, ulong, ulong, ulong) Carried(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        l1 += l0 >> 51; l0 &= Mask51;
        l2 += l1 >> 51; l1 &= Mask51;
        l3 += l2 >> 51; l2 &= Mask51;
        l4 += l3 >> 51; l3 &= Mask51;
        l0 += (l4 >> 51) * 19; l4 &= Mask51;
        l1 += l0 >> 51; l0 &= Mask51;
        return (l0, l1, l2, l3, l4);
    }

    private static FieldElement Reduce(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        var (a, b, c, d, e) = Carried(l0, l1, l2, l3, l4);
        return new FieldElement(a, b, c, d, e);
    }

    private static BigInteger Mod(BigInteger x) { var r = x % P; return r.Sign < 0 ? r + P : r; }
}
