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
    // The chain's pace, from the heads seen: when the last new head came, and the time per block (EWMA; 0: unknown).
    private long _lastHeadAt;
    private double _ticksPerBlock;
    private int _rebase;
    // Counts rebases: a difficulty read begun before one (on the chain the node was before) must not switch after it.
    private int _epoch;

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
    /// by the new one, and at <paramref name="difficulty"/> where the new rule reads another one; later heads keep the new
    /// binding.
    /// </summary>
    public void UseChallenge(Func<Challenge, Challenge> rebuild, Difficulty? difficulty = null)
    {
        lock (_gate)
        {
            var current = Current;
            var challenge = rebuild(current.Challenge);
            var target = difficulty ?? current.Difficulty;
            if (challenge.Equals(current.Challenge) && target.Value == current.Difficulty.Value) return;
            Volatile.Write(ref _current, new BlockTemplate(challenge, target));
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

    /// <summary>Closed by <see cref="Pause"/> while there is no work worth hashing; opened by the next head.</summary>
    public WorkGate Gate { get; } = new();

    /// <summary>
    /// The next head is the node's word whatever its number: after a drop the node may come back as a restarted chain
    /// whose heads start again at 0, and its head is where the work must be.
    /// </summary>
    public void ExpectRebase() => Volatile.Write(ref _rebase, 1);

    /// <summary>The time per block seen so far; null before two heads.</summary>
    public TimeSpan? BlockTime { get { lock (_gate) return _ticksPerBlock > 0 ? Stopwatch.GetElapsedTime(0, (long)_ticksPerBlock) : null; } }

    /// <summary>
    /// How long until, at the pace seen so far, the chain has moved the current work out of its window (zero when it
    /// already has; null when the pace is unknown). For a node that went quiet: no head tells, so the pace must.
    /// </summary>
    public TimeSpan? StaleIn()
    {
        lock (_gate)
        {
            if (_ticksPerBlock <= 0) return null;
            // Work on block b lands while head + 1 - b < Window: it is lost once the head reaches b + Window - 1.
            double blocksLeft = Math.Max(0, (double)(Current.BlockNumber + Staleness.Window - 1) - _head);
            long due = _lastHeadAt + (long)(blocksLeft * _ticksPerBlock);
            long left = due - Stopwatch.GetTimestamp();
            return left > 0 ? Stopwatch.GetElapsedTime(0, left) : TimeSpan.Zero;
        }
    }

    /// <summary>Stops the workers (they wait on <see cref="Gate"/>, hashing nothing) until the next head; says why.</summary>
    public void Pause(string why)
    {
        if (!Gate.IsOpen) return;
        Gate.Close();
        Messages.Enqueue(why);
    }

    private void NotePace(ulong number, long at)
    {
        if (_lastHeadAt != 0 && number > _head)
        {
            double perBlock = (double)(at - _lastHeadAt) / (number - _head);
            _ticksPerBlock = _ticksPerBlock <= 0 ? perBlock : (_ticksPerBlock + perBlock) / 2;
        }
        _lastHeadAt = at;
    }

    /// <summary>The difficulty at <paramref name="header"/>; may read the chain (never from the subscription thread itself).</summary>
    protected abstract ValueTask<ulong> DifficultyAtAsync(BlockHeader header);

    /// <summary>Called on the subscription's thread: never block it (the reply to our own storage read arrives on it).</summary>
    public void OnHead(BlockHeader header)
    {
        long announced = Stopwatch.GetTimestamp();
        bool rebase = Interlocked.Exchange(ref _rebase, 0) == 1;
        int epoch;
        lock (_gate)
        {
            if (rebase)
            {
                _epoch++;
                if (header.Number < _head)
                    Messages.Enqueue($"The node's head is #{header.Number}, below #{_head} before the drop: " +
                        "its chain started again (a restarted chain); solving on its head.");
                _lastHeadAt = announced; // the time away says nothing about the chain's pace
                Volatile.Write(ref _head, header.Number);
            }
            else if (header.Number <= _head && header.Number <= Current.BlockNumber)
            {
                Gate.Open(); // the node's head is no newer than the work: the work is current
                return;
            }
            else if (header.Number > _head)
            {
                NotePace(header.Number, announced);
                Volatile.Write(ref _head, header.Number);
            }
            epoch = _epoch;
        }
        var pending = DifficultyAtAsync(header);
        if (pending.IsCompletedSuccessfully) Switch(header, pending.Result, announced, (rebase, epoch));
        else _ = SwitchWhenReadAsync(header, pending, announced, (rebase, epoch));
    }

    private async Task SwitchWhenReadAsync(BlockHeader header, ValueTask<ulong> pending, long announced, (bool Rebase, int Epoch) after)
    {
        try { Switch(header, await pending.ConfigureAwait(false), announced, after); }
        catch (OperationCanceledException) { }
        catch (Exception ex)
        {
            Messages.Enqueue($"Could not read the difficulty at new head #{header.Number}: {ex.Message}. " +
                $"Keeping block {Current.BlockNumber} until the next head.");
        }
    }

    /// <param name="after">Rebase: the first head after a reconnect, taken even below the current work (a restarted
    /// chain). Epoch: the rebases before this head; a head from before the latest one is no longer the node's word.</param>
    private void Switch(BlockHeader header, ulong difficulty, long announced, (bool Rebase, int Epoch) after)
    {
        // Whatever this head makes of the work, the node is there and has said where the chain is: hashing may go on.
        try { SwitchTo(header, difficulty, announced, after); }
        finally { if (after.Epoch == Volatile.Read(ref _epoch)) Gate.Open(); }
    }

    private void SwitchTo(BlockHeader header, ulong difficulty, long announced, (bool Rebase, int Epoch) after)
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
            if (after.Epoch != _epoch) return;
            // A head of the same number is new work only if it is another block (a fork) or the difficulty changed.
            if (template.BlockNumber < current.BlockNumber && !after.Rebase) return;
            if (template.BlockNumber == current.BlockNumber && template.IsSameWorkAs(current)) return;
            Volatile.Write(ref _current, template);
            _recent[template.BlockNumber % 4] = template;
        }
        Messages.Enqueue($"New head #{header.Number} {header.Hash}: difficulty {difficulty:N0}; " +
            $"template ready {Stopwatch.GetElapsedTime(announced).TotalMilliseconds:F1} ms after the notification.");
    }
}
