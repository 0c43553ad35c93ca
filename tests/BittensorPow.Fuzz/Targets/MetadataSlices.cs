using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Small valid metadata cut from a real blob: one pallet, the types it reaches and the real extrinsic description, in
/// the blob's own version. AFL's cost per execution grows with the input, and the real blobs are 150–315 KB; a few KB
/// that reach the same decoder paths let it spend its executions on mutations rather than on copying docs around.
/// The bytes of every kept type, pallet and extension are the real ones; type ids are kept, so no renumbering.
/// </summary>
public static class MetadataSlices
{
    /// <summary>Slices above this size do not help AFL much over the real blobs.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The smallest one-pallet slices of the blob, up to <paramref name="perBlob"/>, smallest first.</summary>
    public static IEnumerable<byte[]> Of(byte[] blob, int perBlob)
    {
        var layout = Layout.Read(blob);
        return layout.Pallets
            .Select(p => layout.Build([p]))
            .Where(b => b.Length <= MaxBytes)
            .OrderBy(b => b.Length)
            .Take(perBlob)
            .ToList();
    }

    private sealed record PalletSlice(PalletInfo Info, int Start, int End);

    /// <summary>Where each type, each pallet and the extrinsic description sit in the blob.</summary>
    private sealed class Layout
    {
        private byte[] _blob = [];
        private byte _version;
        private readonly Dictionary<int, (PortableType Type, int Start, int End)> _types = [];
        private (int Start, int End) _extrinsic;
        private ExtrinsicInfo _extrinsicInfo = null!;
        private int _runtimeTypeId;
        private int? _outerEvent, _outerError;

        public List<PalletSlice> Pallets { get; } = [];

        public static Layout Read(byte[] blob)
        {
            var metadata = MetadataDecoder.Decode(blob); // the slicer trusts only blobs the decoder accepts
            var layout = new Layout { _blob = blob, _outerEvent = metadata.OuterEventTypeId, _outerError = metadata.OuterErrorTypeId };
            var r = new ScaleReader(blob);
            r.U32();
            layout._version = r.U8();
            int types = r.CompactLength();
            for (int i = 0; i < types; i++)
            {
                int start = r.Position;
                var t = TypeRegistry.ReadType(ref r);
                layout._types[t.Id] = (t, start, r.Position);
            }
            int pallets = r.CompactLength();
            for (int i = 0; i < pallets; i++)
            {
                int start = r.Position;
                var p = MetadataDecoder.ReadPallet(ref r, layout._version);
                layout.Pallets.Add(new PalletSlice(p, start, r.Position));
            }
            int extrinsic = r.Position;
            layout._extrinsicInfo = layout._version switch
            {
                14 => MetadataDecoder.ReadExtrinsicV14(ref r),
                15 => MetadataDecoder.ReadExtrinsicV15(ref r),
                _ => MetadataDecoder.ReadExtrinsicV16(ref r),
            };
            layout._extrinsic = (extrinsic, r.Position);
            // V14 ends with the runtime type, V15 has it before the runtime APIs, V16 has none.
            if (layout._version <= 15) layout._runtimeTypeId = (int)r.Compact();
            return layout;
        }

        /// <summary>
        /// magic, version, the reachable types, the pallets, the real extrinsic description, then a tail with no
        /// runtime APIs and no custom values (the decoder skips both; the real blobs keep exercising them).
        /// </summary>
        public byte[] Build(IReadOnlyList<PalletSlice> pallets)
        {
            var kept = Reachable(pallets);
            var w = new ScaleWriter().U32(MetadataDecoder.Magic).U8(_version).Compact((ulong)kept.Count);
            foreach (var id in kept) w.Raw(Slice(_types[id].Start, _types[id].End));
            w.Compact((ulong)pallets.Count);
            foreach (var p in pallets) w.Raw(Slice(p.Start, p.End));
            w.Raw(Slice(_extrinsic.Start, _extrinsic.End));
            if (_version == 14) return w.Compact((ulong)_runtimeTypeId).ToArray();
            if (_version == 15) w.Compact((ulong)_runtimeTypeId);
            w.Compact(0UL); // runtime APIs
            w.Compact((ulong)(_extrinsicInfo.CallTypeId ?? 0)).Compact((ulong)(_outerEvent ?? 0)).Compact((ulong)(_outerError ?? 0));
            return w.Compact(0UL).ToArray(); // custom
        }

        private ReadOnlySpan<byte> Slice(int start, int end) => _blob.AsSpan(start, end - start);

        /// <summary>
        /// Types the pallets and the extensions reach. The outer call, event and error enums are left out on purpose:
        /// they reach every pallet's types, which is the whole registry.
        /// </summary>
        private SortedSet<int> Reachable(IReadOnlyList<PalletSlice> pallets)
        {
            var roots = new List<int>();
            foreach (var p in pallets.Select(p => p.Info))
            {
                roots.AddRange(new[] { p.CallTypeId, p.EventTypeId, p.ErrorTypeId }.OfType<int>());
                roots.AddRange(p.Constants.Select(c => c.TypeId));
                foreach (var s in p.Storage) { roots.Add(s.ValueTypeId); if (s.KeyTypeId is int k) roots.Add(k); }
            }
            foreach (var e in _extrinsicInfo.SignedExtensions) { roots.Add(e.TypeId); roots.Add(e.AdditionalSignedTypeId); }
            var seen = new SortedSet<int>();
            var stack = new Stack<int>(roots);
            while (stack.TryPop(out int id))
            {
                if (!_types.TryGetValue(id, out var t) || !seen.Add(id)) continue;
                foreach (var child in Children(t.Type.Def)) stack.Push(child);
            }
            return seen;
        }

        private static IEnumerable<int> Children(TypeDef def) => def switch
        {
            CompositeDef c => c.Fields.Select(f => f.TypeId),
            VariantDef v => v.Variants.SelectMany(c => c.Fields).Select(f => f.TypeId),
            SequenceDef s => [s.ElementTypeId],
            ArrayDef a => [a.ElementTypeId],
            TupleDef t => t.ElementTypeIds,
            CompactDef c => [c.InnerTypeId],
            BitSequenceDef b => [b.StoreTypeId, b.OrderTypeId],
            _ => [],
        };
    }
}
