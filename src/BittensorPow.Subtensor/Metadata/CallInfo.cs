namespace BittensorPow.Subtensor.Metadata;

/// <summary>A dispatchable call: encoded as <c>PalletIndex ‖ CallIndex ‖ arguments in order</c>.</summary>
public sealed record CallInfo(string Pallet, byte PalletIndex, string Name, byte CallIndex, IReadOnlyList<CallArgument> Arguments);
