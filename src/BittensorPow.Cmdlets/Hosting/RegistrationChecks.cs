using System.Management.Automation;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Keys;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>
/// What Register-SubtensorNeuron checks before it signs anything, in the pallet's order where the pallet checks the
/// same thing, and in the pallet's own words (the error docs from the runtime metadata).
/// </summary>
internal static class RegistrationChecks
{
    public enum Verdict { Ok, Stale, AlreadyRegistered }

    public static Verdict Check(PSCmdlet cmdlet, ChainSession chain, PowSolution solution, byte[] hotkey, SealByteOrder order, bool checkWork, CancellationToken cancellation)
    {
        var client = chain.Client;
        ushort netUid = solution.NetUid!.Value;
        var head = chain.Call(() => client.GetHeadAsync(cancellation));
        var subnet = chain.Call(() => client.GetSubnetInfoAsync(netUid, head.HashHex, cancellation));
        if (!subnet.Exists)
            throw Fail(client, "SubnetNotExists", ErrorCategory.ObjectNotFound, netUid, $"Subnet {netUid} does not exist on {chain.Endpoint}.", "Check -NetUid.", ChainErrorIds.SubnetNotFound);
        if (!subnet.RegistrationAllowed || !subnet.PowRegistrationAllowed)
            throw Fail(client, "SubNetRegistrationDisabled", ErrorCategory.PermissionDenied, netUid,
                $"{(subnet.RegistrationAllowed ? "Proof-of-work registration" : "Registration")} on subnet {netUid} is closed.", "Wait until the subnet opens registration.");
        if (chain.Call(() => client.GetUidAsync(netUid, hotkey, head.HashHex, cancellation)) is { } uid)
        {
            cmdlet.WriteWarning($"Hotkey {Ss58.Encode(hotkey)} is already registered on subnet {netUid} as uid {uid}; nothing submitted.");
            return Verdict.AlreadyRegistered;
        }
        if (StalenessCheck.IsStale(solution.BlockNumber, head.Number))
        {
            cmdlet.WriteVerbose($"Solution for block {solution.BlockNumber} is stale at head #{head.Number}.");
            return Verdict.Stale;
        }

        if (!checkWork) return Verdict.Ok; // a burning register ignores the work

        // The work itself: the chain recomputes the seal from block_number's hash; so do we.
        var blockHash = chain.Call(() => client.GetBlockHashAsync(solution.BlockNumber, cancellation));
        if (!blockHash.AsSpan().SequenceEqual(Convert.FromHexString(solution.BlockHash[2..])))
            throw Fail(client, "InvalidSeal", ErrorCategory.InvalidData, solution,
                $"The solution names block hash {solution.BlockHash} for block {solution.BlockNumber}, but the chain's block {solution.BlockNumber} is 0x{Convert.ToHexStringLower(blockHash)}.",
                "Solve against this chain: New-PowSolution -NetUid … -Endpoint ….");
        var template = new BlockTemplate(solution.BlockNumber, blockHash, hotkey, subnet.Difficulty, order);
        bool meets = template.Verify(solution.Nonce, out var seal);
        if (!meets)
            throw Fail(client, "InvalidDifficulty", ErrorCategory.InvalidData, solution,
                $"The seal of nonce {solution.Nonce} does not meet difficulty {subnet.Difficulty:N0} under the {order} rule this runtime applies" +
                (solution.SealByteOrder != order ? $" (the solution was solved for {solution.SealByteOrder})." : "."),
                "Solve again: New-PowSolution -NetUid reads the runtime's byte order and the current difficulty.");
        if (!string.Equals(solution.Seal, "0x" + Convert.ToHexStringLower(seal), StringComparison.OrdinalIgnoreCase))
            throw Fail(client, "InvalidSeal", ErrorCategory.InvalidData, solution,
                $"The solution's seal {solution.Seal} is not the seal of nonce {solution.Nonce} (0x{Convert.ToHexStringLower(seal)}).",
                "Do not edit solutions; solve again with New-PowSolution.");
        return Verdict.Ok;
    }

    /// <summary>A refusal named like the pallet's error and quoting its docs from this runtime's metadata.</summary>
    public static PowErrorRecordException Fail(SubtensorClient client, string palletError, ErrorCategory category, object? target, string message, string action, string? errorId = null)
    {
        var docs = client.Metadata.TryGetError(SubtensorTransactions.Pallet, palletError)?.Docs;
        string pallet = docs is { Count: > 0 } ? $" (pallet: \"{string.Join(" ", docs).Trim()}\")" : "";
        return new PowErrorRecordException(PowErrors.Create(errorId ?? palletError, category, target, message + pallet, action));
    }
}
