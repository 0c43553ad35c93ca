namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// Decoded runtime metadata: everything the client needs to know about a runtime (pallet and call indices, storage
/// hashers and defaults, errors, events, extensions, constants) comes from here, never from hard-coded numbers.
/// </summary>
public sealed class RuntimeMetadata
{
    private readonly Dictionary<string, PalletInfo> _byName;
    private readonly Dictionary<byte, PalletInfo> _byIndex;

    internal RuntimeMetadata(byte version, TypeRegistry types, IReadOnlyList<PalletInfo> pallets, ExtrinsicInfo extrinsic,
        int? outerEventTypeId, int? outerErrorTypeId)
    {
        Version = version;
        Types = types;
        Pallets = pallets;
        Extrinsic = extrinsic;
        OuterEventTypeId = outerEventTypeId;
        OuterErrorTypeId = outerErrorTypeId;
        _byName = new(StringComparer.Ordinal);
        _byIndex = [];
        foreach (var p in pallets)
        {
            // Lookups by name and by index would each find only one of two pallets that share them.
            if (!_byName.TryAdd(p.Name, p)) throw new MetadataFormatException($"Two pallets are named '{p.Name}'.");
            if (!_byIndex.TryAdd(p.Index, p))
                throw new MetadataFormatException(
                    $"Pallets '{_byIndex[p.Index].Name}' and '{p.Name}' share index {p.Index}.");
        }
    }

    /// <summary>14, 15 or 16.</summary>
    public byte Version { get; }
    public TypeRegistry Types { get; }
    public IReadOnlyList<PalletInfo> Pallets { get; }
    public ExtrinsicInfo Extrinsic { get; }

    /// <summary>The runtime's outer event enum (V15/V16 state it; for V14 it is found through System.Events).</summary>
    public int? OuterEventTypeId { get; }
    public int? OuterErrorTypeId { get; }

    public IReadOnlyList<SignedExtension> SignedExtensions => Extrinsic.SignedExtensions;

    public bool HasSignedExtension(string identifier) => Extrinsic.SignedExtensions.Any(e => e.Identifier == identifier);

    /// <summary>When true, extrinsics carry a mode byte and the payload an Option&lt;hash&gt; (SPEC §5).</summary>
    public bool HasCheckMetadataHash => HasSignedExtension("CheckMetadataHash");

    public PalletInfo? TryGetPallet(string name) => _byName.GetValueOrDefault(name);
    public PalletInfo? TryGetPallet(byte index) => _byIndex.GetValueOrDefault(index);

    public PalletInfo Pallet(string name) => TryGetPallet(name)
        ?? throw new MetadataLookupException($"The runtime has no pallet '{name}'.");

    public StorageEntry? TryGetStorage(string pallet, string item) =>
        TryGetPallet(pallet)?.Storage.FirstOrDefault(e => e.Name == item);

    public StorageEntry Storage(string pallet, string item) => TryGetStorage(pallet, item)
        ?? throw new MetadataLookupException($"The runtime has no storage item {pallet}.{item}.");

    /// <summary>All calls of a pallet, from its call enum in the type registry.</summary>
    public IReadOnlyList<CallInfo> Calls(string pallet)
    {
        var p = Pallet(pallet);
        if (p.CallTypeId is not int id) return [];
        return Cases(id).Select(v => new CallInfo(p.Name, p.Index, v.Name, v.Index,
            v.Fields.Select((f, i) => new CallArgument(f.Name ?? $"arg{i}", f.TypeId, f.TypeName)).ToList())).ToList();
    }

    public CallInfo? TryGetCall(string pallet, string name) =>
        TryGetPallet(pallet) is null ? null : Calls(pallet).FirstOrDefault(c => c.Name == name);

    public CallInfo Call(string pallet, string name) => TryGetCall(pallet, name)
        ?? throw new MetadataLookupException($"The runtime has no call {pallet}.{name}.");

    /// <summary>Resolves <c>DispatchError::Module { index, error }</c> (error = first byte of the 4-byte error field).</summary>
    public ErrorInfo? TryGetError(byte palletIndex, byte errorIndex)
    {
        var p = TryGetPallet(palletIndex);
        if (p?.ErrorTypeId is not int id) return null;
        var v = Cases(id).FirstOrDefault(c => c.Index == errorIndex);
        return v is null ? null : new ErrorInfo(p.Name, p.Index, v.Name, v.Index, v.Docs);
    }

    public ErrorInfo? TryGetError(string pallet, string name)
    {
        var p = TryGetPallet(pallet);
        if (p?.ErrorTypeId is not int id) return null;
        var v = Cases(id).FirstOrDefault(c => c.Name == name);
        return v is null ? null : new ErrorInfo(p.Name, p.Index, v.Name, v.Index, v.Docs);
    }

    /// <summary>The event cases of a pallet (its event enum).</summary>
    public IReadOnlyList<VariantCase> Events(string pallet) =>
        Pallet(pallet).EventTypeId is int id ? Cases(id) : [];

    public PalletConstant Constant(string pallet, string name) =>
        Pallet(pallet).Constants.FirstOrDefault(c => c.Name == name)
        ?? throw new MetadataLookupException($"The runtime has no constant {pallet}.{name}.");

    public ScaleValue DecodeConstant(string pallet, string name)
    {
        var c = Constant(pallet, name);
        return ScaleValueDecoder.DecodeAll(Types, c.TypeId, c.Value);
    }

    private IReadOnlyList<VariantCase> Cases(int typeId) => Types[typeId].Def is VariantDef v
        ? v.Variants
        : throw new MetadataFormatException($"Type #{typeId} was expected to be an enum.");
}
