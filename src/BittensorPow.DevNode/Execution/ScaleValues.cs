using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Building and editing <see cref="ScaleValue"/> trees for a metadata type, so that values (AccountInfo,
/// DispatchInfo, DispatchError…) are written in whatever shape the runtime at hand declares.
/// </summary>
public static class ScaleValues
{
    /// <summary>A type's "zero": 0, false, empty, and the first variant of enums (for Option: None).</summary>
    public static ScaleValue Zero(TypeRegistry types, int typeId, int depth = 0)
    {
        if (depth > 64) throw new InvalidOperationException($"Type #{typeId} nests too deeply to build a zero value.");
        return types[typeId].Def switch
        {
            CompositeDef c => new ScaleComposite(c.Fields.Select(f => new ScaleField(f.Name, Zero(types, f.TypeId, depth + 1))).ToList()),
            VariantDef v => Variant(types, typeId, v.Variants.MinBy(x => x.Index)!.Name, depth),
            SequenceDef s => types[s.ElementTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U8 } ? new ScaleBytes([]) : new ScaleSequence([]),
            ArrayDef a => types[a.ElementTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U8 }
                ? new ScaleBytes(new byte[a.Length])
                : new ScaleSequence(Enumerable.Range(0, (int)a.Length).Select(_ => Zero(types, a.ElementTypeId, depth + 1)).ToList()),
            TupleDef t => new ScaleSequence(t.ElementTypeIds.Select(id => Zero(types, id, depth + 1)).ToList()),
            PrimitiveDef { Kind: PrimitiveKind.Bool } => new ScaleBool(false),
            PrimitiveDef { Kind: PrimitiveKind.Str or PrimitiveKind.Char } => new ScaleText(""),
            BitSequenceDef => new ScaleBits([]),
            _ => new ScaleNumber(0),
        };
    }

    /// <summary>The named variant of an enum type, its fields zero.</summary>
    public static ScaleVariant Variant(TypeRegistry types, int typeId, string name, int depth = 0)
    {
        var def = types[typeId].Def as VariantDef ?? throw new InvalidOperationException($"{types.Describe(typeId)} is not an enum.");
        var vc = def.ByName(name) ?? throw new InvalidOperationException($"{types.Describe(typeId)} has no variant {name}.");
        return new ScaleVariant(vc.Name, vc.Index, vc.Fields.Select(f => new ScaleField(f.Name, Zero(types, f.TypeId, depth + 1))).ToList());
    }

    /// <summary>A copy with the field at a dotted path ("data.free") replaced; each step is a named field.</summary>
    public static ScaleValue With(this ScaleValue value, string path, ScaleValue replacement)
    {
        int dot = path.IndexOf('.');
        string head = dot < 0 ? path : path[..dot];
        ScaleField Replace(ScaleField f) => f.Name != head ? f
            : f with { Value = dot < 0 ? replacement : f.Value.With(path[(dot + 1)..], replacement) };
        return value switch
        {
            ScaleComposite c when c.Fields.Any(f => f.Name == head) => new ScaleComposite(c.Fields.Select(Replace).ToList()),
            ScaleVariant v when v.Fields.Any(f => f.Name == head) => v with { Fields = v.Fields.Select(Replace).ToList() },
            _ => throw new KeyNotFoundException($"The value has no field '{head}' ({value})."),
        };
    }

    /// <summary>A variant with its fields given in order (events take unnamed or named fields positionally).</summary>
    public static ScaleVariant Case(VariantCase vc, params ScaleValue[] values)
    {
        if (values.Length != vc.Fields.Count) throw new ArgumentException($"{vc.Name} takes {vc.Fields.Count} field(s), {values.Length} given.");
        return new ScaleVariant(vc.Name, vc.Index, vc.Fields.Select((f, i) => new ScaleField(f.Name, values[i])).ToList());
    }
}
