namespace BittensorPow.Cmdlets.Input;

/// <summary>-Wallet, Get-BittensorWallet -Name: the wallets under the wallet path in effect.</summary>
public sealed class WalletNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(Completion.Directories(Completion.WalletRoot(fakeBoundParameters)), wordToComplete);
}
