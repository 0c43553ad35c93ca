namespace BittensorPow.Cmdlets.Input;

/// <summary>Completes -DeviceId.</summary>
public sealed class DeviceIdCompleter() : Completer(CompletionCandidates.DeviceIds);
