namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>
/// A transaction's validity window (sp_runtime::generic::Era). Immortal encodes as 0x00; mortal as a u16 holding
/// log2(period) - 1 in the low 4 bits and the (quantized) phase above them.
/// </summary>
public readonly record struct Era
{
    public const ulong MinPeriod = 4, MaxPeriod = 1 << 16;

    /// <summary>0 for an immortal era, else a power of two in [4, 65536].</summary>
    public ulong Period { get; }
    /// <summary>Block number modulo <see cref="Period"/> at the birth block.</summary>
    public ulong Phase { get; }
    public bool IsImmortal => Period == 0;

    private Era(ulong period, ulong phase) { Period = period; Phase = phase; }

    public static Era Immortal => default;

    /// <summary>
    /// A mortal era starting at <paramref name="currentBlock"/> for about <paramref name="period"/> blocks: the period is
    /// rounded up to a power of two within [4, 65536], and the phase quantized as the runtime decodes it.
    /// </summary>
    public static Era Mortal(ulong period, ulong currentBlock)
    {
        ulong rounded = period >= MaxPeriod ? MaxPeriod : Math.Clamp(BitOperations.RoundUpToPowerOf2(period), MinPeriod, MaxPeriod);
        ulong phase = currentBlock % rounded;
        ulong quantizeFactor = Math.Max(rounded >> 12, 1);
        return new Era(rounded, phase / quantizeFactor * quantizeFactor);
    }

    /// <summary>The first block of the window that contains <paramref name="currentBlock"/> (its hash is signed).</summary>
    public ulong Birth(ulong currentBlock) =>
        IsImmortal ? 0 : (Math.Max(currentBlock, Phase) - Phase) / Period * Period + Phase;

    /// <summary>The first block at which the transaction is no longer valid (ulong.MaxValue when immortal).</summary>
    public ulong Death(ulong currentBlock) => IsImmortal ? ulong.MaxValue : Birth(currentBlock) + Period;

    public void WriteTo(ScaleWriter writer)
    {
        if (IsImmortal) { writer.U8(0); return; }
        ulong quantizeFactor = Math.Max(Period >> 12, 1);
        int log = Math.Clamp(BitOperations.TrailingZeroCount(Period) - 1, 1, 15);
        writer.U16((ushort)(log | (int)((Phase / quantizeFactor) << 4)));
    }

    public byte[] Encode()
    {
        var w = new ScaleWriter();
        WriteTo(w);
        return w.ToArray();
    }

    public static Era Read(ref ScaleReader reader)
    {
        byte first = reader.U8();
        if (first == 0) return Immortal;
        int encoded = first | (reader.U8() << 8);
        ulong period = 2UL << (encoded % 16);
        ulong quantizeFactor = Math.Max(period >> 12, 1);
        ulong phase = (ulong)(encoded >> 4) * quantizeFactor;
        if (period < MinPeriod || phase >= period)
            throw new ScaleFormatException($"Invalid mortal era encoding 0x{encoded:x4}.");
        return new Era(period, phase);
    }

    public override string ToString() => IsImmortal ? "immortal" : $"mortal(period {Period}, phase {Phase})";
}
