using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// The SCALE encodings of the metadata items a patch adds (frame-metadata V14–V16; V16 appends an
/// ItemDeprecationInfo, written as NotDeprecated): a storage map entry, a pallet constant, a one-field composite type.
/// </summary>
public static class MetadataItemEncoding
{
    public static byte[] StorageMap(int version, string name, StorageModifier modifier, StorageHasher hasher, int keyType,
        int valueType, byte[] @default, string doc)
    {
        var w = new ScaleWriter().Str(name).U8(modifier == StorageModifier.Optional ? (byte)0 : (byte)1)
            .U8(1).Compact(1).U8((byte)hasher).Compact((ulong)keyType).Compact((ulong)valueType)
            .Bytes(@default).Compact(1).Str(doc);
        return NotDeprecated(w, version);
    }

    public static byte[] Constant(int version, string name, int type, byte[] value, string doc)
        => NotDeprecated(new ScaleWriter().Str(name).Compact((ulong)type).Bytes(value).Compact(1).Str(doc), version);

    /// <summary>A PortableType: id, path, no parameters, a composite with one unnamed field, no docs.</summary>
    public static byte[] Newtype(int id, IReadOnlyList<string> path, int fieldType, string fieldTypeName)
    {
        var w = new ScaleWriter().Compact((ulong)id).Compact((ulong)path.Count);
        foreach (var segment in path) w.Str(segment);
        return w.Compact(0).U8(0).Compact(1).U8(0).Compact((ulong)fieldType).U8(1).Str(fieldTypeName).Compact(0).Compact(0).ToArray();
    }

    private static byte[] NotDeprecated(ScaleWriter w, int version) => (version >= 16 ? w.U8(0) : w).ToArray();
}
