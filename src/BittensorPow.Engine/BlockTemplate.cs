namespace BittensorPow.Engine;

/// <summary>
/// One unit of work: a <see cref="Challenge"/> and the difficulty its seal must meet. Built once per block (and per
/// difficulty change); searchers prepare everything that does not depend on the nonce from it.
/// </summary>
public sealed class BlockTemplate(Challenge challenge, Difficulty difficulty)
{
    public Challenge Challenge { get; } = challenge ?? throw new ArgumentNullException(nameof(challenge));

    public Difficulty Difficulty { get; } = difficulty ?? throw new ArgumentNullException(nameof(difficulty));

    public ulong BlockNumber => Challenge.BlockNumber;

    public ReadOnlySpan<byte> BlockHash => Challenge.BlockHash;

    public SealByteOrder ByteOrder => Challenge.ByteOrder;

    /// <summary>
    /// Stopwatch timestamp of when the work became known (a new head arrived); the solver measures how long its
    /// workers take to move onto it from here. Defaults to the moment the template was built.
    /// </summary>
    public long AnnouncedTimestamp { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The scalar reference check: recompute the seal and apply the chain rule.</summary>
    public bool Verify(ulong nonce, out byte[] seal)
    {
        seal = Challenge.ComputeSeal(nonce);
        return Challenge.Accepts(seal, Difficulty);
    }

    /// <summary>Same challenge and difficulty: no worker needs to move.</summary>
    public bool IsSameWorkAs(BlockTemplate other) => Challenge.Equals(other.Challenge) && Difficulty.Value == other.Difficulty.Value;

    public override string ToString() => $"{Challenge} difficulty {Difficulty}";
}
