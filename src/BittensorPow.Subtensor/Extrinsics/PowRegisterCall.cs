namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>
/// <c>SubtensorModule.pow_register(netuid, work_block, nonce, work, hotkey)</c> (SPEC §10), signed by the coldkey the seal
/// binds. The arguments are encoded by the types the runtime's metadata gives them (work is a fixed [u8; 32] at spec 475,
/// not register's Vec&lt;u8&gt;), so a runtime that changes a type is followed rather than mis-encoded.
/// </summary>
public sealed record PowRegisterCall(ushort NetUid, ulong WorkBlock, ulong Nonce, byte[] Work, byte[] Hotkey)
{
    public const string Name = "pow_register";

    /// <exception cref="UnsupportedRuntimeException">The runtime has no pow_register, or its arguments are not the ones SPEC §10 names.</exception>
    public byte[] Encode(RuntimeMetadata metadata)
    {
        var call = metadata.TryGetCall(SubtensorTransactions.Pallet, Name)
            ?? throw new UnsupportedRuntimeException($"This runtime has no {SubtensorTransactions.Pallet}.{Name} "
                + "(fee-free registration by work came with spec 475).");
        string[] expected = ["netuid", "work_block", "nonce", "work", "hotkey"];
        if (!call.Arguments.Select(a => a.Name).SequenceEqual(expected))
            throw new UnsupportedRuntimeException(
                $"{SubtensorTransactions.Pallet}.{Name} takes ({string.Join(", ", call.Arguments.Select(a => a.Name))}) "
                + $"in this runtime, not ({string.Join(", ", expected)}).");
        ScaleValue[] values = [new ScaleNumber(NetUid), new ScaleNumber(WorkBlock), new ScaleNumber(Nonce),
            new ScaleBytes(Work), new ScaleBytes(Hotkey)];
        var w = new ScaleWriter().U8(call.PalletIndex).U8(call.CallIndex);
        try
        {
            for (int i = 0; i < values.Length; i++) ScaleValueEncoder.Encode(metadata.Types, call.Arguments[i].TypeId, values[i], w);
        }
        catch (ScaleFormatException e)
        {
            throw new UnsupportedRuntimeException($"{SubtensorTransactions.Pallet}.{Name}'s argument types in this runtime "
                + $"do not take these values: {e.Message}");
        }
        return w.ToArray();
    }

    public override string ToString() => $"{SubtensorTransactions.Pallet}.{Name}(netuid {NetUid}, work block {WorkBlock})";
}
