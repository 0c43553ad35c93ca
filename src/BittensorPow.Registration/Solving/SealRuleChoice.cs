namespace BittensorPow.Registration.Solving;

/// <summary>The runtime decides the seal byte order (SPEC §2) unless the user overrides it; either way we say which.</summary>
public static class SealRuleChoice
{
    public static (SealByteOrder Order, string Rule) Choose(RuntimeProfile profile, SealByteOrder? overrideOrder)
    {
        var runtimeOrder = profile.SealRule == SealRule.BigEndian ? SealByteOrder.BigEndian : SealByteOrder.LittleEndian;
        string runtimeRule = profile.SealRule == SealRule.BigEndian
            ? $"runtime spec {profile.SpecVersion} reads the seal big-endian (specs up to {RuntimeProfile.LastBigEndianSpec})"
            : profile.RegisterVerifiesWork
                ? $"runtime spec {profile.SpecVersion} reads the seal little-endian " +
                    $"(specs {RuntimeProfile.LastBigEndianSpec + 1}-{RuntimeProfile.FirstBurningRegisterSpec - 1})"
                : $"runtime spec {profile.SpecVersion}'s register ignores work; little-endian as its faucet checks";
        if (overrideOrder is { } o && o != runtimeOrder)
            return (o, $"given with -SealByteOrder, although {runtimeRule}");
        return (runtimeOrder, runtimeRule);
    }

    /// <summary>Why a pow_register seal is read as it is.</summary>
    public const string PowRegisterRule = "pow_register (runtimes from spec 475) reads its seal little-endian";

    /// <summary>Offline there is no runtime to ask: little-endian (specs 272-396) unless the user says otherwise.</summary>
    public static (SealByteOrder Order, string Rule) Offline(SealByteOrder? given) => given is { } o
        ? (o, "given with -SealByteOrder")
        : (SealByteOrder.LittleEndian,
            $"default little-endian rule (subtensor spec {RuntimeProfile.LastBigEndianSpec + 1}-{RuntimeProfile.FirstBurningRegisterSpec - 1}); " +
            $"pass -SealByteOrder BigEndian for runtimes up to spec {RuntimeProfile.LastBigEndianSpec}");
}
