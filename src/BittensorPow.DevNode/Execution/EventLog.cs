using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// Deposits events into System.Events as a runtime does: EventRecord { phase: ApplyExtrinsic(i), event:
/// RuntimeEvent::Pallet(PalletEvent), topics: [] }, each encoded by the metadata's types and appended to the
/// Vec&lt;EventRecord&gt; (plus System.EventCount). Clients read them back with any metadata-driven decoder.
/// </summary>
public sealed class EventLog
{
    private readonly RuntimeMetadata _metadata;
    private readonly int _recordTypeId;
    private readonly int _runtimeEventTypeId;
    private readonly int _phaseTypeId;

    public EventLog(RuntimeMetadata metadata)
    {
        _metadata = metadata;
        var types = metadata.Types;
        var events = metadata.Storage("System", "Events");
        _recordTypeId = types[events.ValueTypeId].Def is SequenceDef seq ? seq.ElementTypeId
            : throw new InvalidOperationException("System.Events is not a Vec<EventRecord> in this metadata.");
        var record = (CompositeDef)types[_recordTypeId].Def;
        _phaseTypeId = record.Fields.First(f => f.Name == "phase").TypeId;
        _runtimeEventTypeId = record.Fields.First(f => f.Name == "event").TypeId;
    }

    public TypeRegistry Types => _metadata.Types;

    /// <summary>The event's case in the pallet's event enum, or null when this runtime does not have it.</summary>
    public VariantCase? Find(string pallet, string name)
        => _metadata.TryGetPallet(pallet) is null ? null : _metadata.Events(pallet).FirstOrDefault(e => e.Name == name);

    /// <summary>Appends Pallet.Name(fields…) for extrinsic <paramref name="extrinsicIndex"/>; false when the runtime has no such event.</summary>
    public bool Deposit(StateOverlay state, uint extrinsicIndex, string pallet, string name, params ScaleValue[] fields)
    {
        if (Find(pallet, name) is not { } vc) return false;
        var outer = ScaleValues.Variant(Types, _runtimeEventTypeId, pallet);
        var palletEvent = ScaleValues.Case(vc, fields);
        var record = new ScaleComposite(
        [
            new ScaleField("phase", new ScaleVariant("ApplyExtrinsic", 0, [new ScaleField(null, new ScaleNumber(extrinsicIndex))])),
            new ScaleField("event", outer with { Fields = [new ScaleField(null, palletEvent)] }),
            new ScaleField("topics", new ScaleSequence([])),
        ]);
        byte[] encoded = ScaleValueEncoder.Encode(Types, _recordTypeId, record);

        string key = state.Key("System", "Events");
        byte[] existing = state.State.TryGetValue(key, out var bytes) ? bytes : [0];
        var r = new ScaleReader(existing);
        ulong count = r.Compact();
        state.State = state.State.SetItem(key, new ScaleWriter().Compact(count + 1).Raw(existing.AsSpan(r.Position)).Raw(encoded).ToArray());
        if (state.Has("System", "EventCount")) state.Increment("System", "EventCount");
        return true;
    }

    /// <summary>ExtrinsicSuccess { dispatch_info } (DispatchInfo or, on newer runtimes, DispatchEventInfo).</summary>
    public void Success(StateOverlay state, uint index, bool paysFee)
        => Deposit(state, index, "System", "ExtrinsicSuccess", DispatchInfo(Find("System", "ExtrinsicSuccess")!.Fields[0].TypeId, paysFee));

    /// <summary>ExtrinsicFailed { dispatch_error, dispatch_info }.</summary>
    public void Failed(StateOverlay state, uint index, ScaleValue dispatchError, bool paysFee)
    {
        var vc = Find("System", "ExtrinsicFailed")!;
        Deposit(state, index, "System", "ExtrinsicFailed", dispatchError, DispatchInfo(vc.Fields[1].TypeId, paysFee));
    }

    /// <summary>DispatchError::Module(ModuleError { index: pallet, error: [error, 0, 0, 0] }) (a bare u8 on older runtimes).</summary>
    public ScaleValue ModuleError(byte palletIndex, byte errorIndex)
    {
        int dispatchErrorType = Find("System", "ExtrinsicFailed")!.Fields[0].TypeId;
        var module = ((VariantDef)Types[dispatchErrorType].Def).ByName("Module")!;
        int moduleErrorType = module.Fields[0].TypeId;
        var errorField = ((CompositeDef)Types[moduleErrorType].Def).Fields.First(f => f.Name == "error");
        ScaleValue error = Types[errorField.TypeId].Def is ArrayDef a
            ? new ScaleBytes([errorIndex, .. new byte[a.Length - 1]])
            : new ScaleNumber(errorIndex);
        var value = ScaleValues.Zero(Types, moduleErrorType).With("index", new ScaleNumber(palletIndex)).With("error", error);
        return new ScaleVariant(module.Name, module.Index, [new ScaleField(module.Fields[0].Name, value)]);
    }

    /// <summary>DispatchError::Other: what the DevNode reports for calls it does not execute.</summary>
    public ScaleValue OtherError() => DispatchError("Other");

    /// <summary>A DispatchError variant without a module (Other, BadOrigin…), by name.</summary>
    public ScaleValue DispatchError(string variant) => ScaleValues.Variant(Types, Find("System", "ExtrinsicFailed")!.Fields[0].TypeId, variant);

    /// <summary>A DispatchResult (Result&lt;(), DispatchError&gt;) of type <paramref name="resultTypeId"/>: Ok, or Err(error).</summary>
    public ScaleValue Result(int resultTypeId, ScaleValue? error)
    {
        if (error is null) return ScaleValues.Variant(Types, resultTypeId, "Ok");
        var err = ((VariantDef)Types[resultTypeId].Def).ByName("Err")!;
        return new ScaleVariant(err.Name, err.Index, [new ScaleField(err.Fields[0].Name, error)]);
    }

    private ScaleValue DispatchInfo(int typeId, bool paysFee)
    {
        var fields = ((CompositeDef)Types[typeId].Def).Fields;
        return ScaleValues.Zero(Types, typeId)
            .With("class", ScaleValues.Variant(Types, fields.First(f => f.Name == "class").TypeId, "Normal"))
            .With("pays_fee", ScaleValues.Variant(Types, fields.First(f => f.Name == "pays_fee").TypeId, paysFee ? "Yes" : "No"));
    }
}
