using System.Management.Automation;
using System.Security;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// Submits SubtensorModule.register for a solution, signed by the HOTKEY with the coldkey's public key as owner,
/// after checking everything the pallet will check; re-solves when a solution has gone stale. On runtimes whose register
/// burns (spec 397 on), a burned registration signed by the coldkey, capped by -MaxCost.
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "SubtensorNeuron", DefaultParameterSetName = FromSolution, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RegistrationResult))]
public sealed class RegisterSubtensorNeuronCommand : PowCmdletBase
{
    private const string FromSolution = nameof(FromSolution);
    private const string Solve = nameof(Solve);

    /// <summary>
    /// A solution: a PowSolution, or any object with its properties by name (one read back with ConvertFrom-Json or
    /// Import-Csv, numbers as text included), read by <see cref="PipedSolution"/>.
    /// </summary>
    [Parameter(ParameterSetName = FromSolution, Mandatory = true, ValueFromPipeline = true)]
    public PSObject? Solution { get; set; }

    [Parameter(ParameterSetName = Solve, Mandatory = true, Position = 0)]
    public ushort NetUid { get; set; }

    [Parameter, ArgumentCompleter(typeof(EndpointCompleter))] public string? Endpoint { get; set; }
    [Parameter, ValidateSet("finney", "test", "local")] public string? Network { get; set; }
    [Parameter, ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter, ArgumentCompleter(typeof(WalletHotkeyCompleter))] public string? WalletHotkey { get; set; }
    [Parameter, WalletPath] public string? WalletPath { get; set; }
    /// <summary>Only for an encrypted hotkey keyfile (most are not).</summary>
    [Parameter] public SecureString? HotkeyPassword { get; set; }

