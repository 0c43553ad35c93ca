using System.Management.Automation;
using System.Security;
using BittensorPow.Cmdlets.Hosting;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Commands;

/// <summary>
/// The faucet of pow-faucet runtimes (local nets, devnet, testnet): solve the seal for the COLDKEY at difficulty
/// 1,000,000 under the runtime's byte order, then submit SubtensorModule.faucet signed by the coldkey (SPEC §5).
/// </summary>
[Cmdlet(VerbsLifecycle.Request, "SubtensorFaucet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RegistrationResult))]
public sealed class RequestSubtensorFaucetCommand : PowCmdletBase
{
    /// <summary>The faucet's fixed difficulty in subtensor's pallet.</summary>
    public const ulong FaucetDifficulty = 1_000_000;

    [Parameter] public string? Endpoint { get; set; }
    [Parameter, ValidateSet("finney", "test", "local")] public string? Network { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [Alias("Name")] public string? Wallet { get; set; }
    [Parameter] public string? WalletPath { get; set; }
    /// <summary>The coldkey's password; without it an interactive session is asked.</summary>
    [Parameter] public SecureString? Password { get; set; }
    [Parameter] public WaitMode Wait { get; set; } = WaitMode.InBlock;
    [Parameter, ValidateRange(1, 3600)] public double TimeoutSec { get; set; } = 120;
    [Parameter] public PowBackend Backend { get; set; } = PowBackend.Cpu;
    [Parameter] public int? ThreadCount { get; set; }

    protected override void Process()
    {
        var (walletName, _, root) = HotkeyResolver.WalletNames(Wallet, null, WalletPath);
        using var chain = ChainSession.Connect(this, Endpoint, Network, Cancellation);
        var profile = chain.Client.RuntimeProfile;
        if (!profile.HasFaucet)
            throw new PowErrorRecordException(PowErrors.Create("FaucetNotAvailable", ErrorCategory.NotImplemented, chain.Endpoint,
                $"Runtime spec {profile.SpecVersion} at {chain.Endpoint} has no SubtensorModule.faucet call: only pow-faucet builds (local nets, devnet, testnet) do.",
                "Use a local or test network that runs a pow-faucet runtime."));
        var (order, rule) = SealRuleChoice.Choose(profile, null);
        WriteVerbose($"Faucet seal byte order {order}: {rule}; difficulty {FaucetDifficulty:N0}.");

        byte[] coldkeyPublic;
        try { coldkeyPublic = PublicKeyfile.ReadPublicKey(WalletPaths.ColdkeyPub(root, walletName)); }
        catch (WalletFileException ex) { throw WalletErrors.ToRecord(ex); }
        string coldkeySs58 = Subtensor.Keys.Ss58.Encode(coldkeyPublic);
        if (!ShouldProcess($"coldkey {coldkeySs58} at {chain.Endpoint}", "Request faucet funds")) return;

        // Only a password we asked for is ours to dispose; the caller may reuse theirs.
        using var asked = Password is null ? AskPassword(walletName) : null;
        Sr25519KeyPair coldkey;
        try { coldkey = SecretKeyfile.ReadColdkey(root, walletName, Password ?? asked); }
        catch (WalletFileException ex) { throw WalletErrors.ToRecord(ex); }
        using (coldkey)
        {
            var head = chain.Call(() => chain.Client.GetHeadAsync(Cancellation));
            var source = new ChainTemplateSource(chain.Client, 0, coldkey.PublicKey, order, head, FaucetDifficulty, Cancellation, fixedDifficulty: true);
            var request = new OnlineSolve.Request(0, chain.Endpoint, null, coldkey.PublicKey, order, Backend, ThreadCount, null, 256, new SolverOptions());
            var solution = OnlineSolve.SolveFollowingHeads(this, chain, source, request, null, rule, Cancellation);
            if (solution is null) return;

            var transaction = chain.Call(() => SubtensorTransactions.BuildFaucetAsync(chain.Client, coldkey, solution.BlockNumber, solution.Nonce,
                Convert.FromHexString(solution.Seal[2..]), null, Cancellation));
            var outcome = TransactionRunner.Submit(this, chain, transaction, (WaitFor)Wait, TimeSpan.FromSeconds(TimeoutSec), Cancellation);
            var result = new RegistrationResult
            {
                Hotkey = coldkeySs58, Status = outcome.Success switch { true => "Funded", false => "Failed", null => outcome.Status.ToString() },
                BlockHash = outcome.BlockHash, ExtrinsicHash = outcome.ExtrinsicHashHex, Error = outcome.DispatchError?.Message,
                BlockNumber = solution.BlockNumber, Nonce = solution.Nonce, Attempts = 1,
            };
            if (outcome.DispatchError is { } error)
                WriteError(PowErrors.Create(error.ErrorName, ErrorCategory.InvalidResult, result, error.Message, "See the pallet's reason above."));
            WriteObject(result);
        }
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
            throw new PowErrorRecordException(PowErrors.Create(nameof(WalletError.PasswordRequired), ErrorCategory.AuthenticationError, wallet,
                $"The coldkey of wallet '{wallet}' is encrypted and this session cannot ask for its password.",
                "Pass -Password (a SecureString, e.g. from Read-Host -AsSecureString or a secret store)."));
        }
    }
}
