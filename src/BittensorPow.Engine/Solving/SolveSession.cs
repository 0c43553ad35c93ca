namespace BittensorPow.Engine.Solving;

/// <summary>
/// One running solve. Workers never touch the caller's thread: they update their own counters and
/// post messages to <see cref="Messages"/>; the caller polls <see cref="Snapshot"/> for progress.
/// </summary>
public sealed class SolveSession : IDisposable
{
    private readonly IReadOnlyList<ISealSearcher> _searchers;
    private readonly IBlockTemplateSource _source;
    private readonly SolverOptions _options;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _userCancellation;
    private readonly WorkerCounters _counters;
    private readonly NonceAllocator _nonces;
    private readonly Stopwatch _clock = new();
    private readonly HashRateEwma _ewma;
    private readonly TaskCompletionSource<SolveResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread[] _threads;
    private readonly object _sampleLock = new();
    private Timer? _sampler;
    private ulong _lastSampleNonces;
    private TimeSpan _lastSampleTime;
    private SolveResult? _hit;
    private Exception? _failure;
    private int _faults;
    private int _blocksSeen;
    private int _running;
    private int _paused;
    private volatile bool _exhausted;
    private BlockTemplate _lastTemplate;
    private int _pickups;
    private long _switchDelayTicks = -1;

    internal SolveSession(IReadOnlyList<ISealSearcher> searchers, IBlockTemplateSource source, SolverOptions options, CancellationToken cancellation)
    {
        _searchers = searchers;
        _source = source;
        _options = options;
        _userCancellation = cancellation;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (options.Timeout is { } timeout) _stop.CancelAfter(timeout);
        _counters = new WorkerCounters(searchers.Count);
        _nonces = new NonceAllocator(options.NonceStart ?? NonceAllocator.RandomStart(), options.NonceCount);
        _ewma = new HashRateEwma(options.HashRateSamples, options.HashRateAlpha);
        _threads = new Thread[searchers.Count];
        _lastTemplate = source.Current;
    }

    public Task<SolveResult> Completion => _completion.Task;
    /// <summary>The first position (search order of the challenge; the nonce itself for the legacy seal).</summary>
    public ulong NonceStart => _nonces.Start;
    public ulong? NonceCount => _nonces.Count;
    public string BackendName => _searchers.Count == 1 ? _searchers[0].Name : $"{_searchers[0].Name} ×{_searchers.Count}";

    /// <summary>Verbose lines from the workers (new block, device faults), drained by the caller's thread.</summary>
    public ConcurrentQueue<string> Messages { get; } = new();

    internal void Run()
    {
        _clock.Start();
        _blocksSeen = 1;
        _running = _searchers.Count;
        for (int i = 0; i < _searchers.Count; i++)
        {
            int worker = i;
            _threads[i] = new Thread(() => Work(worker)) { IsBackground = true, Name = $"PowWorker {i}" };
        }
        foreach (var t in _threads) t.Start();
        _sampler = new Timer(_ => Sample(), null, _options.SampleInterval, _options.SampleInterval);
    }

