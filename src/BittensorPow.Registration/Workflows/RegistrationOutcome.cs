using BittensorPow.Registration.Errors;

namespace BittensorPow.Registration.Workflows;

/// <summary>What happened to one register (or faucet) extrinsic; <see cref="Error"/> is the chain's verdict when it failed.</summary>
public sealed record RegistrationOutcome(string Status, int Attempts)
{
    public ushort? NetUid { get; init; }
    public byte[] Account { get; init; } = [];
    public ushort? Uid { get; init; }
    public string? BlockHash { get; init; }
    public string? ExtrinsicHash { get; init; }
    public ulong? BlockNumber { get; init; }
    public ulong? Nonce { get; init; }
    public PowError? Error { get; init; }
}
