using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using BittensorPow.Engine.Backends;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Cmdlets.Input;

/// <summary>-Wallet, Get-BittensorWallet -Name: the wallets under the wallet path in effect.</summary>
public sealed class WalletNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(Completion.Directories(Completion.WalletRoot(fakeBoundParameters)), wordToComplete);
}
