using BittensorPow.Registration.Errors;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Workflows;

/// <summary>Errors named like the pallet's own and quoting its docs from this runtime's metadata (the id scheme in <see cref="ErrorIds"/>).</summary>
public static class PalletVerdict
{
    public static PowException Refuse(SubtensorClient client, string palletError, PowErrorCategory category, object? target, string message, string action,
        string? errorId = null)
    {
        var docs = client.Metadata.TryGetError(SubtensorTransactions.Pallet, palletError)?.Docs;
        string pallet = docs is { Count: > 0 } ? $" (pallet: \"{Subtensor.Rpc.PeerText.Quote(string.Join(" ", docs).Trim())}\")" : "";
        return new PowException(new PowError(errorId ?? palletError, category, target, message + pallet, action));
    }

    /// <summary>The chain's own verdict on an included extrinsic.</summary>
    public static PowError FromDispatch(DispatchError error, object? target, string action) =>
        new(error.ErrorName, PowErrorCategory.InvalidResult, target, error.Message, action);
}
