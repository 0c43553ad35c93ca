using System.Text.Json.Nodes;
using BittensorPow.DevNode.Execution;

namespace BittensorPow.DevNode.Chain;

/// <summary>
/// The transaction pool: checked transactions waiting for a block, in arrival order. A transaction whose nonce is the
/// signer's next one (counting the signer's ready transactions) is "ready"; a later nonce waits as "future" until
/// the gap closes, as in Substrate's pool. A second transaction with a nonce, or a runtime tag (pow_register's
/// (hotkey, work_block)), already pending is refused as too low priority (no replacement by tip here), the same bytes
/// twice as already imported; one past its longevity is dropped as invalid after the block that ends it.
/// </summary>
public sealed class TransactionPool
{
    private readonly object _lock = new();
    private readonly List<PoolEntry> _pending = [];
    private readonly List<PoolEntry> _awaitingFinality = [];

    public IReadOnlyList<PoolEntry> Pending { get { lock (_lock) return [.. _pending]; } }

    /// <summary>Adds a checked transaction; <paramref name="accountNonce"/> is the signer's nonce in the head state.</summary>
    public void Add(PoolEntry entry, ulong accountNonce)
    {
        lock (_lock)
        {
            if (_pending.Any(e => e.Hash.AsSpan().SequenceEqual(entry.Hash))) throw TransactionRejected.AlreadyImported;
            if (_pending.Any(e => e.Nonce == entry.Nonce && e.Signer.AsSpan().SequenceEqual(entry.Signer))) throw TransactionRejected.TooLowPriority;
            // Another pooled transaction already provides the tag; with equal priority (none is set) it is not replaced.
            if (entry.ProvidesTag is { } tag && _pending.Any(e => e.ProvidesTag == tag)) throw TransactionRejected.TooLowPriority;
            entry.IsReady = entry.Nonce == NextIndexLocked(entry.Signer, accountNonce);
            _pending.Add(entry);
        }
        entry.Publish(entry.IsReady ? "ready" : "future");
    }

    /// <summary>system_accountNextIndex: the state nonce advanced past the signer's consecutive pending transactions.</summary>
    public ulong NextIndex(byte[] signer, ulong accountNonce)
    {
        lock (_lock) return NextIndexLocked(signer, accountNonce);
    }

    private ulong NextIndexLocked(byte[] signer, ulong nonce, PoolEntry? except = null)
    {
        while (_pending.Any(e => e != except && e.Nonce == nonce && e.Signer.AsSpan().SequenceEqual(signer))) nonce++;
        return nonce;
    }

    /// <summary>After a block: takes out what it included or found invalid, and promotes futures whose gap closed.</summary>
    public void AfterBlock(DevBlock block, IReadOnlyList<PoolEntry> included, IReadOnlyList<PoolEntry> invalid, Func<byte[], ulong> accountNonce)
    {
        var promoted = new List<PoolEntry>();
        lock (_lock)
        {
            // Past its longevity a transaction can no longer enter a block: the pool drops it as invalid.
            invalid = [.. invalid, .. _pending.Where(e => e.ValidTill < block.Number + 1 && !invalid.Contains(e) && !included.Contains(e))];
            foreach (var e in included.Concat(invalid)) _pending.Remove(e);
            foreach (var e in included) { e.IncludedIn = block; _awaitingFinality.Add(e); }
            foreach (var e in _pending.Where(e => !e.IsReady).OrderBy(e => e.Nonce))
                if (e.Nonce == NextIndexLocked(e.Signer, accountNonce(e.Signer), except: e)) { e.IsReady = true; promoted.Add(e); }
        }
        foreach (var e in included) e.Publish(new JsonObject { ["inBlock"] = block.HashHex });
        foreach (var e in invalid) e.Publish("invalid", final: true);
        foreach (var e in promoted) e.Publish("ready");
    }

    /// <summary>Announces finality to every transaction included at or below the newly finalized block.</summary>
    public void Finalized(DevBlock finalized)
    {
        List<PoolEntry> done;
        lock (_lock)
        {
            done = _awaitingFinality.Where(e => e.IncludedIn!.Number <= finalized.Number).ToList();
            foreach (var e in done) _awaitingFinality.Remove(e);
        }
        foreach (var e in done) e.Publish(new JsonObject { ["finalized"] = e.IncludedIn!.HashHex }, final: true);
    }
}
