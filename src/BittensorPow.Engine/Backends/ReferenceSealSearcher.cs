namespace BittensorPow.Engine.Backends;

/// <summary>The reference path as a back end (tests compare the others with it): one nonce at a time through <see cref="Seal.Compute(ReadOnlySpan{byte}, ulong, Span{byte})"/>.</summary>
public sealed class ReferenceSealSearcher : ISealSearcher
{
    private byte[] _bah = new byte[32];
    private SealThreshold _threshold;
    private SealByteOrder _order;

    public string Name => "Reference";
    public ulong PreferredBatch => 50_000;

    public void Prepare(BlockTemplate template)
    {
        _bah = template.BlockAndHotkeyHash.ToArray();
        _threshold = template.Difficulty.Threshold;
        _order = template.ByteOrder;
    }

    public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong nonce)
    {
        Span<byte> seal = stackalloc byte[Seal.Length];
        for (ulong i = 0; i < count; i++)
        {
            ulong n = unchecked(start + i);
            Seal.Compute(_bah, n, seal);
            if (_threshold.Accepts(SealValue.FromSeal(seal, _order))) { nonce = n; return true; }
        }
        nonce = 0;
        return false;
    }

    public void Dispose() { }
}
