namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>Host side of a launch: turns a template into the kernel's per-block parameters.</summary>
public static class SealParameters
{
    /// <summary>
    /// The SHA-256 constants for every nonce whose high 32 bits equal <paramref name="nonce"/>'s: W1 (those bits) and
    /// W2..W9 (bah read as big-endian words) folded with everything that depends on them alone.
    /// </summary>
    public static SealConstants Constants(ReadOnlySpan<byte> blockAndHotkeyHash, ulong nonce)
    {
        if (blockAndHotkeyHash.Length != 32)
            throw new ArgumentException($"bah is 32 bytes, not {blockAndHotkeyHash.Length}.", nameof(blockAndHotkeyHash));
        Span<uint> w = stackalloc uint[8];
        for (int i = 0; i < 8; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(blockAndHotkeyHash[(4 * i)..]);
        // u64_le(nonce) puts the high half in bytes 4..7, which SHA-256 reads as a big-endian word.
        uint w1 = BinaryPrimitives.ReverseEndianness((uint)(nonce >> 32));
        return SealConstants.FromWords(w1, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    /// <summary>Launch parameters for <paramref name="template"/>; Constants, Base and Count are set per launch (<see cref="ForLaunch"/>).</summary>
    public static SealLaunch For(BlockTemplate template)
    {
        var t = template.Difficulty.Threshold;
        return new SealLaunch { T3 = t.T3, T2 = t.T2, T1 = t.T1, T0 = t.T0 };
    }

    /// <summary>
    /// <paramref name="template"/>'s parameters for the launch of <paramref name="count"/> nonces from
    /// <paramref name="launchBase"/>, which must not cross a multiple of 2^32 (see <see cref="SealLaunch.Base"/>).
    /// </summary>
    public static SealLaunch ForLaunch(SealLaunch template, ReadOnlySpan<byte> blockAndHotkeyHash, ulong launchBase, int count)
    {
        if (count < 0 || (ulong)(uint)launchBase + (ulong)count > 1UL << 32)
            throw new ArgumentOutOfRangeException(nameof(count),
                "A launch must not cross a multiple of 2^32: the nonce's high half is a launch constant.");
        var p = template;
        p.Constants = Constants(blockAndHotkeyHash, launchBase);
        p.Base = launchBase;
        p.Count = count;
        return p;
    }
}
