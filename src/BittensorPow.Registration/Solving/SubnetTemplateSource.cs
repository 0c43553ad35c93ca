namespace BittensorPow.Registration.Solving;

/// <summary>
/// A subnet's registration work. On each head one round trip reads the difficulty that applies there: Difficulty(netuid)
/// for the legacy seal, and for pow_register the effective one (clamped by Min/MaxDifficulty, read together).
/// </summary>
public sealed class SubnetTemplateSource(SubtensorClient client, ushort netUid, BlockTemplate first, CancellationToken cancellation)
    : HeadTemplateSource(first, cancellation)
{
    public ushort NetUid { get; } = netUid;

    /// <summary>-DifficultyMargin: solve for the chain's D times this, so the work stays valid if D rises within its window.</summary>
    public double Margin { get; init; } = 1;

    protected override async ValueTask<ulong> DifficultyAtAsync(BlockHeader header)
    {
        ulong d = Current.Challenge is PowRegisterChallenge
            ? await client.Subtensor.EffectiveDifficultyAsync(NetUid, header.Hash, Cancellation).ConfigureAwait(false)
            : await client.Subtensor.DifficultyAsync(NetUid, header.Hash, Cancellation).ConfigureAwait(false);
        return d == 0 ? d : WithMargin(d).Value;
    }

    /// <summary>The difficulty to solve for where the chain's is <paramref name="chainDifficulty"/> (at least 1).</summary>
    public Difficulty WithMargin(ulong chainDifficulty) => new Difficulty(chainDifficulty).Times(Margin);
}
