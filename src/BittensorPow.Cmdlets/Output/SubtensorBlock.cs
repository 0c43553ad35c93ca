namespace BittensorPow.Cmdlets.Output;

public sealed partial class SubtensorBlock
{
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
