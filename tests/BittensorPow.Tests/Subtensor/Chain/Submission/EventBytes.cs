using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>
/// Writes System.Events bytes for a given runtime by walking its metadata types, so a test can state an event
/// (ExtrinsicFailed with a Module error) for any runtime file without hard-coding layouts. Fields a test does not
/// care about get the smallest valid encoding (zeros, empty lists, the first enum case).
/// </summary>
internal static class EventBytes
{
    /// <summary>A Vec&lt;EventRecord&gt; of the given records.</summary>
    public static byte[] Events(RuntimeMetadata m, params byte[][] records)
    {
        var w = new ScaleWriter().Compact((ulong)records.Length);
        foreach (var r in records) w.Raw(r);
        return w.ToArray();
    }

    /// <summary>One EventRecord with phase ApplyExtrinsic(index); <paramref name="fields"/> gives bytes for named or positional fields.</summary>
    public static byte[] Record(RuntimeMetadata m, uint extrinsicIndex, string pallet, string eventName, Func<FieldDef, int, byte[]?>? fields = null)
    {
        var record = (CompositeDef)m.Types[RecordTypeId(m)].Def;
        var w = new ScaleWriter();
        foreach (var f in record.Fields)
        {
            switch (f.Name)
            {
                case "phase":
                    var phase = ((VariantDef)m.Types[f.TypeId].Def).ByName("ApplyExtrinsic")!;
                    w.U8(phase.Index).U32(extrinsicIndex);
                    break;
                case "event":
                    var outer = ((VariantDef)m.Types[f.TypeId].Def).ByName(pallet)!;
                    w.U8(outer.Index);
                    var inner = ((VariantDef)m.Types[outer.Fields[0].TypeId].Def).ByName(eventName)
                        ?? throw new InvalidOperationException($"{pallet} has no event {eventName}.");
                    w.U8(inner.Index);
                    for (int i = 0; i < inner.Fields.Count; i++)
                    {
                        if (fields?.Invoke(inner.Fields[i], i) is { } bytes) w.Raw(bytes);
                        else Minimal(m.Types, inner.Fields[i].TypeId, w);
                    }
                    break;
                default:
                    Minimal(m.Types, f.TypeId, w);
                    break;
            }
        }
        return w.ToArray();
    }

    /// <summary>DispatchError::Module for a pallet error, in this runtime's shape (error: [u8; 4], or u8 in old runtimes).</summary>
    public static byte[] ModuleError(RuntimeMetadata m, ErrorInfo error)
    {
        var dispatchError = (VariantDef)m.Types[DispatchErrorTypeId(m)].Def;
        var module = dispatchError.ByName("Module")!;
        var w = new ScaleWriter().U8(module.Index);
        var moduleError = (CompositeDef)m.Types[module.Fields[0].TypeId].Def;
        foreach (var f in moduleError.Fields)
        {
            if (f.Name == "index") w.U8(error.PalletIndex);
            else if (m.Types[f.TypeId].Def is ArrayDef a) { w.U8(error.ErrorIndex); w.Raw(new byte[a.Length - 1]); }
            else w.U8(error.ErrorIndex);
        }
        return w.ToArray();
    }

    /// <summary>A DispatchError variant without a pallet (BadOrigin) or with an inner enum (Token(FundsUnavailable)).</summary>
    public static byte[] PlainError(RuntimeMetadata m, string variant, string? inner = null)
    {
        var v = ((VariantDef)m.Types[DispatchErrorTypeId(m)].Def).ByName(variant)!;
        var w = new ScaleWriter().U8(v.Index);
        if (inner is not null) w.U8(((VariantDef)m.Types[v.Fields[0].TypeId].Def).ByName(inner)!.Index);
        return w.ToArray();
    }

    public static int DispatchErrorTypeId(RuntimeMetadata m) =>
        m.Events("System").Single(e => e.Name == "ExtrinsicFailed").Fields.Single(f => f.Name == "dispatch_error").TypeId;

    private static int RecordTypeId(RuntimeMetadata m) => ((SequenceDef)m.Types[m.Storage("System", "Events").ValueTypeId].Def).ElementTypeId;

    /// <summary>The smallest valid encoding of a type.</summary>
    private static void Minimal(TypeRegistry types, int typeId, ScaleWriter w)
    {
        switch (types[typeId].Def)
        {
            case CompositeDef c: foreach (var f in c.Fields) Minimal(types, f.TypeId, w); break;
            case VariantDef v:
                var first = v.Variants.OrderBy(x => x.Index).First();
                w.U8(first.Index);
                foreach (var f in first.Fields) Minimal(types, f.TypeId, w);
                break;
            case SequenceDef or BitSequenceDef: w.Compact(0UL); break;
            case ArrayDef a: for (uint i = 0; i < a.Length; i++) Minimal(types, a.ElementTypeId, w); break;
            case TupleDef t: foreach (var id in t.ElementTypeIds) Minimal(types, id, w); break;
            case CompactDef: w.Compact(0UL); break;
            case PrimitiveDef p:
                w.Raw(new byte[p.Kind switch
                {
                    PrimitiveKind.Bool or PrimitiveKind.U8 or PrimitiveKind.I8 => 1,
                    PrimitiveKind.U16 or PrimitiveKind.I16 => 2,
                    PrimitiveKind.U32 or PrimitiveKind.I32 or PrimitiveKind.Char => 4,
                    PrimitiveKind.U64 or PrimitiveKind.I64 => 8,
                    PrimitiveKind.U128 or PrimitiveKind.I128 => 16,
                    PrimitiveKind.U256 or PrimitiveKind.I256 => 32,
                    PrimitiveKind.Str => 1, // compact length 0
                    _ => throw new InvalidOperationException($"No minimal value for {p.Kind}."),
                }]);
                break;
        }
    }
}
