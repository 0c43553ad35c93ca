namespace BittensorPow.Subtensor.Chain;

/// <summary>
/// The signed-extension list of a runtime, read from its metadata. <see cref="SignedExtensions"/> encodes the standard
/// extensions and assumes every other one (subtensor's own) carries no bytes; this checks that assumption against
/// the metadata's types, because a wrong guess would produce extrinsics the node rejects as badly signed.
/// </summary>
public static class RuntimeSignedExtensions
{
    public static SignedExtensions From(RuntimeMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var extensions = new SignedExtensions(metadata.SignedExtensions.Select(e => e.Identifier));
        foreach (var e in metadata.SignedExtensions.Where(e => extensions.Unknown.Contains(e.Identifier)))
        {
            if (!IsZeroSized(metadata.Types, e.TypeId, 0) || !IsZeroSized(metadata.Types, e.AdditionalSignedTypeId, 0))
                throw new UnsupportedRuntimeException(
                    $"The runtime's signed extension {e.Identifier} carries data ({metadata.Types.Describe(e.TypeId)} / " +
                    $"{metadata.Types.Describe(e.AdditionalSignedTypeId)}) that this client does not know how to fill in.");
        }
        return extensions;
    }

    /// <summary>True for types that encode to no bytes: (), empty structs, PhantomData wrappers, zero-length arrays.</summary>
    private static bool IsZeroSized(TypeRegistry types, int typeId, int depth)
    {
        if (depth > 32) return false;
        return types[typeId].Def switch
        {
            CompositeDef c => c.Fields.All(f => IsZeroSized(types, f.TypeId, depth + 1)),
            TupleDef t => t.ElementTypeIds.All(id => IsZeroSized(types, id, depth + 1)),
            ArrayDef a => a.Length == 0 || IsZeroSized(types, a.ElementTypeId, depth + 1),
            _ => false,
        };
    }
}
