using System.Collections.Concurrent;
using System.Diagnostics;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Registration.Solving;

/// <summary>
/// Work from the chain: each head pushed by chain_subscribeNewHeads becomes a new template, which the workers pick up
/// at their next round. A solution counts only while its block is inside the chain's window relative to the newest
/// head (SPEC §3). Subclasses say what difficulty applies at a head, reading no more than that.
/// </summary>
public abstract class HeadTemplateSource : IBlockTemplateSource
{
    private readonly object _gate = new();
    private BlockTemplate _current;
    private ulong _head;
    // The last few templates by block number, so a solution on an older head still finds when that head was announced.
    private readonly BlockTemplate?[] _recent = new BlockTemplate?[4];

    /// <param name="first">The work on the head the solve starts from; later heads get the same binding on their block.</param>
    protected HeadTemplateSource(BlockTemplate first, CancellationToken cancellation)
    {
        Cancellation = cancellation;
        _head = first.BlockNumber;
        _current = first;
        _recent[first.BlockNumber % 4] = _current;
    }

    protected CancellationToken Cancellation { get; }
    public BlockTemplate Current => Volatile.Read(ref _current);
    public ulong Head => Volatile.Read(ref _head);

    /// <summary>The byte order the current work is judged by; a runtime upgrade may change it (<see cref="UseChallenge"/>).</summary>
    public SealByteOrder Order => Current.ByteOrder;

    /// <summary>
    /// The runtime's rule changed (an upgrade across spec 271/272, or to a runtime with another seal): the current block's
    /// work is rebuilt at once as <paramref name="rebuild"/> makes it, since a seal found under the old rule would be judged
    /// by the new one; later heads keep the new binding.
    /// </summary>
    public void UseChallenge(Func<Challenge, Challenge> rebuild)
    {
        lock (_gate)
        {
            var current = Current;
            var challenge = rebuild(current.Challenge);
            if (challenge.Equals(current.Challenge)) return;
            Volatile.Write(ref _current, new BlockTemplate(challenge, current.Difficulty));
        }
    }

    /// <summary>Verbose lines from the subscription thread, drained by the thread that runs the workflow.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>When the head <paramref name="blockNumber"/> was announced (Stopwatch ticks); null once it is more than four heads old.</summary>
    public long? AnnouncedAt(ulong blockNumber)
    {
        lock (_gate) return _recent[blockNumber % 4] is { } t && t.BlockNumber == blockNumber ? t.AnnouncedTimestamp : null;
    }

    public bool IsStillValid(BlockTemplate template) => !Staleness.IsStale(template.Challenge, Head);

    /// <summary>The difficulty at <paramref name="header"/>; may read the chain (never from the subscription thread itself).</summary>
    protected abstract ValueTask<ulong> DifficultyAtAsync(BlockHeader header);

    /// <summary>Called on the subscription's thread: never block it (the reply to our own storage read arrives on it).</summary>
    public void OnHead(BlockHeader header)
    {
        long announced = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (header.Number <= _head && header.Number <= Current.BlockNumber) return;
            if (header.Number > _head) Volatile.Write(ref _head, header.Number);
        }
        var pending = DifficultyAtAsync(header);
        if (pending.IsCompletedSuccessfully) Switch(header, pending.Result, announced);
        else _ = SwitchWhenReadAsync(header, pending, announced);
    }

    private async Task SwitchWhenReadAsync(BlockHeader header, ValueTask<ulong> pending, long announced)
    {
        try { Switch(header, await pending.ConfigureAwait(false), announced); }
        catch (OperationCanceledException) { }
        catch (Exception ex)
        {
            Messages.Enqueue($"Could not read the difficulty at new head #{header.Number}: {ex.Message}. Keeping block {Current.BlockNumber} until the next head.");
        }
    }

    private void Switch(BlockHeader header, ulong difficulty, long announced)
    {
        if (difficulty == 0) { Messages.Enqueue($"Block {header.Number}: difficulty reads 0; keeping the previous work."); return; }
        BlockTemplate template;
        lock (_gate)
        {
            var current = Current;
            template = new BlockTemplate(current.Challenge.ForBlock(header.Number, header.Hash.AsSpan()), new Difficulty(difficulty))
            {
                AnnouncedTimestamp = announced,
            };
            // A head of the same number is new work only if it is another block (a fork) or the difficulty changed.
            if (template.BlockNumber < current.BlockNumber) return;
            if (template.BlockNumber == current.BlockNumber && template.IsSameWorkAs(current)) return;
            Volatile.Write(ref _current, template);
            _recent[template.BlockNumber % 4] = template;
        }
        Messages.Enqueue($"New head #{header.Number} {header.Hash}: difficulty {difficulty:N0}; template ready {Stopwatch.GetElapsedTime(announced).TotalMilliseconds:F1} ms after the notification.");
    }
}
