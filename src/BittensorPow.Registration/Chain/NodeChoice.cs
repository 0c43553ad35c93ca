namespace BittensorPow.Registration.Chain;

/// <summary>
/// The node a cmdlet was pointed at: -Endpoint (a URL), -Network (finney, test, local) or neither (btcli's variables,
/// then the local node), and -ReconnectLimitSec, how long a dropped connection is waited for before NodeLost (null: the
/// default). <see cref="ChainSession.Connect(NodeChoice, IWorkflowOutput, Workflows.CallDeadline)"/> refuses an empty
/// endpoint, or both, when it connects.
/// </summary>
public sealed record NodeChoice(string? Endpoint, string? Network)
{
    /// <summary>No -Endpoint or -Network: btcli's variables, then the local node.</summary>
    public static readonly NodeChoice Default = new(null, null);

    public TimeSpan? ReconnectLimit { get; init; }

    /// <summary>How the node is named before it answers: the masked endpoint, the network, or "the node".</summary>
    public string Shown => Endpoint is null ? Network ?? "the node" : EndpointDisplay.Show(Endpoint);
}
