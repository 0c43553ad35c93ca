namespace BittensorPow.Registration.Workflows;

/// <summary>What the faucet needs; <see cref="Unlock"/> decrypts the coldkey (called once, after confirmation).</summary>
public sealed record FaucetRequest(byte[] ColdkeyPublic, Func<Sr25519KeyPair> Unlock, SolveRequest Solve)
{
    public int Count { get; init; } = 1;
    public int MaxAttempts { get; init; } = 3;
    public WaitFor Wait { get; init; } = WaitFor.InBlock;
    /// <summary>-TimeoutSec: the most one drip may take, from its start to inclusion, every RPC and the solving included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Time already spent connecting, counted against the first drip.</summary>
    public TimeSpan SpentConnecting { get; init; }
}
