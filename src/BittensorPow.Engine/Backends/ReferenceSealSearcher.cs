namespace BittensorPow.Engine.Backends;

/// <summary>
/// The reference path as a back end (tests compare the others with it): one nonce at a time through
/// <see cref="Challenge.ComputeSeal(ulong, Span{byte})"/>, in the challenge's search order.
/// </summary>
public sealed class ReferenceSealSearcher : ISealSearcher
{
    private BlockTemplate? _template;

    public string Name => "Reference";
    public ulong PreferredBatch => 50_000;

    public void Prepare(BlockTemplate template) => _template = template;

    public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong position)
    {
        var template = _template ?? throw new InvalidOperationException("Prepare must be called with a block template before Search.");
        var challenge = template.Challenge;
        Span<byte> seal = stackalloc byte[Seal.Length];
        for (ulong i = 0; i < count; i++)
        {
            ulong p = unchecked(start + i);
            challenge.ComputeSeal(challenge.NonceAt(p), seal);
            if (challenge.Accepts(seal, template.Difficulty)) { position = p; return true; }
        }
        position = 0;
        return false;
    }

    public void Dispose() { }
}
