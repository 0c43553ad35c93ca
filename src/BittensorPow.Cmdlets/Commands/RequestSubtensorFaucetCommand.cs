using System.Management.Automation;
using System.Security;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
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
/// The faucet of pow-faucet runtimes (local nets, devnet, testnet): solve the seal for the COLDKEY at difficulty
/// 1,000,000 under the runtime's byte order, then submit SubtensorModule.faucet signed by the coldkey (SPEC §9).
/// </summary>
[Cmdlet(VerbsLifecycle.Request, "SubtensorFaucet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RegistrationResult))]
public sealed class RequestSubtensorFaucetCommand : PowCmdletBase
{
    [Parameter, ArgumentCompleter(typeof(EndpointCompleter))] public string? Endpoint { get; set; }
    [Parameter, ValidateSet("finney", "test", "local")] public string? Network { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("Name"), ArgumentCompleter(typeof(WalletNameCompleter))] public string? Wallet { get; set; }
    [Parameter] public string? WalletPath { get; set; }
    /// <summary>The coldkey's password; without it an interactive session is asked.</summary>
    [Parameter] public SecureString? Password { get; set; }
    [Parameter] public WaitMode Wait { get; set; } = WaitMode.InBlock;
    [Parameter, ValidateRange(1, 3600)] public double TimeoutSec { get; set; } = 120;
    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public int? ThreadCount { get; set; }
    [Parameter] public int? HashRateSamples { get; set; }
    [Parameter] public double? HashRateAlpha { get; set; }
    /// <summary>How many drips, one after another, each solved on the current head (btcli's max_successes).</summary>
    [Parameter, ValidateRange(1, 1000)] public int Count { get; set; } = 1;

    protected override void Process()
    {
        var options = SolveParameters.Validate(ThreadCount, null, null, null, HashRateSamples, HashRateAlpha);
        var (walletName, _, root) = UserInput.Wallet(Wallet, null, WalletPath);
        // -TimeoutSec bounds connecting too: a node that accepts but never answers must not outlast it.
        using var connecting = new CallDeadline(TimeSpan.FromSeconds(TimeoutSec), Cancellation);
        using var chain = connecting.Run($"connecting to {Endpoint ?? Network ?? "the node"} and reading its runtime", ErrorIds.RpcTimeout,
            t => ChainSession.Connect(Endpoint, Network, Output, t));
        byte[] coldkeyPublic;
        try { coldkeyPublic = PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(root, walletName)); }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }

        var request = new FaucetRequest(coldkeyPublic, () => Unlock(root, walletName), new SolveRequest(Backend, ThreadCount, Options: options))
        {
            Wait = (WaitFor)Wait, Timeout = TimeSpan.FromSeconds(TimeoutSec), Count = Count,
        };
        foreach (var outcome in FaucetWorkflow.Run(chain, request, Output, Cancellation))
        {
            var result = RegistrationResult.From(outcome);
            if (outcome.Error is { } error) WriteError(error with { Target = result });
            WriteObject(result);
        }
    }

    private Sr25519KeyPair Unlock(string root, string walletName)
    {
        // The keyfile says first whether a password can help: a plain one (btcli --no-use-password) needs none.
        bool needsPassword;
        try { needsPassword = KeyfileFormats.Read(WalletPaths.Coldkey(root, walletName)) == KeyfileFormat.Nacl; }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        // Only a password we asked for is ours to dispose; the caller may reuse theirs.
        using var asked = Password is null && needsPassword ? AskPassword(walletName) : null;
        try { return SecretKeyfile.ReadColdkey(root, walletName, Password ?? asked); }
        catch (WalletFileException ex) { throw WalletFailures.ToError(ex); }
        catch (Subtensor.Native.LibsodiumUnavailableException ex) { throw WalletFailures.ToError(ex); }
    }

    private SecureString AskPassword(string wallet)
    {
        try
        {
            Host.UI.Write($"Password for the coldkey of wallet '{wallet}': ");
            return Host.UI.ReadLineAsSecureString();
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or NotImplementedException or System.Management.Automation.Host.HostException)
        {
            throw new PowException(new PowError(ErrorIds.PasswordRequired, PowErrorCategory.AuthenticationError, wallet,
                $"The coldkey of wallet '{wallet}' is encrypted and this session cannot ask for its password.",
                "Pass -Password (a SecureString, e.g. from Read-Host -AsSecureString or a secret store)."));
        }
    }
}
