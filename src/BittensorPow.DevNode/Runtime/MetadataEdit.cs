namespace BittensorPow.DevNode.Runtime;

/// <summary>
/// One change to a metadata blob: <see cref="Length"/> bytes of the ORIGINAL at <see cref="Offset"/> replaced by
/// <see cref="Insert"/> (Length 0: an insertion). A patch is a list of these against the original bytes, so what it
/// changes can be listed, documented and checked byte for byte.
/// </summary>
public sealed record MetadataEdit(int Offset, int Length, byte[] Insert, string What)
{
    /// <summary>The original with every edit applied; edits may not overlap (two insertions at one offset keep their order).</summary>
    public static byte[] ApplyAll(ReadOnlySpan<byte> original, IEnumerable<MetadataEdit> edits)
    {
        var output = new List<byte>(original.Length + 4096);
        int at = 0;
        foreach (var e in edits.OrderBy(e => e.Offset))
        {
            if (e.Offset < at || e.Offset + e.Length > original.Length)
                throw new InvalidOperationException($"Metadata edit '{e.What}' at {e.Offset} overlaps another or lies outside the blob.");
            output.AddRange(original[at..e.Offset]);
            output.AddRange(e.Insert);
            at = e.Offset + e.Length;
        }
        output.AddRange(original[at..]);
        return [.. output];
    }
}
