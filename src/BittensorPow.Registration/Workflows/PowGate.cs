namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Before registration by work starts: refuses a difficulty above -MaxDifficulty, or with -WaitForPow follows the heads
/// until the subnet owner opens PoW registration (NetworkPowRegistrationAllowed) and D is at most -MaxDifficulty, then
/// lets the normal registration start on that head. -TimeoutSec bounds the wait (PowWaitTimeout); Ctrl+C ends it.
/// A subnet that does not exist, or one that is closed without -WaitForPow, is left to the registration's own checks.
/// </summary>
public static class PowGate
{
    public static void Pass(ChainSession chain, PowGateRequest gate, IWorkflowOutput output, CancellationToken cancellation)
    {
        if (!gate.WaitForPow && gate.MaxDifficulty is null) return;
        ushort netUid = gate.NetUid;
        using var deadline = new CallDeadline(gate.Timeout, cancellation, bounds: "the wait for PoW registration") { Node = chain.Node };
        var (head, state) = deadline.Run($"reading subnet {netUid} from {chain.Endpoint}", ErrorIds.RpcTimeout, t => Read(chain, netUid, null, t));
        if (!state.SubnetExists) return;
        ulong d = Difficulty(chain, state);
        bool tooHard = gate.MaxDifficulty is { } max && d > max;
        if (state.PowRegistrationAllowed && !tooHard) return;
        if (!gate.WaitForPow)
        {
            if (!state.PowRegistrationAllowed) return;
            throw new PowException(new PowError(ErrorIds.DifficultyAboveLimit, PowErrorCategory.LimitsExceeded, d,
                $"Subnet {netUid}'s difficulty is {d:N0} at block {head.Number}, above -MaxDifficulty {gate.MaxDifficulty:N0}; nothing was solved.",
                "Raise -MaxDifficulty, add -WaitForPow to wait until it falls that low, or pick another subnet (Get-SubtensorSubnet)."));
        }
        ulong since = head.Number;
        string Waiting(PowRegistrationState s) => s.PowRegistrationAllowed
            ? $"waiting for subnet {netUid}'s difficulty ({Difficulty(chain, s):N0}) to fall to {gate.MaxDifficulty:N0} since block {since}"
            : $"waiting for the subnet owner to open PoW registration since block {since}";
        output.Verbose($"Subnet {netUid}: {Waiting(state)}.");
        // Not disposed: a head may still arrive after the wait, and releasing a disposed semaphore would throw on the client's thread.
        var heads = new SemaphoreSlim(0);
        BlockHeader? latest = null;
        var subscription = deadline.Run($"following heads from {chain.Endpoint}", ErrorIds.RpcTimeout,
            t => chain.Call(() => chain.Client.SubscribeNewHeadsAsync(h => { Volatile.Write(ref latest, h); heads.Release(); }, t)));
        try
        {
            while (true)
            {
                output.Progress(new WorkflowProgress(ProgressActivity.WaitingForPow, $"Subnet {netUid}: registration by work", Waiting(state))
                {
                    CurrentOperation = $"block {head.Number}; -TimeoutSec bounds the wait, Ctrl+C ends it",
                });
                deadline.Run($"{Waiting(state)} on {chain.Endpoint}", ErrorIds.PowWaitTimeout, t => { heads.Wait(t); return 0; });
                while (heads.CurrentCount > 0) heads.Wait(0); // several heads at once: read the latest only
                var at = Volatile.Read(ref latest)!;
                // Still the wait: -TimeoutSec running out between a head and its read is the wait running out.
                (head, state) = deadline.Run($"{Waiting(state)} (reading block {at.Number}) on {chain.Endpoint}", ErrorIds.PowWaitTimeout,
                    t => Read(chain, netUid, at, t));
                if (state.SubnetExists && state.PowRegistrationAllowed && !(gate.MaxDifficulty is { } m && Difficulty(chain, state) > m)) break;
            }
        }
        finally
        {
            // Not awaited: the registration starts on this head, and a head that still arrives only releases a semaphore nobody waits on.
            ChainSession.Unsubscribe(subscription);
        }
        output.Progress(new WorkflowProgress(ProgressActivity.WaitingForPow, $"Subnet {netUid}: registration by work", "Open") { Completed = true });
        output.Verbose($"Subnet {netUid}: PoW registration is open at block {head.Number} (difficulty {Difficulty(chain, state):N0}), " +
            $"after waiting since block {since}; registering.");
    }

    /// <summary>The difficulty registration by work must meet: pow_register's clamped D, or register's stored one.</summary>
    private static ulong Difficulty(ChainSession chain, PowRegistrationState s) =>
        chain.Client.RuntimeProfile.HasPowRegister ? s.EffectiveDifficulty : s.Difficulty;

    private static (BlockHeader, PowRegistrationState) Read(ChainSession chain, ushort netUid, BlockHeader? at, CancellationToken t)
    {
        var head = at ?? chain.Head(t);
        return (head, chain.Call(() => chain.Client.Subtensor.PowRegistrationStateAsync(new PowRegistrationQuery(netUid), head.Hash, t)));
    }
}
