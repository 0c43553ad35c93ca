namespace BittensorPow.Subtensor.Crypto;

/// <summary>
/// A point of edwards25519 (-x² + y² = 1 + d·x²·y²) in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z.
/// Formulas: Hisil–Wong–Carter–Dawson 2008 ("add-2008-hwcd-3", "dbl-2008-hwcd") for a = -1.
/// Hand-written for ristretto255 (see <see cref="FieldElement"/> for why).
/// </summary>
internal readonly struct EdwardsPoint
{
    public readonly FieldElement X, Y, Z, T;

    public EdwardsPoint(FieldElement x, FieldElement y, FieldElement z, FieldElement t) { X = x; Y = y; Z = z; T = t; }

    public static readonly EdwardsPoint Identity = new(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>The standard base point: y = 4/5 and x non-negative.</summary>
    public static readonly EdwardsPoint Basepoint = BuildBasepoint();

    public static EdwardsPoint operator +(EdwardsPoint p, EdwardsPoint q)
    {
        var a = (p.Y - p.X) * (q.Y - q.X);
        var b = (p.Y + p.X) * (q.Y + q.X);
        var c = p.T * FieldElement.D2 * q.T;
        var zz = p.Z * q.Z;
        var d = zz + zz;
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new EdwardsPoint(e * f, g * h, f * g, e * h);
    }

    public static EdwardsPoint operator -(EdwardsPoint p) => new(-p.X, p.Y, p.Z, -p.T);

    public EdwardsPoint Double()
    {
        var a = X.Square();
        var b = Y.Square();
        var zz = Z.Square();
        var c = zz + zz;
        var d = -a;
        var e = (X + Y).Square() - a - b;
        var g = d + b;
        var f = g - c;
        var h = d - b;
        return new EdwardsPoint(e * f, g * h, f * g, e * h);
    }

    public static EdwardsPoint Select(EdwardsPoint ifFalse, EdwardsPoint ifTrue, bool condition) => new(
        FieldElement.Select(ifFalse.X, ifTrue.X, condition),
        FieldElement.Select(ifFalse.Y, ifTrue.Y, condition),
        FieldElement.Select(ifFalse.Z, ifTrue.Z, condition),
        FieldElement.Select(ifFalse.T, ifTrue.T, condition));

    /// <summary>
    /// scalar·P for a 32-byte little-endian scalar: double-and-add-always with a branch-free select, so the
    /// sequence of operations does not depend on the (possibly secret) scalar.
    /// </summary>
    public EdwardsPoint Multiply(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != 32) throw new ArgumentException("Scalars are 32 bytes.", nameof(scalar));
        var acc = Identity;
        for (int bit = 255; bit >= 0; bit--)
        {
            acc = acc.Double();
            var sum = acc + this;
            acc = Select(acc, sum, ((scalar[bit >> 3] >> (bit & 7)) & 1) != 0);
        }
        return acc;
    }

    private static EdwardsPoint BuildBasepoint()
    {
        var p = (BigInteger.One << 255) - 19;
        var y = FieldElement.FromBigInteger(4 * BigInteger.ModPow(5, p - 2, p));
        var yy = y.Square();
        var (isSquare, x) = FieldElement.SqrtRatioM1(yy - FieldElement.One, FieldElement.D * yy + FieldElement.One);
        if (!isSquare) throw new InvalidOperationException("edwards25519 base point setup failed.");
        return new EdwardsPoint(x, y, FieldElement.One, x * y);
    }
}
