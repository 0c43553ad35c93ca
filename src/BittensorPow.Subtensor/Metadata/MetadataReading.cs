namespace BittensorPow.Subtensor.Metadata;

/// <summary>The few generic SCALE shapes the metadata structures are built from (Vec, Option, type ids, doc lists).</summary>
internal static class MetadataReading
{
    public static List<T> Vec<T>(ref ScaleReader r, ReadItem<T> item)
    {
        int count = r.CompactLength();
        var list = new List<T>(Math.Min(count, 4096));
        for (int i = 0; i < count; i++) list.Add(item(ref r));
        return list;
    }

    public static T? Option<T>(ref ScaleReader r, ReadItem<T> item) where T : class => r.U8() switch
    {
        0 => null,
        1 => item(ref r),
        var b => throw new MetadataFormatException($"Invalid Option tag 0x{b:x2} at offset {r.Position - 1}."),
    };

    public static int? OptionTypeId(ref ScaleReader r) => r.U8() switch
    {
        0 => null,
        1 => TypeId(ref r),
        var b => throw new MetadataFormatException($"Invalid Option tag 0x{b:x2} at offset {r.Position - 1}."),
    };

    /// <summary>A type reference in the portable form is a compact u32 index into the registry.</summary>
    public static int TypeId(ref ScaleReader r)
    {
        ulong id = r.Compact();
        if (id > int.MaxValue) throw new MetadataFormatException($"Type id {id} is out of range.");
        return (int)id;
    }

    public static string? OptionString(ref ScaleReader r) => Option(ref r, static (ref ScaleReader x) => x.Str());

    public static List<string> Strings(ref ScaleReader r) => Vec(ref r, static (ref ScaleReader x) => x.Str());

    /// <summary>Docs are large and rarely needed; skipping them keeps the decoded metadata small.</summary>
    public static void SkipStrings(ref ScaleReader r)
    {
        int count = r.CompactLength();
        for (int i = 0; i < count; i++) r.Raw(r.CompactLength());
    }
}
