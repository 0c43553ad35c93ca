namespace BittensorPow.Registration.Workflows;

/// <summary>
/// What Register-SubtensorNeuron checks before it signs anything, in the pallet's order where the pallet checks the
/// same thing, and in the pallet's own words (the error docs from the runtime metadata).
/// </summary>
public static class RegistrationChecks
{
    public enum Verdict { Ok, Stale, AlreadyRegistered }

    /// <param name="sealOverride">-SealByteOrder: the rule the user insists on; null lets the runtime decide.</param>
    public static Verdict Check(ChainSession chain, Solution solution, SealByteOrder? sealOverride, IWorkflowOutput output,
        CancellationToken cancellation)
    {
        var client = chain.Client;
        var profile = client.RuntimeProfile;
        var order = SealRuleChoice.Choose(profile, sealOverride).Order;
        var hotkey = solution.Hotkey;
        ushort netUid = solution.NetUid!.Value;
        var head = chain.Head(cancellation);
        var subnet = chain.Call(() => client.GetSubnetInfoAsync(netUid, head.Hash, cancellation));
        if (!subnet.Exists)
            throw PalletVerdict.Refuse(client, "SubnetNotExists", new PowError(ErrorIds.SubnetNotFound,
                PowErrorCategory.ObjectNotFound, netUid,
                $"Subnet {netUid} does not exist on {chain.Endpoint}.",
                "Check -NetUid."));
        if (!subnet.RegistrationAllowed || !subnet.PowRegistrationAllowed)
            throw PalletVerdict.Refuse(client, new PowError("SubNetRegistrationDisabled", PowErrorCategory.PermissionDenied, netUid,
                $"{(subnet.RegistrationAllowed ? "Proof-of-work registration" : "Registration")} on subnet {netUid} is closed.",
                "Wait until the subnet opens registration."));
        if (profile.RegisterVerifiesWork) RegistrationInterval.EnsureRoom(client, subnet);
        if (chain.Call(() => client.GetUidAsync(netUid, hotkey, head.Hash, cancellation)) is { } uid)
        {
            output.Warning($"Hotkey {Ss58.Encode(hotkey)} is already registered on subnet {netUid} as uid {uid}; nothing submitted.");
            return Verdict.AlreadyRegistered;
        }
        if (Staleness.IsStale(solution.BlockNumber, head.Number))
        {
            output.Verbose($"Solution for block {solution.BlockNumber} is stale at head #{head.Number}.");
            return Verdict.Stale;
        }

        if (!profile.RegisterVerifiesWork) return Verdict.Ok; // a burning register ignores the work

        // The work itself: the chain recomputes the seal from block_number's hash; so do we.
        var blockHash = chain.Call(() => client.GetBlockHashAsync(solution.BlockNumber, cancellation));
        if (blockHash != solution.BlockHash)
            throw PalletVerdict.Refuse(client, new PowError("InvalidSeal", PowErrorCategory.InvalidData, solution,
                $"The solution names block hash {solution.BlockHash} for block {solution.BlockNumber}, " +
                $"but the chain's block {solution.BlockNumber} is {blockHash}.",
                "Solve against this chain: New-PowSolution -NetUid … -Endpoint …."));
        var template = new BlockTemplate(new LegacyChallenge(solution.BlockNumber, blockHash.AsSpan(), hotkey, order),
            new Difficulty(subnet.Difficulty));
        if (!template.Verify(solution.Nonce, out var seal))
            throw PalletVerdict.Refuse(client, new PowError("InvalidDifficulty", PowErrorCategory.InvalidData, solution,
                $"The seal of nonce {solution.Nonce} does not meet difficulty {subnet.Difficulty:N0} under the {order} rule this runtime applies" +
                (solution.ByteOrder != order ? $" (the solution was solved for {solution.ByteOrder})." : "."),
                "Solve again: New-PowSolution -NetUid reads the runtime's byte order and the current difficulty."));
        if (!seal.AsSpan().SequenceEqual(solution.Seal))
            throw PalletVerdict.Refuse(client, new PowError("InvalidSeal", PowErrorCategory.InvalidData, solution,
                $"The solution's seal {Hex.Encode(solution.Seal)} is not the seal of nonce {solution.Nonce} ({Hex.Encode(seal)}).",
                "Do not edit solutions; solve again with New-PowSolution."));
        return Verdict.Ok;
    }

    /// <summary>The staleness re-check right before an extrinsic carrying work is submitted (one head read).</summary>
    public static bool IsStaleNow(ChainSession chain, ulong blockNumber, CancellationToken cancellation, out ulong head)
    {
        head = chain.Head(cancellation).Number;
        return Staleness.IsStale(blockNumber, head);
    }
}
