using System.Management.Automation;
using System.Security;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Keys;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// Submits SubtensorModule.register for a solution, signed by the HOTKEY with the coldkey's public key as owner,
/// after checking everything the pallet will check; re-solves when a solution has gone stale.
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "SubtensorNeuron", DefaultParameterSetName = FromSolution, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RegistrationResult))]
public sealed class RegisterSubtensorNeuronCommand : PowCmdletBase
{
    private const string FromSolution = nameof(FromSolution);
    private const string Solve = nameof(Solve);

    [Parameter(ParameterSetName = FromSolution, Mandatory = true, ValueFromPipeline = true)]
    public PowSolution? Solution { get; set; }

    [Parameter(ParameterSetName = Solve, Mandatory = true, Position = 0)]
    public ushort NetUid { get; set; }

    [Parameter] public string? Endpoint { get; set; }
    [Parameter, ValidateSet("finney", "test", "local")] public string? Network { get; set; }
    [Parameter] public string? Wallet { get; set; }
    [Parameter] public string? WalletHotkey { get; set; }
    [Parameter] public string? WalletPath { get; set; }
    /// <summary>Only for an encrypted hotkey keyfile (most are not).</summary>
    [Parameter] public SecureString? HotkeyPassword { get; set; }

    [Parameter] public WaitMode Wait { get; set; } = WaitMode.InBlock;
    [Parameter, ValidateRange(1, 3600)] public double TimeoutSec { get; set; } = 120;
    [Parameter, ValidateRange(1, 100)] public int MaxAttempts { get; set; } = 3;

    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter] public int[]? DeviceId { get; set; }
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter] public SealByteOrder? SealByteOrder { get; set; }

    /// <summary>On runtimes whose register burns TAO instead of checking work (spec 397 and later), allow that burn.</summary>
    [Parameter] public SwitchParameter AcknowledgeBurn { get; set; }

    /// <summary>Submit even when the local checks fail, and let the chain give its verdict (for diagnosis).</summary>
    [Parameter] public SwitchParameter SkipValidation { get; set; }

    protected override void Process()
    {
        var (walletName, hotkeyName, root) = HotkeyResolver.WalletNames(Wallet, WalletHotkey, WalletPath);
        ushort netUid = Solution?.NetUid ?? NetUid;
        if (ParameterSetName == FromSolution && Solution!.NetUid is null)
            throw new PowErrorRecordException(PowErrors.InvalidArgument(ErrorIds.MissingSolutionField, Solution,
                "The solution carries no NetUid: it was solved offline, so it does not say which subnet it is for.",
                "Solve with New-PowSolution -NetUid <n>, or use Register-SubtensorNeuron -NetUid <n> to solve and register in one go."));
        using var chain = ChainSession.Connect(this, Endpoint ?? Solution?.Endpoint, Network, Cancellation);
        var profile = chain.Client.RuntimeProfile;
        if (!profile.RegisterVerifiesWork && !AcknowledgeBurn)
            throw new PowErrorRecordException(PowErrors.Create("PowRegistrationRemoved", ErrorCategory.InvalidOperation, profile.SpecVersion,
                $"Runtime spec {profile.SpecVersion} no longer checks proof of work in register: it performs a burned registration and charges the signer the subnet's burn.",
                "Pass -AcknowledgeBurn to register by burning TAO anyway (the solution is ignored), or use 'btcli subnets register'."));
        var (order, rule) = SealRuleChoice.Choose(profile, SealByteOrder);
        WriteVerbose($"Seal byte order {order}: {rule}.");

        byte[] coldkey;
        Sr25519KeyPair hotkeyPair;
        try
        {
            coldkey = PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(root, walletName));
            hotkeyPair = SecretKeyfile.ReadHotkey(root, walletName, hotkeyName, HotkeyPassword);
        }
        catch (WalletFileException ex) { throw WalletErrors.ToRecord(ex); }
        using (hotkeyPair)
        {
            if (Solution is not null && !string.Equals(Solution.HotkeyPublicKey, HexInput.Format(hotkeyPair.PublicKey), StringComparison.OrdinalIgnoreCase))
                throw new PowErrorRecordException(PowErrors.InvalidArgument("HotkeyMismatch", Solution,
                    $"The solution is for hotkey {Solution.Hotkey}, but wallet '{walletName}' hotkey '{hotkeyName}' is {hotkeyPair.Ss58Address}; the pallet requires the hotkey itself to sign.",
                    "Pass the -Wallet/-WalletHotkey the solution was solved for."));
            var solution = Solution;
            for (int attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                solution ??= SolveFor(chain, netUid, hotkeyPair.PublicKey, order, attempt);
                if (solution is null) return; // already registered (warned) or timed out (error written)
                if (!SkipValidation)
                {
                    var verdict = RegistrationChecks.Check(this, chain, solution, hotkeyPair.PublicKey, order, profile.RegisterVerifiesWork, Cancellation);
                    if (verdict == RegistrationChecks.Verdict.AlreadyRegistered) return;
                    if (verdict == RegistrationChecks.Verdict.Stale)
                    {
                        WriteVerbose($"Attempt {attempt} of {MaxAttempts}: the solution for block {solution.BlockNumber} is stale; solving again.");
                        solution = null;
                        continue;
                    }
                }
                var result = Submit(chain, solution, hotkeyPair, coldkey, attempt, out bool retry);
                if (result is not null) WriteObject(result);
                if (!retry) return;
                solution = null;
            }
            WriteError(PowErrors.Create("RegistrationAttemptsExhausted", ErrorCategory.LimitsExceeded, netUid,
                $"No registration after {MaxAttempts} attempt(s): every solution went stale before it could be submitted.",
                "Use a faster back end (-Cuda, more threads) or raise -MaxAttempts."));
        }
    }

    private PowSolution? SolveFor(ChainSession chain, ushort netUid, byte[] hotkey, SealByteOrder order, int attempt)
    {
        WriteVerbose($"Attempt {attempt} of {MaxAttempts}: solving for subnet {netUid}.");
        var request = new OnlineSolve.Request(netUid, chain.Endpoint, null, hotkey, order, Cuda ? PowBackend.Cuda : Backend,
            ThreadCount, DeviceId, 256, new Engine.Solving.SolverOptions());
        return OnlineSolve.Solve(this, chain, request, Cancellation);
    }

    private RegistrationResult? Submit(ChainSession chain, PowSolution solution, Sr25519KeyPair hotkeyPair, byte[] coldkey, int attempt, out bool retry)
    {
        retry = false;
        ushort netUid = solution.NetUid!.Value;
        string target = $"hotkey {hotkeyPair.Ss58Address} on subnet {netUid} at {chain.Endpoint}";
        if (!ShouldProcess(target, $"Register (block {solution.BlockNumber}, nonce {solution.Nonce}, owner coldkey {Ss58.Encode(coldkey)})"))
            return null;

        var transaction = chain.Call(() => SubtensorTransactions.BuildRegisterAsync(chain.Client, hotkeyPair, coldkey, netUid, solution.BlockNumber,
            solution.Nonce, Convert.FromHexString(solution.Seal[2..]), new TransactionOptions { AllowBurningRegister = AcknowledgeBurn }, Cancellation));
        var outcome = TransactionRunner.Submit(this, chain, transaction, (WaitFor)Wait, TimeSpan.FromSeconds(TimeoutSec), Cancellation);
        var result = new RegistrationResult
        {
            NetUid = netUid, Hotkey = hotkeyPair.Ss58Address, Uid = outcome.Registration?.Uid,
            Status = outcome.Success switch { true => "Registered", false => "Failed", null => outcome.Status.ToString() },
            BlockHash = outcome.BlockHash, ExtrinsicHash = outcome.ExtrinsicHashHex, Error = outcome.DispatchError?.Message,
            BlockNumber = solution.BlockNumber, Nonce = solution.Nonce, Attempts = attempt,
        };
        if (outcome.DispatchError is { } error)
        {
            // The chain's own verdict: a solution that went stale in the pool is solved again, anything else is final.
            retry = error.ErrorName == "InvalidWorkBlock" && attempt < MaxAttempts;
            WriteError(PowErrors.Create(error.ErrorName, ErrorCategory.InvalidResult, result, error.Message,
                retry ? "Solving again." : "See the pallet's reason above."));
        }
        else if (outcome.Success == true) WriteVerbose($"Registered: {outcome.Registration} in block {outcome.BlockHash}.");
        return result;
    }
}

/// <summary>-Wait: how far to follow the transaction.</summary>
public enum WaitMode { None = WaitFor.None, InBlock = WaitFor.InBlock, Finalized = WaitFor.Finalized }
