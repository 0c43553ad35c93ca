namespace BittensorPow.Registration.Chain;

/// <summary>
/// The connections a pipeline keeps: every record that names the same node (endpoint, or network when no endpoint)
/// reuses its session instead of connecting and reading the runtime again, however the records of several nodes mix.
/// </summary>
public sealed class ChainSessions : IDisposable
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;
    private readonly Dictionary<(string? Endpoint, string? Network), ChainSession> _open = new(
        EqualityComparer<(string?, string?)>.Create(
            (a, b) => Names.Equals(a.Item1, b.Item1) && Names.Equals(a.Item2, b.Item2),
            k => HashCode.Combine(k.Item1 is null ? 0 : Names.GetHashCode(k.Item1), k.Item2 is null ? 0 : Names.GetHashCode(k.Item2))));

    /// <summary>How many connections were opened.</summary>
    public int Opened { get; private set; }

    /// <summary>The kept session of the node, or a new one (its reconnect limit is the first request's).</summary>
    public ChainSession Get(NodeChoice node, IWorkflowOutput output, CallDeadline deadline)
    {
        if (_open.TryGetValue((node.Endpoint, node.Network), out var kept)) return kept;
        var session = ChainSession.Connect(node, output, deadline);
        _open[(node.Endpoint, node.Network)] = session;
        Opened++;
        return session;
    }

    public void Dispose()
    {
        foreach (var session in _open.Values) session.Dispose();
        _open.Clear();
    }
}
