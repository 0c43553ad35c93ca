using System.Buffers.Binary;

namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>Host side of a launch: turns a template into the kernel's per-block parameters.</summary>
public static class SealParameters
{
    /// <summary>bah read as the big-endian SHA-256 message words W2..W9, folded into the per-block constants.</summary>
    public static SealConstants Constants(ReadOnlySpan<byte> blockAndHotkeyHash)
    {
        if (blockAndHotkeyHash.Length != 32) throw new ArgumentException($"bah is 32 bytes, not {blockAndHotkeyHash.Length}.", nameof(blockAndHotkeyHash));
        Span<uint> w = stackalloc uint[8];
        for (int i = 0; i < 8; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(blockAndHotkeyHash[(4 * i)..]);
        return SealConstants.FromBlockWords(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    /// <summary>Launch parameters for <paramref name="template"/>; Base and Count are set per launch.</summary>
    public static SealLaunch For(BlockTemplate template)
    {
        var t = template.Difficulty.Threshold;
        return new SealLaunch { Constants = Constants(template.BlockAndHotkeyHash), T3 = t.T3, T2 = t.T2, T1 = t.T1, T0 = t.T0 };
    }
}
