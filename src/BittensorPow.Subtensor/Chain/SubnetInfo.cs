namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// What the solver checks before it starts (SPEC §4), read at one block. Absent items carry the runtime's metadata
/// defaults. When <see cref="Exists"/> is false the other values are the defaults and mean nothing.
/// </summary>
public sealed record SubnetInfo(
    ushort NetUid, bool Exists, ulong Difficulty, bool PowRegistrationAllowed, bool RegistrationAllowed,
    ushort RegistrationsThisBlock, ushort MaxRegistrationsPerBlock,
    ushort RegistrationsThisInterval, ushort TargetRegistrationsPerInterval, BlockHash? AtBlockHash);
