namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Removes the local-memory round trip ILGPU 1.5.3 wraps around every inline-PTX output
/// (<see cref="Bits.Funnel"/>): it zero-stores the out variable, then stores the asm result and loads it
/// back. ptxas keeps those dead stores (thousands of STL, a 7.5 KB stack frame), so the text is rewritten
/// to plain register moves. If any local access is left that the rules do not recognise, the PTX is
/// returned unchanged: slower, never wrong.
/// </summary>
public static partial class PtxRewriter
{
    public static string RemoveInlineAsmLocals(string ptx) => TryRemoveInlineAsmLocals(ptx, out var rewritten) ? rewritten : ptx;

    public static bool TryRemoveInlineAsmLocals(string ptx, out string rewritten)
    {
        var s = ZeroInit().Replace(ptx, "");
        s = StoreLoad().Replace(s, "mov.b32\t${dst}, ${src};");
        s = DepotDeclaration().Replace(s, "");
        s = DepotAddress().Replace(s, "");
        rewritten = s;
        return !s.Contains(".local", StringComparison.Ordinal) && !s.Contains("__local_depot", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\n\s*st\.local\.b32\s+\[%rd\d+\], 0;")]
    private static partial Regex ZeroInit();

    [GeneratedRegex(@"st\.local\.b32\s+\[(?<addr>%rd\d+)\], (?<src>%r\d+);\s*\n\s*ld\.local\.b32\s+(?<dst>%r\d+), \[\k<addr>\];")]
    private static partial Regex StoreLoad();

    [GeneratedRegex(@"\n\s*\.local \.align \d+ \.b8 __local_depot\d+\[\d+\];")]
    private static partial Regex DepotDeclaration();

    [GeneratedRegex(@"\n\s*mov\.b64\s+%rd\d+, __local_depot\d+;")]
    private static partial Regex DepotAddress();
}