    [Parameter] public WaitMode Wait { get; set; } = WaitMode.InBlock;
    [Parameter, ValidateRange(1, 3600)] public double TimeoutSec { get; set; } = 120;
    [Parameter, ValidateRange(1, 100)] public int MaxAttempts { get; set; } = 3;

    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public SwitchParameter Cuda { get; set; }
    [Parameter, ArgumentCompleter(typeof(DeviceIdCompleter))] public int[]? DeviceId { get; set; }
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter] public SealByteOrder? SealByteOrder { get; set; }
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }

    /// <summary>On runtimes whose register burns instead of checking work (spec 397 on): the most TAO the coldkey may burn.</summary>
    [Parameter] public decimal? MaxCost { get; set; }

    /// <summary>The coldkey's password, for burned registrations (spec 397 on), which the coldkey signs.</summary>
    [Parameter] public SecureString? Password { get; set; }

    /// <summary>Submit even when the local checks fail, and let the chain give its verdict (for diagnosis).</summary>
    [Parameter] public SwitchParameter SkipValidation { get; set; }

    // Spread search over PowerShell remoting sessions (issue 13): when it solves, every host searches its own partition.
    [Parameter(ParameterSetName = Solve)] public System.Management.Automation.Runspaces.PSSession[]? Session { get; set; }
    [Parameter(ParameterSetName = Solve)] public string[]? HostName { get; set; }
    [Parameter(ParameterSetName = Solve)] public int? Port { get; set; }
    [Parameter(ParameterSetName = Solve)] public string? UserName { get; set; }
    [Parameter(ParameterSetName = Solve)] public string? KeyFilePath { get; set; }
    [Parameter(ParameterSetName = Solve)] public System.Collections.Hashtable? SshOption { get; set; }
    [Parameter(ParameterSetName = Solve)] public System.Collections.Hashtable? HostParameters { get; set; }

    private Remoting.SpreadSolver? OpenSpread()
    {
        if (Session is null && HostName is null) return null;
        var solving = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "Backend", "Cuda", "DeviceId", "ThreadCount" })
            if (MyInvocation.BoundParameters.TryGetValue(name, out var value)) solving[name] = value;
        return new Remoting.SpreadSolver(this, Session, HostName, Port, UserName, KeyFilePath, SshOption, HostParameters, solving, null, Output, Cancellation);
    }

    protected override void Process()
    {
        var options = SolveParameters.Validate(ThreadCount, null, null, null, HashRateSamples, HashRateAlpha);
        var backend = UserInput.ChooseBackend(Backend, MyInvocation.BoundParameters.ContainsKey(nameof(Backend)), Cuda, openCL: false);
        UserInput.Backend(backend, DeviceId, threadsPerBlockGiven: false);
        var (walletName, hotkeyName, root) = UserInput.Wallet(Wallet, WalletHotkey, WalletPath);
        var given = Solution is null ? null : FromInput(PipedSolution.Read(Solution, SealByteOrder));
        // -TimeoutSec bounds each attempt from its start to inclusion, and the first attempt's start is connecting.
        // A piped solution's endpoint is a default: -Network given on the command line wins over it.
        var endpoint = Endpoint ?? (Network is null ? given?.Endpoint : null);
        using var connecting = new CallDeadline(TimeSpan.FromSeconds(TimeoutSec), Cancellation, bounds: "each attempt");
        using var chain = ChainSession.Connect(endpoint, Network, Output, connecting);
        var spentConnecting = connecting.Elapsed;
        if (!chain.Client.RuntimeProfile.RegisterVerifiesWork) { RegisterByBurn(chain, given?.NetUid ?? NetUid, walletName, hotkeyName, root, spentConnecting); return; }
        byte[] coldkey;
        Sr25519KeyPair hotkeyPair;
        try
        {
            coldkey = PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(root, walletName));
        }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        hotkeyPair = PasswordPrompt.Unlock(Host, WalletPaths.Hotkey(root, walletName, hotkeyName), HotkeyPassword,
            $"Hotkey '{hotkeyName}' of wallet '{walletName}'", "-HotkeyPassword", Output);
        using var spread = OpenSpread();
        using (hotkeyPair)
        {
            var request = new RegisterRequest(given?.NetUid ?? NetUid, hotkeyPair, coldkey,
                new SolveRequest(backend, ThreadCount, DeviceId, Options: options) { Spread = spread is null ? null : spread.Online })
            {
                Solution = given, SealByteOrder = SealByteOrder, Wait = (WaitFor)Wait, Timeout = TimeSpan.FromSeconds(TimeoutSec),
                SpentConnecting = spentConnecting, MaxAttempts = MaxAttempts, SkipValidation = SkipValidation,
            };
            foreach (var outcome in RegisterWorkflow.Run(chain, request, Output, Cancellation))
            {
                var result = RegistrationResult.From(outcome);
                if (outcome.Error is { } error) WriteError(error with { Target = result });
                WriteObject(result);
            }
        }
    }

    /// <summary>Spec 397 on: a burned registration the coldkey signs and pays, capped by -MaxCost (BurnRegisterWorkflow).</summary>
    private void RegisterByBurn(ChainSession chain, ushort netUid, string walletName, string hotkeyName, string root, TimeSpan spentConnecting)
    {
        ulong? cap = null;
        if (MaxCost is { } tao)
        {
            try { cap = Tao.ToRao(tao); }
            catch (OverflowException)
            {
                throw PowException.Parameter(ErrorIds.InvalidMaxCost, tao, $"-MaxCost {tao} is not an amount of TAO the chain can hold.",
                    "Give a non-negative amount of TAO, e.g. -MaxCost 1.5.");
            }
        }
        if (Solution is not null)
            WriteWarning($"Runtime spec {chain.Client.RuntimeProfile.SpecVersion} does not look at the proof of work: the piped solution only names the subnet ({netUid}).");
        byte[] hotkey, coldkeyPublic;
        try
        {
            hotkey = Subtensor.Wallets.WalletHotkey.ReadPublicKey(root, walletName, hotkeyName);
            coldkeyPublic = PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(root, walletName));
        }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        var request = new BurnRegisterRequest(netUid, hotkey, coldkeyPublic, () => PasswordPrompt.Coldkey(Host, root, walletName, Password, Output), cap)
        {
            Wait = (WaitFor)Wait, Timeout = TimeSpan.FromSeconds(TimeoutSec), SpentConnecting = spentConnecting, SkipValidation = SkipValidation,
        };
        foreach (var outcome in BurnRegisterWorkflow.Run(chain, request, Output, Cancellation))
        {
            var result = RegistrationResult.From(outcome);
            if (outcome.Error is { } error) WriteError(error with { Target = result });
            WriteObject(result);
        }
    }

    /// <summary>A piped solution, parsed once; one solved offline does not say which subnet it is for.</summary>
    private static Solution FromInput(Solution s)
    {
        if (s.NetUid is null)
            throw PowException.Argument(ErrorIds.MissingSolutionField, s,
                "The solution carries no NetUid: it was solved offline, so it does not say which subnet it is for.",
                "Solve with New-PowSolution -NetUid <n>, or use Register-SubtensorNeuron -NetUid <n> to solve and register in one go.");
        return s;
    }
}

/// <summary>-Wait: how far to follow the transaction.</summary>
public enum WaitMode { None = WaitFor.None, InBlock = WaitFor.InBlock, Finalized = WaitFor.Finalized }
