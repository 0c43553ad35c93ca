namespace BittensorPow.Registration.Workflows;

/// <summary>Errors named like the pallet's own and quoting its docs from this runtime's metadata (the id scheme in <see cref="ErrorIds"/>).</summary>
public static class PalletVerdict
{
    /// <summary>
    /// <paramref name="error"/>, its message followed by the docs this runtime's metadata gives <paramref name="palletError"/>.
    /// The error's id is the pallet's name unless a clearer id of ours exists (<see cref="ErrorIds"/>).
    /// </summary>
    public static PowException Refuse(SubtensorClient client, string palletError, PowError error)
    {
        var docs = client.Metadata.TryGetError(SubtensorTransactions.Pallet, palletError)?.Docs;
        string pallet = docs is { Count: > 0 } ? $" (pallet: \"{Subtensor.Rpc.PeerText.Quote(string.Join(" ", docs).Trim())}\")" : "";
        return new PowException(error with { Message = error.Message + pallet });
    }

    /// <summary>The pallet's own error name as the id.</summary>
    public static PowException Refuse(SubtensorClient client, PowError error) => Refuse(client, error.Id, error);

    /// <summary>The chain's own verdict on an included extrinsic.</summary>
    public static PowError FromDispatch(DispatchError error, object? target, string action) =>
        new(error.ErrorName, PowErrorCategory.InvalidResult, target, error.Message, action);
}
