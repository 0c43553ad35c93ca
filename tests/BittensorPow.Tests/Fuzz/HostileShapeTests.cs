using BittensorPow.Subtensor.Chain.Events;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Tests.Fuzz;

/// <summary>
/// Findings that the fuzz targets cannot reach with real metadata (they decode events against finney's registry),
/// built here with a tiny hand-made V14 runtime whose System.Events has a phase of the wrong shape.
/// </summary>
public sealed class HostileShapeTests
{
    [Fact]
    public void An_ApplyExtrinsic_phase_without_an_index_is_a_chain_reply_error() =>
        Assert.Throws<ChainReplyException>(() => SystemEvents.Decode(Runtime(phaseField: null), [4, 0, 0, 0, 0]));

    [Fact]
    public void An_ApplyExtrinsic_index_past_u32_is_a_chain_reply_error() =>
        Assert.Throws<ChainReplyException>(() =>
            SystemEvents.Decode(Runtime(phaseField: PrimitiveKind.U64), [4, 0, .. BitConverter.GetBytes(ulong.MaxValue), 0, 0, 0]));

    [Fact]
    public void A_version_count_past_the_input_is_a_chain_reply_error_not_a_huge_list() =>
        Assert.Throws<ChainReplyException>(() => MetadataLoader.ParseVersions([0x02, 0x28, 0x6b, 0xee]));

    /// <summary>
    /// Types: 0 Phase { ApplyExtrinsic(phaseField?) = 0 }, 1 RuntimeEvent { System(2) = 0 }, 2 SystemEvent { Remarked = 0 },
    /// 3 EventRecord { phase, event, topics: 4 }, 4 Vec&lt;u8&gt;, 5 u8, 6 Vec&lt;EventRecord&gt;, 7 the phase field's type.
    /// </summary>
    private static RuntimeMetadata Runtime(PrimitiveKind? phaseField)
    {
        var w = new ScaleWriter().U32(MetadataDecoder.Magic).U8(14).Compact(8UL);
        Type(w, 0, t => Variant(t, "ApplyExtrinsic", phaseField is null ? [] : [(null, 7)]));
        Type(w, 1, t => Variant(t, "System", [(null, 2)]));
        Type(w, 2, t => Variant(t, "Remarked", []));
        Type(w, 3, t => { t.U8(0).Compact(3UL); Field(t, "phase", 0); Field(t, "event", 1); Field(t, "topics", 4); });
        Type(w, 4, t => t.U8(2).Compact(5UL));
        Type(w, 5, t => t.U8(5).U8((byte)PrimitiveKind.U8));
        Type(w, 6, t => t.U8(2).Compact(3UL));
        Type(w, 7, t => t.U8(5).U8((byte)(phaseField ?? PrimitiveKind.U32)));
        // pallet System: storage { "System", [Events: Default, plain Vec<EventRecord>, default [], no docs] }, index 0
        w.Compact(1UL).Str("System").U8(1).Str("System").Compact(1UL).Str("Events").U8(1).U8(0).Compact(6UL).Bytes([0]).Compact(0UL);
        w.U8(0).U8(0).Compact(0UL).U8(0).U8(0);
        w.Compact(0UL).U8(4).Compact(0UL).Compact(0UL); // extrinsic: type, version 4, no extensions; runtime type
        return MetadataDecoder.Decode(w.ToArray());
    }

    private static void Type(ScaleWriter w, int id, Action<ScaleWriter> definition)
    {
        w.Compact((ulong)id).Compact(0UL).Compact(0UL);
        definition(w);
        w.Compact(0UL);
    }

    private static void Variant(ScaleWriter w, string name, (string? Name, int Type)[] fields)
    {
        w.U8(1).Compact(1UL).Str(name).Compact((ulong)fields.Length);
        foreach (var (n, t) in fields) Field(w, n, t);
        w.U8(0).Compact(0UL);
    }

    private static void Field(ScaleWriter w, string? name, int type)
    {
        if (name is null) w.U8(0); else w.U8(1).Str(name);
        w.Compact((ulong)type).U8(0).Compact(0UL);
    }
}
