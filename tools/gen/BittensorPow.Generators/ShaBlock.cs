namespace BittensorPow.Generators;

/// <summary>
/// The SHA-256 block a GPU thread compresses for its seal: only W0 varies per thread; <see cref="LiteralWords"/> are
/// the same for every seal, <see cref="HostWords"/> the same for every thread of a launch. The chaining state is
/// SHA-256's IV (a one-block message) or, with <see cref="StartsFromIv"/> false, the state after the message's earlier
/// blocks, which the host passes per launch with round 0 folded into it.
/// </summary>
internal sealed record ShaBlock(IReadOnlyDictionary<int, uint> LiteralWords, IReadOnlyList<int> HostWords, bool StartsFromIv)
{
    /// <summary>The legacy seal's 40-byte pre-seal is one block (SPEC §1): W0, W1 = the nonce, W2..W9 = bah (per block),
    /// W10 = 0x80000000 (padding), W11..W14 = 0, W15 = 320 (length in bits). A launch never crosses a multiple of 2^32,
    /// so W1 is a host word.</summary>
    public static ShaBlock Legacy { get; } = new(
        new SortedDictionary<int, uint> { [10] = 0x80000000, [11] = 0, [12] = 0, [13] = 0, [14] = 0, [15] = 320 },
        [1, 2, 3, 4, 5, 6, 7, 8, 9], StartsFromIv: true);

    /// <summary>The third and last block of pow_register's 131-byte payload (SPEC §10): W0 = nonce bytes 5..7 ‖ 0x80,
    /// W1..W14 = 0, W15 = 1048 (length in bits); it starts from the state after block 2, fixed for 2^24 positions.</summary>
    public static ShaBlock PowRegisterThird { get; } = new(
        new SortedDictionary<int, uint>(Enumerable.Range(1, 14).ToDictionary(t => t, _ => 0u)) { [15] = 1048 },
        [], StartsFromIv: false);
}
