namespace BittensorPow.Registration.Workflows;

/// <summary>A block, the runtime that produced it, and (when asked) a subnet's registration state at it.</summary>
public sealed record BlockReport(BlockHeader Header, RuntimeProfile Profile, string Endpoint)
{
    /// <summary>The seal byte order this runtime's rule reads.</summary>
    public SealByteOrder SealByteOrder { get; init; }
    /// <summary>The subnet's registration state at the block (with the hotkey's standing when one was asked about).</summary>
    public PowRegistrationState? Subnet { get; init; }

    /// <summary>The difficulty a registration by work must meet there: pow_register's clamped one, or register's stored one.</summary>
    public ulong? Difficulty => Subnet is { SubnetExists: true } s ? Profile.HasPowRegister ? s.EffectiveDifficulty : s.Difficulty : null;

    /// <summary>Which seal registration by work takes on this runtime; null where register burns and there is no pow_register.</summary>
    public SealScheme? RegistrationScheme =>
        Profile.HasPowRegister ? SealScheme.PowRegisterV1 : Profile.RegisterVerifiesWork ? SealScheme.Legacy : null;
}
