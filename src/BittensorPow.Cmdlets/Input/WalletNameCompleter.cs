namespace BittensorPow.Cmdlets.Input;

/// <summary>Completes -Wallet, and Get-BittensorWallet -Name.</summary>
public sealed class WalletNameCompleter() : Completer(CompletionCandidates.Wallets);
