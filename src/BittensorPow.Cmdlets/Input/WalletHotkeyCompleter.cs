namespace BittensorPow.Cmdlets.Input;

/// <summary>Completes -WalletHotkey.</summary>
public sealed class WalletHotkeyCompleter() : Completer(CompletionCandidates.Hotkeys);
