namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// Routes notifications by the node's subscription id. A notification whose id is not bound yet is kept (a node
/// may push the first notification before the subscribe reply reaches us) and handed over when the id is bound.
/// </summary>
internal sealed class SubscriptionRouter(int maxEarly)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, RpcSubscription> _byServerId = new(StringComparer.Ordinal);
    private readonly List<RpcSubscription> _all = [];
    private readonly Queue<(string Id, JsonElement Result)> _early = new();

    public void Add(RpcSubscription subscription) { lock (_lock) _all.Add(subscription); }

    public void Remove(RpcSubscription subscription)
    {
        lock (_lock)
        {
            _all.Remove(subscription);
            if (subscription.ServerId is { } id) _byServerId.Remove(id);
        }
    }

    public IReadOnlyList<RpcSubscription> Snapshot() { lock (_lock) return _all.ToArray(); }

    /// <summary>Binds the node's id and delivers anything that arrived for it early.</summary>
    public void Bind(RpcSubscription subscription, string serverId)
    {
        List<JsonElement> early = [];
        lock (_lock)
        {
            subscription.ServerId = serverId;
            _byServerId[serverId] = subscription;
            int count = _early.Count;
            for (int i = 0; i < count; i++)
            {
                var item = _early.Dequeue();
                if (item.Id == serverId) early.Add(item.Result);
                else _early.Enqueue(item);
            }
        }
        foreach (var result in early) subscription.Deliver(result);
    }

    /// <summary>Returns false when the notification was kept for later (its id is unknown so far).</summary>
    public bool Route(string serverId, JsonElement result)
    {
        RpcSubscription? target;
        lock (_lock)
        {
            if (!_byServerId.TryGetValue(serverId, out target))
            {
                _early.Enqueue((serverId, result));
                while (_early.Count > maxEarly) _early.Dequeue();
                return false;
            }
        }
        target.Deliver(result);
        return true;
    }

    /// <summary>A new connection invalidates every server id; the subscriptions themselves stay for resubscribing.</summary>
    public void UnbindAll()
    {
        lock (_lock)
        {
            _byServerId.Clear();
            _early.Clear();
            foreach (var s in _all) s.ServerId = null;
        }
    }
}
