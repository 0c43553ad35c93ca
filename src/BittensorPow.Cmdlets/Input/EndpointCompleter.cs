namespace BittensorPow.Cmdlets.Input;

/// <summary>Completes -Endpoint.</summary>
public sealed class EndpointCompleter() : Completer(CompletionCandidates.Endpoints);
