namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// ristretto255 encoding and decoding (RFC 9496 §4.3) over <see cref="EdwardsPoint"/>: the prime-order group
/// that sr25519 public keys and signature commitments live in. Hand-written: no package here provides it.
/// </summary>
internal static class Ristretto255
{
    public const int EncodedLength = 32;

    public static byte[] Encode(in EdwardsPoint p)
    {
        var u1 = (p.Z + p.Y) * (p.Z - p.Y);
        var u2 = p.X * p.Y;
        var (_, invSqrt) = FieldElement.SqrtRatioM1(FieldElement.One, u1 * u2.Square());
        var den1 = invSqrt * u1;
        var den2 = invSqrt * u2;
        var zInv = den1 * den2 * p.T;
        var ix0 = p.X * FieldElement.SqrtM1;
        var iy0 = p.Y * FieldElement.SqrtM1;
        var enchantedDenominator = den1 * FieldElement.InvSqrtAMinusD;
        bool rotate = (p.T * zInv).IsNegative;
        var x = FieldElement.Select(p.X, iy0, rotate);
        var y = FieldElement.Select(p.Y, ix0, rotate);
        var denInv = FieldElement.Select(den2, enchantedDenominator, rotate);
        y = y.NegateIf((x * zInv).IsNegative);
        var s = (denInv * (p.Z - y)).Abs();
        return s.ToBytes();
    }

    /// <summary>Decodes a canonical encoding; false for non-canonical bytes or points outside the group.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out EdwardsPoint point)
    {
        point = EdwardsPoint.Identity;
        if (encoded.Length != EncodedLength) return false;
        var s = FieldElement.FromBytes(encoded);
        Span<byte> reencoded = stackalloc byte[32];
        s.WriteBytes(reencoded);
        // Canonical means: below p (re-encoding gives the same bytes, top bit included) and non-negative.
        if (!CryptographicOperations.FixedTimeEquals(reencoded, encoded) || s.IsNegative) return false;

        var ss = s.Square();
        var u1 = FieldElement.One - ss;
        var u2 = FieldElement.One + ss;
        var u2Sqr = u2.Square();
        var v = -(FieldElement.D * u1.Square()) - u2Sqr;
        var (wasSquare, invSqrt) = FieldElement.SqrtRatioM1(FieldElement.One, v * u2Sqr);
        var denX = invSqrt * u2;
        var denY = invSqrt * denX * v;
        var x = ((s + s) * denX).Abs();
        var y = u1 * denY;
        var t = x * y;
        if (!wasSquare || t.IsNegative || y.IsZero) return false;
        point = new EdwardsPoint(x, y, FieldElement.One, t);
        return true;
    }
}
