namespace BittensorPow.Subtensor.Chain.Events;

/// <summary>
/// Why an included extrinsic failed (sp_runtime::DispatchError). For <c>Module</c> errors the pallet and error names
/// and docs come from the runtime's metadata (their indices differ between runtimes); for the others
/// <see cref="ErrorName"/> is the variant, or the inner variant for Token/Arithmetic/Transactional/Trie
/// (e.g. "FundsUnavailable").
/// </summary>
public sealed record DispatchError(string Kind, string? PalletName, string ErrorName, IReadOnlyList<string> Docs)
{
    /// <summary>A sentence for people: names, the runtime's docs, and for registration errors what to do.</summary>
    public string Message
    {
        get
        {
            if (PalletName == SubtensorTransactions.Pallet && RegistrationErrors.IsKnown(ErrorName))
                return $"{PalletName}.{ErrorName}: {RegistrationErrors.Describe(ErrorName, Docs)}";
            // The runtime's docs come from the node's metadata: escaped and cut like any text a node sends.
            var docs = Rpc.PeerText.Quote(string.Join(" ", Docs).Trim());
            var name = PalletName is null ? (Kind == ErrorName ? Kind : $"{Kind}.{ErrorName}") : $"{PalletName}.{ErrorName}";
            return docs.Length == 0 ? name : $"{name}: {docs}";
        }
    }

    public override string ToString() => Message;

    /// <summary>Interprets a decoded DispatchError value.</summary>
    /// <exception cref="ChainReplyException">The value is not a DispatchError.</exception>
    public static DispatchError FromValue(ScaleValue value, RuntimeMetadata metadata)
    {
        if (value is not ScaleVariant v) throw new ChainReplyException($"{value} is not a DispatchError.");
        if (v.Name != "Module")
        {
            // Token(FundsUnavailable), Arithmetic(Overflow), …: the inner enum's case says more than the outer name.
            string name = v.Fields is [{ Value: ScaleVariant inner }] ? inner.Name : v.Name;
            return new DispatchError(v.Name, null, name, []);
        }
        // Module(ModuleError { index: u8, error: [u8; 4] }); runtimes before 2022 had error: u8. The first byte is the
        // pallet's error index, the rest is reserved for nested errors.
        var module = v.Fields is [{ Value: var m }] ? m : throw new ChainReplyException($"{value} is a Module error without its fields.");
        byte pallet = checked((byte)(module.Field("index") ?? throw new ChainReplyException($"{value} has no pallet index.")).AsBigInteger());
        var errorField = module.Field("error") ?? throw new ChainReplyException($"{value} has no error index.");
        byte error = errorField.Unwrapped() switch
        {
            ScaleBytes { Value.Length: > 0 } b => b.Value[0],
            ScaleNumber n => checked((byte)n.Value),
            _ => throw new ChainReplyException($"{value} has an unreadable error index."),
        };
        var info = metadata.TryGetError(pallet, error);
        if (info is null)
        {
            var palletName = metadata.TryGetPallet(pallet)?.Name;
            return new DispatchError("Module", palletName ?? $"pallet #{pallet}", $"error #{error}", []);
        }
        return new DispatchError("Module", info.Pallet, info.Name, info.Docs);
    }
}
