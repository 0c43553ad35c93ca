namespace BittensorPow.Registration.Workflows;

/// <summary>What the faucet needs; <see cref="Unlock"/> decrypts the coldkey (called once, after confirmation).</summary>
public sealed record FaucetRequest(byte[] ColdkeyPublic, Func<Sr25519KeyPair> Unlock, SolveRequest Solve)
{
    public int Count { get; init; } = 1;
    /// <summary>-Endpoint; null: -Network's, else btcli's defaults.</summary>
    public string? Endpoint { get; init; }
    public string? Network { get; init; }
    /// <summary>-ReconnectLimitSec: how long to wait for a node whose connection dropped before NodeLost; null: the default.</summary>
    public TimeSpan? ReconnectLimit { get; init; }
    /// <summary>-Wait, -TimeoutSec and the attempts (<see cref="SubmissionPolicy"/>).</summary>
    public SubmissionPolicy Submission { get; init; } = new();
}
