using System.Text.Json.Nodes;
using BittensorPow.Subtensor.Metadata;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// A checked transaction in the pool, with the status history its watchers see (author_extrinsicUpdate). A watcher
/// that attaches late gets the history replayed first, so no status is lost between submit and subscribe.
/// Statuses are kept as JSON text: unit statuses as strings ("ready", "future", "invalid", "dropped"), the others as
/// objects ({"inBlock": hash}, {"finalized": hash}), as a Substrate node serializes TransactionStatus.
/// </summary>
public sealed class PoolEntry(byte[] bytes, byte[] hash, byte[] signer, ulong nonce, ScaleVariant call)
{
    private readonly object _gate = new();
    private readonly List<string> _history = [];
    private readonly List<Action<JsonNode, bool>> _watchers = [];
    private bool _final;

    public byte[] Bytes { get; } = bytes;
    public byte[] Hash { get; } = hash;
    public string HashHex => DevBlock.Hex(Hash);
    public byte[] Signer { get; } = signer;
    public ulong Nonce { get; } = nonce;
    /// <summary>The call decoded by the metadata: RuntimeCall's pallet variant holding the pallet's call variant.</summary>
    public ScaleVariant Call { get; } = call;
    public bool IsReady { get; internal set; }
    /// <summary>A tag the runtime says this transaction provides besides (signer, nonce), e.g. pow_register's (hotkey, work_block).</summary>
    public string? ProvidesTag { get; set; }
    /// <summary>The last block that may include it (from the runtime's longevity); null = no limit but the era.</summary>
    public ulong? ValidTill { get; set; }
    public DevBlock? IncludedIn { get; internal set; }

    /// <summary>Publishes a status; <paramref name="final"/> ends the watch (finalized, invalid, dropped, usurped).</summary>
    public void Publish(JsonNode status, bool final = false)
    {
        string json = status.ToJsonString();
        Action<JsonNode, bool>[] watchers;
        lock (_gate)
        {
            if (_final) return;
            _history.Add(json);
            _final = final;
            watchers = [.. _watchers];
        }
        foreach (var w in watchers) w(JsonNode.Parse(json)!, final);
    }

    /// <summary>Replays the statuses so far, then forwards new ones; the returned action detaches.</summary>
    public Action Watch(Action<JsonNode, bool> watcher)
    {
        string[] history;
        bool final;
        lock (_gate)
        {
            history = [.. _history];
            final = _final;
            if (!final) _watchers.Add(watcher);
        }
        for (int i = 0; i < history.Length; i++) watcher(JsonNode.Parse(history[i])!, final && i == history.Length - 1);
        return () => { lock (_gate) _watchers.Remove(watcher); };
    }
}
