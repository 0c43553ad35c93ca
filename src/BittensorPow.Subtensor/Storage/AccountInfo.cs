namespace BittensorPow.Subtensor.Storage;

/// <summary>The parts of System.Account the client uses; balances in rao (1 TAO = 10⁹ rao).</summary>
public sealed record AccountInfo(ulong Nonce, UInt128 Free, UInt128 Reserved, UInt128 Frozen);
