namespace BittensorPow.Cmdlets.Output;

/// <summary>Get-SubtensorBlock: a block and, with -NetUid, the subnet's registration state at that block.</summary>
public sealed class SubtensorBlock
{
    public ulong Number { get; init; }
    public string Hash { get; init; } = "";
    public string ParentHash { get; init; } = "";
    public string SpecName { get; init; } = "";
    public uint SpecVersion { get; init; }
    public string Endpoint { get; init; } = "";
    public ushort? NetUid { get; init; }
    public bool? SubnetExists { get; init; }
    public ulong? Difficulty { get; init; }
    public bool? PowRegistrationAllowed { get; init; }
    public bool? RegistrationAllowed { get; init; }
    public Engine.SealByteOrder SealByteOrder { get; init; }
    public bool RegisterVerifiesWork { get; init; }
    public decimal? Burn { get; init; }
    public string FaucetCall { get; init; } = "";
    public string RegisterLimitCall { get; init; } = "";
    public string PowRegisterCall { get; init; } = "";
    public Engine.SealScheme? RegistrationScheme { get; init; }
    public ulong? MinDifficulty { get; init; }
    public ulong? MaxDifficulty { get; init; }
    public ushort? RegistrationsThisBlock { get; init; }
    public ushort? MaxRegistrationsPerBlock { get; init; }
    public string? Hotkey { get; init; }
    public ushort? HotkeyUid { get; init; }
    public string? HotkeyOwner { get; init; }
    public ulong? LastPowRegistrationBlock { get; init; }

    internal static SubtensorBlock From(BlockReport r, byte[]? hotkey)
    {
        var (header, profile) = (r.Header, r.Profile);
        var s = r.Subnet is { SubnetExists: true } exists ? exists : null;
        return new SubtensorBlock
        {
            Number = header.Number, Hash = header.Hash.ToString(), ParentHash = header.ParentHash.ToString(),
            SpecName = profile.SpecName, SpecVersion = profile.SpecVersion, Endpoint = r.Endpoint,
            NetUid = r.Subnet?.NetUid, SubnetExists = r.Subnet?.SubnetExists, Difficulty = r.Difficulty,
            PowRegistrationAllowed = s?.PowRegistrationAllowed, RegistrationAllowed = s?.RegistrationAllowed,
            SealByteOrder = r.SealByteOrder, RegisterVerifiesWork = profile.RegisterVerifiesWork,
            Burn = s is null ? null : Tao.FromRao(s.Burn), FaucetCall = Listed(profile.HasFaucet),
            RegisterLimitCall = Listed(profile.HasRegisterLimit), PowRegisterCall = Listed(profile.HasPowRegister),
            RegistrationScheme = r.RegistrationScheme, MinDifficulty = s?.MinDifficulty, MaxDifficulty = s?.MaxDifficulty,
            RegistrationsThisBlock = s?.RegistrationsThisBlock, MaxRegistrationsPerBlock = s?.MaxRegistrationsPerBlock,
            Hotkey = s is not null && hotkey is not null ? Ss58.Encode(hotkey) : null, HotkeyUid = s?.Uid,
            HotkeyOwner = s?.Owner is { } o ? Ss58.Encode(o) : null, LastPowRegistrationBlock = s?.LastPowRegistrationBlock,
        };
    }

    private static string Listed(bool listed) => listed ? "Listed" : "NotListed";
}