    private void Work(int worker)
    {
        var searcher = _searchers[worker];
        var token = _stop.Token;
        PowSolver.WorkerStarted();
        try
        {
            BlockTemplate? prepared = null;
            var gate = _source.Gate;
            while (!token.IsCancellationRequested)
            {
                if (gate is { IsOpen: false }) { Pause(gate, token); continue; }
                // Re-read each round: GPU searchers resize their batches as they measure their own rate.
                ulong batch = _options.UpdateInterval ?? searcher.PreferredBatch;
                var template = _source.Current;
                if (!ReferenceEquals(template, prepared))
                {
                    searcher.Prepare(template);
                    prepared = template;
                    NoteTemplate(template, worker);
                }
                if (!_nonces.TryTake(batch, out ulong start, out batch)) { _exhausted = true; break; }
                bool found = searcher.Search(start, batch, token, out ulong position);
                _counters.Add(worker, found ? unchecked(position - start + 1) : batch);
                if (found) Accept(template, template.Challenge.NonceAt(position), searcher);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
            _stop.Cancel();
        }
        finally
        {
            PowSolver.WorkerEnded();
            if (Interlocked.Decrement(ref _running) == 0) Finish();
        }
    }

    /// <summary>Waits, hashing nothing, until the source has valid work again; a stop ends the wait at once.</summary>
    private void Pause(WorkGate gate, CancellationToken token)
    {
        Interlocked.Increment(ref _paused);
        try { gate.Wait(token); }
        finally { Interlocked.Decrement(ref _paused); }
    }

    private void NoteTemplate(BlockTemplate template, int worker)
    {
        lock (_sampleLock)
        {
            if (!ReferenceEquals(_lastTemplate, template))
            {
                if (template.BlockNumber < _lastTemplate.BlockNumber) return; // a slow worker still finishing older work
                _lastTemplate = template;
                _pickups = 0;
                Interlocked.Increment(ref _blocksSeen);
            }
            if (++_pickups != _searchers.Count || _blocksSeen == 1) return;
            long delay = Stopwatch.GetTimestamp() - template.AnnouncedTimestamp;
            Volatile.Write(ref _switchDelayTicks, delay);
            Messages.Enqueue($"New work: {template}; all {_searchers.Count} worker(s) moved onto it "
                + $"{Stopwatch.GetElapsedTime(0, delay).TotalMilliseconds:F1} ms after it was announced.");
        }
    }

    private void Accept(BlockTemplate template, ulong nonce, ISealSearcher searcher)
    {
        if (!template.Verify(nonce, out var seal))
        {
            Interlocked.Increment(ref _faults);
            Messages.Enqueue($"Device fault: {searcher.Name} reported nonce {nonce} for {template}, which fails the reference check; ignored.");
            return;
        }
        if (!_source.IsStillValid(template))
        {
            Messages.Enqueue($"Discarded nonce {nonce}: block {template.BlockNumber} is no longer inside the chain's window.");
            return;
        }
        var result = new SolveResult
        {
            Outcome = SolveOutcome.Solved, Template = template, Nonce = nonce, Seal = seal,
            Statistics = Snapshot(), Backend = searcher.Name,
        };
        if (Interlocked.CompareExchange(ref _hit, result, null) is null) _stop.Cancel();
    }

    private void Finish()
    {
        _clock.Stop();
        _sampler?.Dispose();
        Sample();
        var stats = Snapshot();
        SolveResult result;
        if (_hit is { } hit) result = hit with { Statistics = stats };
        else if (_failure is { } failure)
            result = new SolveResult { Outcome = SolveOutcome.Failed, Error = failure, Statistics = stats, Backend = BackendName };
        else
            result = new SolveResult
            {
                Outcome = _userCancellation.IsCancellationRequested ? SolveOutcome.Cancelled
                    : _exhausted ? SolveOutcome.Exhausted
                    : SolveOutcome.TimedOut,
                Statistics = stats, Backend = BackendName,
            };
        _completion.TrySetResult(result);
    }

    private void Sample()
    {
        lock (_sampleLock)
        {
            var now = _clock.Elapsed;
            var (nonces, _) = _counters.Total();
            var dt = (now - _lastSampleTime).TotalSeconds;
            if (dt <= 0) return;
            _ewma.Add((nonces - _lastSampleNonces) / dt);
            _lastSampleNonces = nonces;
            _lastSampleTime = now;
        }
    }

    public SolverStatistics Snapshot()
    {
        var (nonces, rounds) = _counters.Total();
        var elapsed = _clock.Elapsed;
        BlockTemplate template;
        double ewma;
        lock (_sampleLock) { ewma = _ewma.Value; template = _lastTemplate; }
        return new SolverStatistics
        {
            Elapsed = elapsed, Rounds = rounds, NoncesTried = nonces, HashRate = ewma,
            HashRateAverage = elapsed.TotalSeconds > 0 ? nonces / elapsed.TotalSeconds : 0,
            Difficulty = template.Difficulty.Value, BlockNumber = template.BlockNumber,
            BlockHash = template.BlockHash.ToArray(), Workers = _searchers.Count,
            BlocksSeen = Volatile.Read(ref _blocksSeen), DeviceFaults = Volatile.Read(ref _faults),
            NonceStart = _nonces.Start, NonceCount = _nonces.Count,
            PausedWorkers = Volatile.Read(ref _paused),
            TemplateSwitchDelay = Volatile.Read(ref _switchDelayTicks) is var d and >= 0 ? Stopwatch.GetElapsedTime(0, d) : null,
        };
    }

    /// <summary>Stops every worker and waits for their threads to end.</summary>
    public void Stop(TimeSpan? wait = null)
    {
        _stop.Cancel();
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        foreach (var t in _threads)
        {
            var left = deadline - DateTime.UtcNow;
            if (t.IsAlive) t.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    public void Dispose()
    {
        Stop();
        _sampler?.Dispose();
        _stop.Dispose();
    }
}
