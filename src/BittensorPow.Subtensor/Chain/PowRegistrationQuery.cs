namespace BittensorPow.Subtensor.Chain;

/// <summary>Which subnet, and optionally which hotkey and coldkey, a <see cref="PowRegistrationState"/> read is about.</summary>
public sealed record PowRegistrationQuery(ushort NetUid)
{
    public byte[]? Hotkey { get; init; }
    public byte[]? Coldkey { get; init; }
}
