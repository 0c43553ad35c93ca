namespace BittensorPow.Engine;

/// <summary>
/// The rules other clients apply (SPEC §2), kept so that we can say exactly where they disagree with
/// the chain: the Python SDK's strict <c>BE(seal)·D &lt; 2^256−1</c> and cubit's <c>BE(seal) &lt; ⌊(2^256−1)/D⌋</c>.
/// Never used to accept a solution.
/// </summary>
public static class ReferenceClientRules
{
    public static bool Python(ReadOnlySpan<byte> seal, ulong difficulty) =>
        new BigInteger(seal, isUnsigned: true, isBigEndian: true) * difficulty < Difficulty.Limit;

    public static bool Cubit(ReadOnlySpan<byte> seal, ulong difficulty) =>
        difficulty != 0 && new BigInteger(seal, isUnsigned: true, isBigEndian: true) < Difficulty.Limit / difficulty;
}
