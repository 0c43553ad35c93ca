namespace BittensorPow.Subtensor.Chain.Events;

/// <summary>
/// Reads and decodes <c>System.Events</c> (twox128("System") ‖ twox128("Events")): a Vec&lt;EventRecord&gt; whose
/// layout comes from the metadata, so events of any runtime decode, including ones this client knows nothing about.
/// </summary>
public static class SystemEvents
{
    public static byte[] StorageKey => Storage.StorageKey.Prefix("System", "Events");

    /// <summary>The events of the block with this hash (state after it was applied).</summary>
    public static async Task<IReadOnlyList<ChainEvent>> ReadAsync(SubtensorClient client, string blockHash, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The hash comes from a node's status notification: a malformed one is the node's fault, not ours.
        if (!BlockHash.TryParse(blockHash, out var at, out var error))
            throw new ChainReplyException($"The node named a block hash that is not one: {error}");
        var raw = await client.Storage.GetRawAsync(StorageKey, at, cancellation).ConfigureAwait(false);
        return raw is null ? [] : Decode(client.Metadata, raw);
    }

    /// <exception cref="ChainReplyException">The bytes do not decode as this runtime's events.</exception>
    public static IReadOnlyList<ChainEvent> Decode(RuntimeMetadata metadata, byte[] raw)
    {
        var entry = metadata.Storage("System", "Events");
        ScaleValue value;
        try
        {
            value = ScaleValueDecoder.DecodeAll(metadata.Types, entry.ValueTypeId, raw);
        }
        catch (Exception e) when (e is ScaleFormatException or MetadataFormatException)
        {
            throw new ChainReplyException($"System.Events ({raw.Length} bytes) does not decode with this runtime's metadata: {e.Message}", e);
        }
        if (value is not ScaleSequence records) throw new ChainReplyException($"System.Events decoded to {value.GetType().Name}, not a list.");
        return records.Items.Select(Record).ToList();
    }

    /// <summary>EventRecord { phase: Phase, event: RuntimeEvent, topics }, where RuntimeEvent is Pallet(PalletEvent::Name { … }).</summary>
    private static ChainEvent Record(ScaleValue record)
    {
        var phase = record.Field("phase") as ScaleVariant ?? throw Shape(record, "phase");
        var outer = record.Field("event") as ScaleVariant ?? throw Shape(record, "event");
        var inner = outer.Fields is [{ Value: ScaleVariant e }] ? e : throw Shape(record, "pallet event");
        var (kind, index) = phase.Name switch
        {
            "ApplyExtrinsic" => (EventPhase.ApplyExtrinsic, (uint?)ExtrinsicIndex(record, phase)),
            "Finalization" => (EventPhase.Finalization, null),
            "Initialization" => (EventPhase.Initialization, null),
            _ => throw Shape(record, $"phase {phase.Name}"),
        };
        return new ChainEvent(kind, index, outer.Name, inner.Name, inner.Fields);
    }

    /// <summary>frame_system's ApplyExtrinsic(u32); anything else is a runtime this client cannot read.</summary>
    private static uint ExtrinsicIndex(ScaleValue record, ScaleVariant phase) =>
        phase.Fields is [{ Value: var v }] && v.Unwrapped() is ScaleNumber { Value: var n } && n >= 0 && n <= uint.MaxValue
            ? (uint)n
            : throw Shape(record, "extrinsic index");

    private static ChainReplyException Shape(ScaleValue record, string part) =>
        new($"An event record has no recognisable {part}: {record}.");
}
