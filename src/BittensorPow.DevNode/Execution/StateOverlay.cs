using System.Collections.Immutable;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Storage;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// The storage a block is being built on, read and written through the runtime metadata: keys use the hashers the
/// metadata lists and values are SCALE by the item's type, so each metadata file gets its own layout. Absent items
/// read as the metadata default. <see cref="State"/> is immutable, so a failed dispatch rolls back by restoring it.
/// </summary>
public sealed class StateOverlay(RuntimeMetadata metadata, ImmutableSortedDictionary<string, byte[]> state)
{
    public RuntimeMetadata Metadata { get; } = metadata;
    public ImmutableSortedDictionary<string, byte[]> State { get; set; } = state;

    public bool Has(string pallet, string item) => Metadata.TryGetStorage(pallet, item) is not null;

    public string Key(string pallet, string item, params byte[][] encodedKeys)
        => "0x" + Convert.ToHexStringLower(StorageKey.For(Metadata.Storage(pallet, item), encodedKeys));

    public bool Contains(string pallet, string item, params byte[][] encodedKeys) => State.ContainsKey(Key(pallet, item, encodedKeys));

    /// <summary>The decoded value; the metadata default when absent (null for an absent Optional item).</summary>
    public ScaleValue? Get(string pallet, string item, params byte[][] encodedKeys)
    {
        var entry = Metadata.Storage(pallet, item);
        if (State.TryGetValue(Key(pallet, item, encodedKeys), out var bytes))
            return ScaleValueDecoder.DecodeAll(Metadata.Types, entry.ValueTypeId, bytes);
        return entry.Modifier == StorageModifier.Optional ? null : ScaleValueDecoder.DecodeAll(Metadata.Types, entry.ValueTypeId, entry.Default);
    }

    public ulong GetNumber(string pallet, string item, params byte[][] encodedKeys) => Get(pallet, item, encodedKeys)?.AsUInt64() ?? 0;
    public bool GetBool(string pallet, string item, params byte[][] encodedKeys) => Get(pallet, item, encodedKeys)?.AsBool() ?? false;

    public void Set(string pallet, string item, ScaleValue value, params byte[][] encodedKeys)
    {
        var entry = Metadata.Storage(pallet, item);
        State = State.SetItem(Key(pallet, item, encodedKeys), ScaleValueEncoder.Encode(Metadata.Types, entry.ValueTypeId, value));
    }

    public void SetNumber(string pallet, string item, ulong value, params byte[][] encodedKeys)
        => Set(pallet, item, new ScaleNumber(value), encodedKeys);

    /// <summary>The ValueQuery counters' <c>saturating_inc</c>.</summary>
    public void Increment(string pallet, string item, params byte[][] encodedKeys)
    {
        var entry = Metadata.Storage(pallet, item);
        ulong max = Metadata.Types[entry.ValueTypeId].Def is PrimitiveDef { Kind: PrimitiveKind.U16 } ? ushort.MaxValue : ulong.MaxValue;
        SetNumber(pallet, item, Math.Min(GetNumber(pallet, item, encodedKeys) + 1, max), encodedKeys);
    }

    public void Remove(string key) => State = State.Remove(key);

    /// <summary>The hashed key parts after the map's prefix, one per entry (Identity keys read back as the key itself).</summary>
    public IEnumerable<byte[]> MapKeys(string pallet, string item)
    {
        string prefix = "0x" + Convert.ToHexStringLower(StorageKey.Prefix(pallet, item));
        return State.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => Convert.FromHexString(k.AsSpan(prefix.Length))).ToList();
    }

    /// <summary>Removes every key of a map (e.g. a per-block counter cleared in on_initialize).</summary>
    public void Clear(string pallet, string item)
    {
        string prefix = "0x" + Convert.ToHexStringLower(StorageKey.Prefix(pallet, item));
        State = State.RemoveRange(State.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList());
    }
}
