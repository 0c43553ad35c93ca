namespace BittensorPow.Subtensor.Runtime;

/// <summary>
/// What the solver must know about the runtime it is talking to: the seal byte order, whether <c>register</c> still
/// verifies the work, whether the faucet and register_limit exist, and whether extrinsics carry the CheckMetadataHash
/// mode byte.
/// </summary>
public sealed record RuntimeProfile(
    string SpecName, uint SpecVersion, uint TransactionVersion, byte MetadataVersion,
    SealRule SealRule, bool RegisterVerifiesWork, bool HasFaucet, bool HasCheckMetadataHash, bool HasRegisterLimit)
{
    /// <summary>The metadata lists SubtensorModule.pow_register: fee-free registration by the new seal (SPEC §10, spec 475 on).</summary>
    public bool HasPowRegister { get; init; }

    /// <summary>Last spec that reads the seal big-endian (code before 2025-05-30).</summary>
    public const uint LastBigEndianSpec = 271;

    /// <summary>First spec whose <c>register</c> ignores the work and burns instead (main from 2026-04-22).</summary>
    public const uint FirstBurningRegisterSpec = 397;

    /// <summary>
    /// SPEC §2 table. From <see cref="FirstBurningRegisterSpec"/> on, register does not look at the seal at all; the
    /// rule stays little-endian because that is what the faucet (where present) still checks.
    /// </summary>
    public static SealRule SealRuleFor(uint specVersion) =>
        specVersion <= LastBigEndianSpec ? SealRule.BigEndian : SealRule.LittleEndian;

    public static bool RegisterVerifiesWorkFor(uint specVersion) => specVersion < FirstBurningRegisterSpec;

    public static RuntimeProfile Create(RuntimeVersion version, RuntimeMetadata metadata) => new(
        version.SpecName, version.SpecVersion, version.TransactionVersion, metadata.Version,
        SealRuleFor(version.SpecVersion), RegisterVerifiesWorkFor(version.SpecVersion),
        metadata.TryGetCall("SubtensorModule", "faucet") is not null, metadata.HasCheckMetadataHash,
        metadata.TryGetCall("SubtensorModule", "register_limit") is not null)
    {
        HasPowRegister = metadata.TryGetCall("SubtensorModule", "pow_register") is not null,
    };
}
