using BittensorPow.Subtensor.Scale;
using static BittensorPow.DevNode.Runtime.RegistryWalk;

namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// Byte offsets of one pallet's storage entries and constants (frame-metadata's PalletMetadata: V15 adds pallet docs,
/// V16 deprecation info, associated types and view functions), for patches that insert or change an item in place.
/// </summary>
public static class PalletWalk
{
    public static PalletLayout Find(ReadOnlySpan<byte> metadata, string pallet)
    {
        byte version = metadata[4];
        bool v16 = version >= 16;
        var r = new ScaleReader(metadata);
        r.Raw(Registry(metadata).End);
        for (int n = r.CompactLength(), i = 0; i < n; i++)
        {
            string name = r.Str();
            CompactAt? storageCount = null;
            List<ItemAt> storage = [];
            int storageEnd = -1;
            if (r.U8() == 1)
            {
                r.Str(); // prefix
                storageCount = ReadCompact(ref r);
                for (int e = 0; e < storageCount.Value.Value; e++) storage.Add(StorageEntry(ref r, v16));
                storageEnd = r.Position;
            }
            SkipOptionalEnum(ref r, v16); // calls
            SkipOptionalEnum(ref r, v16); // events
            var constantCount = ReadCompact(ref r);
            List<ItemAt> constants = [];
            for (int c = 0; c < constantCount.Value; c++) constants.Add(Constant(ref r, v16));
            int constantsEnd = r.Position;
            if (name == pallet) return new PalletLayout(name, storageCount, storage, storageEnd, constantCount, constants, constantsEnd);
            SkipOptionalEnum(ref r, v16); // errors
            if (v16)
            {
                for (int a = r.CompactLength(), k = 0; k < a; k++) { r.Str(); r.Compact(); SkipStrings(ref r); } // associated types
                for (int f = r.CompactLength(), k = 0; k < f; k++) SkipViewFunction(ref r);
            }
            r.U8(); // index
            if (version >= 15) SkipStrings(ref r);
            if (v16) SkipDeprecation(ref r);
        }
        throw new InvalidDataException($"The metadata has no pallet '{pallet}'.");
    }

    private static ItemAt StorageEntry(ref ScaleReader r, bool v16)
    {
        int start = r.Position;
        string name = r.Str();
        r.U8(); // modifier
        switch (r.U8())
        {
            case 0: r.Compact(); break;
            case 1: r.Raw(r.CompactLength()); r.Compact(); r.Compact(); break; // hashers (one byte each), key, value
            case var kind: throw new InvalidDataException($"Unknown storage entry kind {kind} for {name}.");
        }
        var (valueStart, valueLength) = LengthPrefixed(ref r);
        SkipStrings(ref r);
        if (v16) SkipDeprecation(ref r);
        return new ItemAt(name, start, r.Position, valueStart, valueLength);
    }

    private static ItemAt Constant(ref ScaleReader r, bool v16)
    {
        int start = r.Position;
        string name = r.Str();
        r.Compact();
        var (valueStart, valueLength) = LengthPrefixed(ref r);
        SkipStrings(ref r);
        if (v16) SkipDeprecation(ref r);
        return new ItemAt(name, start, r.Position, valueStart, valueLength);
    }

    private static (int Start, int Length) LengthPrefixed(ref ScaleReader r)
    {
        int length = r.CompactLength();
        int start = r.Position;
        r.Raw(length);
        return (start, length);
    }

    /// <summary>Option&lt;{ ty }&gt; of calls, events, errors; V16 adds a map of deprecated variants.</summary>
    private static void SkipOptionalEnum(ref ScaleReader r, bool v16)
    {
        if (r.U8() == 0) return;
        r.Compact();
        if (v16) for (int n = r.CompactLength(), i = 0; i < n; i++) { r.U8(); SkipDeprecation(ref r); }
    }

    private static void SkipViewFunction(ref ScaleReader r)
    {
        r.Raw(32);
        r.Str();
        for (int n = r.CompactLength(), i = 0; i < n; i++) { r.Str(); r.Compact(); }
        r.Compact();
        SkipStrings(ref r);
        SkipDeprecation(ref r);
    }

    /// <summary>ItemDeprecationInfo: 0 not deprecated, 1 without note, 2 { note, since: Option&lt;String&gt; }.</summary>
    private static void SkipDeprecation(ref ScaleReader r)
    {
        byte tag = r.U8();
        if (tag == 2) { r.Str(); if (r.U8() == 1) r.Str(); }
        else if (tag > 2) throw new InvalidDataException($"Unknown deprecation tag {tag} at offset {r.Position - 1}.");
    }
}
