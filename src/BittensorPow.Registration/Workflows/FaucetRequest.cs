namespace BittensorPow.Registration.Workflows;

/// <summary>What the faucet needs; <see cref="Unlock"/> decrypts the coldkey (called once, after confirmation).</summary>
public sealed record FaucetRequest(byte[] ColdkeyPublic, Func<Sr25519KeyPair> Unlock, SolveRequest Solve)
{
    public int Count { get; init; } = 1;
    public NodeChoice Node { get; init; } = NodeChoice.Default;
    /// <summary>-Wait, -TimeoutSec and the attempts (<see cref="SubmissionPolicy"/>).</summary>
    public SubmissionPolicy Submission { get; init; } = new();
}
