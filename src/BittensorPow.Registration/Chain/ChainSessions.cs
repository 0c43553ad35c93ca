namespace BittensorPow.Registration.Chain;

/// <summary>
/// The connection a pipeline keeps: every record that names the same node (endpoint, or network when no endpoint)
/// reuses one session instead of connecting and reading the runtime again; a record that names another node replaces it.
/// </summary>
public sealed class ChainSessions : IDisposable
{
    private ChainSession? _open;
    private (string? Endpoint, string? Network) _key;

    /// <summary>How many connections were opened.</summary>
    public int Opened { get; private set; }

    public ChainSession Get(string? endpoint, string? network, IWorkflowOutput output, CallDeadline deadline, TimeSpan? reconnectLimit)
    {
        if (_open is not null && _key == (endpoint, network)) return _open;
        _open?.Dispose();
        _open = null;
        _open = ChainSession.Connect(endpoint, network, output, deadline, reconnectLimit);
        _key = (endpoint, network);
        Opened++;
        return _open;
    }

    public void Dispose()
    {
        _open?.Dispose();
        _open = null;
    }
}
