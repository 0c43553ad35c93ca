namespace BittensorPow.Registration.Solving;

/// <summary>The faucet's work: the coldkey's seal at the pallet's fixed difficulty, so a new head needs no read at all.</summary>
public sealed class FaucetTemplateSource(byte[] coldkey, SealByteOrder order, BlockHeader head, CancellationToken cancellation)
    : HeadTemplateSource(new BlockTemplate(new LegacyChallenge(head.Number, head.Hash.AsSpan(), coldkey, order), new(Difficulty)), cancellation)
{
    /// <summary>The faucet's fixed difficulty in subtensor's pallet (SPEC §9).</summary>
    public const ulong Difficulty = 1_000_000;

    protected override ValueTask<ulong> DifficultyAtAsync(BlockHeader header) => ValueTask.FromResult(Difficulty);
}
