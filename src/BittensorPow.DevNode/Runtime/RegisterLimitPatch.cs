using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// Makes a real metadata file list what today's runtime (subtensor main, spec 425, SPEC §9) has and none of the
/// recorded files do: the call <c>register_limit(netuid, hotkey, limit_price)</c> at call index 134 and the error
/// <c>RegistrationPriceLimitExceeded</c>. Exactly these two variants are appended to SubtensorModule's call and error
/// enums; their fields reuse the type ids the same call enum already uses for netuid, hotkey and u64 arguments, so no
/// type is added and the patched file decodes wherever the original does.
/// </summary>
public static class RegisterLimitPatch
{
    public const string Pallet = "SubtensorModule";
    public const string CallName = "register_limit";
    public const byte CallIndex = 134;
    public const string ErrorName = "RegistrationPriceLimitExceeded";

    /// <summary>The patched blob; the blob itself when it already lists register_limit.</summary>
    public static byte[] Apply(byte[] metadata)
    {
        var decoded = MetadataDecoder.Decode(metadata);
        if (decoded.TryGetCall(Pallet, CallName) is not null) return metadata;
        var (callEnum, errorEnum) = Enums(decoded);
        var errors = (VariantDef)decoded.Types[errorEnum].Def;
        if (errors.ByName(ErrorName) is not null) throw new InvalidDataException($"{Pallet} already has the error {ErrorName}.");
        int nextError = errors.Variants.Max(v => v.Index) + 1;
        if (nextError > byte.MaxValue) throw new InvalidDataException($"{Pallet}'s error enum has no free index.");

        return MetadataEdit.ApplyAll(metadata,
        [
            .. EnumVariantSplice.Edits(metadata, callEnum, [Call(decoded)], $"{Pallet} calls"),
            .. EnumVariantSplice.Edits(metadata, errorEnum, [Error((byte)nextError)], $"{Pallet} errors"),
        ]);
    }

    /// <summary>
    /// register_limit at 134, its fields reusing the type ids (and type names) that burned_register uses for netuid and
    /// hotkey and that register uses for its u64 nonce; fails when 134 is taken.
    /// </summary>
    public static VariantCase Call(RuntimeMetadata decoded)
    {
        var calls = CallsWithFreeIndex(decoded, CallIndex);
        var burned = calls.ByName("burned_register")
            ?? throw new InvalidDataException($"{Pallet} has no burned_register to take argument types from.");
        var register = calls.ByName("register") ?? throw new InvalidDataException($"{Pallet} has no register to take the u64 type from.");
        return new VariantCase(CallName, CallIndex,
        [
            Field(burned, "netuid"),
            Field(burned, "hotkey"),
            Field(register, "nonce") with { Name = "limit_price" },
        ],
        ["Register a neuron by burning TAO, only if the subnet's burn is at most `limit_price` (rao)."]);
    }

    /// <summary>RegistrationPriceLimitExceeded at <paramref name="index"/>.</summary>
    public static VariantCase Error(byte index) => new(ErrorName, index, [], ["Registration Price Limit Exceeded"]);

    /// <summary>The type ids of <see cref="Pallet"/>'s call and error enums, which the patches append to.</summary>
    internal static (int Calls, int Errors) Enums(RuntimeMetadata decoded)
    {
        var pallet = decoded.Pallet(Pallet);
        return (pallet.CallTypeId ?? throw new InvalidDataException($"{Pallet} has no calls in this metadata."),
            pallet.ErrorTypeId ?? throw new InvalidDataException($"{Pallet} has no errors in this metadata."));
    }

    /// <summary><see cref="Pallet"/>'s calls; fails when a patch's call <paramref name="index"/> is taken.</summary>
    internal static VariantDef CallsWithFreeIndex(RuntimeMetadata decoded, byte index)
    {
        var calls = (VariantDef)decoded.Types[decoded.Pallet(Pallet).CallTypeId!.Value].Def;
        if (calls.ByIndex(index) is { } taken)
            throw new InvalidDataException($"Call index {index} of {Pallet} is already {taken.Name} in this metadata.");
        return calls;
    }

    internal static FieldDef Field(VariantCase call, string name) => call.Fields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"{Pallet}.{call.Name} has no argument '{name}'.");
}
