namespace BittensorPow.Engine;

/// <summary>T = ⌊(2^256 − 1) / D⌋ as four words, most significant first.</summary>
public readonly record struct SealThreshold(ulong T3, ulong T2, ulong T1, ulong T0)
{
    public bool Accepts(in SealValue v)
    {
        if (v.W3 != T3) return v.W3 < T3;
        if (v.W2 != T2) return v.W2 < T2;
        if (v.W1 != T1) return v.W1 < T1;
        return v.W0 <= T0;
    }
}
