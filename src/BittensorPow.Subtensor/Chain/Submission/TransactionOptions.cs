namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>How a transaction is signed besides its call.</summary>
public sealed record TransactionOptions
{
    public static TransactionOptions Default { get; } = new();

    /// <summary>
    /// Blocks the transaction stays valid for (rounded up to a power of two in [4, 65536]). 64 blocks (about 13 minutes)
    /// is long enough for a busy pool and short enough that a forgotten transaction cannot land much later.
    /// </summary>
    public ulong EraPeriod { get; init; } = DefaultEraPeriod;

    /// <summary>btcli's and polkadot.js's default mortality: 64 blocks.</summary>
    public const ulong DefaultEraPeriod = 64;

    public BigInteger Tip { get; init; } = BigInteger.Zero;

    /// <summary>The account nonce to use; null reads it with system_accountNextIndex (which counts pooled transactions).</summary>
    public ulong? AccountNonce { get; init; }

    /// <summary>
    /// The recent block (number and hash, both known to the caller) the mortal era is born at; null reads the head. Lets a
    /// caller that follows heads anyway sign without a round trip.
    /// </summary>
    public (ulong Number, BlockHash Hash)? EraBlock { get; init; }

    /// <summary>
    /// Runtimes from spec 397 turn <c>register</c> into a paid burn registration that ignores the work (SPEC §2, §5).
    /// Building one is refused unless this is set.
    /// </summary>
    public bool AllowBurningRegister { get; init; }
}
