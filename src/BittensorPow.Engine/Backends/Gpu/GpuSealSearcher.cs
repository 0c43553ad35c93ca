namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// One ILGPU device as an <see cref="ISealSearcher"/>. The solver drives it from one thread: the first
/// call on a thread binds the accelerator there, so all CUDA calls for the device come from that thread.
/// A range is searched as a sequence of launches sized by <see cref="LaunchSizer"/>; cancellation is
/// checked between launches, and the first launch with a hit ends the range (launches go in search order,
/// so its smallest offset is the range's smallest passing position). A pow_register launch is one dispatch per
/// 2^24-position span it touches (<see cref="SpanDispatch"/>), queued back to back and waited for once.
/// </summary>
public sealed class GpuSealSearcher : ISealSearcher
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<KernelConfig, SealLaunch, ArrayView<ulong>> _bigEndian;
    // Compiled on first use: a searcher mostly runs one scheme, and on ILGPU's CPU accelerator (CI) each kernel costs
    // seconds to compile. The big-endian kernel is compiled when the device opens: calibration runs it.
    private Action<KernelConfig, SealLaunch, ArrayView<ulong>>? _littleEndian;
    private Action<KernelConfig, PowRegisterLaunch, ArrayView<ulong>>? _powRegister;
    private readonly MemoryBuffer1D<ulong, Stride1D.Dense> _best;
    private readonly ulong[] _noHit = [SealKernels.NoHit];
    private readonly LaunchSizer _sizer;
    private SealLaunch _launch;
    private byte[] _blockAndHotkeyHash = new byte[32];
    private SealByteOrder _order;
    private PowRegisterMidstate? _midstate;   // set while the template is pow_register's
    private PowRegisterLaunch _powRegisterLaunch;
    private bool _prepared;
    private int _boundThread;
    private bool _disposed;

    internal GpuSealSearcher(PowBackend kind, int deviceId, Context context, Device device, int threadsPerBlock, TimeSpan targetLaunchTime)
    {
        Kind = kind;
        DeviceId = deviceId;
        Info = GpuDevices.Describe(kind, deviceId, device);
        ThreadsPerBlock = threadsPerBlock;
        _context = context;
        try
        {
            _accelerator = device.CreateAccelerator(context);
            _boundThread = Environment.CurrentManagedThreadId;
            _bigEndian = KernelLoader.Load<SealLaunch>(_accelerator, nameof(SealKernels.SearchBigEndian));
            _best = _accelerator.Allocate1D<ulong>(1);
            _best.CopyFromCPU(_noHit);
            // A first guess of a few waves per multiprocessor; the calibration below measures the real rate.
            _sizer = new LaunchSizer(threadsPerBlock, threadsPerBlock * Math.Max(1, device.NumMultiprocessors) * 4, targetLaunchTime);
            Calibrate();
        }
        catch (Exception ex) when (ex is not GpuDeviceException)
        {
            _accelerator?.Dispose();
            throw Failure("could not compile or run the seal kernel", ex);
        }
    }

    public PowBackend Kind { get; }
    public int DeviceId { get; }
    public PowDeviceInfo Info { get; }
    public int ThreadsPerBlock { get; }

    /// <summary>Positions per launch the sizer currently aims at.</summary>
    public int LaunchSize => _sizer.Next;

    /// <summary>Measured seals per second (smoothed over launches).</summary>
    public double MeasuredRate => _sizer.Rate;

    public string Name => $"{Kind} {DeviceId}: {Info.Name}";

    /// <summary>One launch (~100 ms) per solver round, so the next template is swapped in between launches.</summary>
    public ulong PreferredBatch => (ulong)_sizer.Next;

    public void Prepare(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        ObjectDisposedException.ThrowIf(_disposed, this);
        switch (template.Challenge)
        {
            case LegacyChallenge legacy:
                _launch = SealParameters.For(template);
                _blockAndHotkeyHash = legacy.BlockAndHotkeyHash.ToArray();
                _order = template.ByteOrder;
                _midstate = null;
                if (_order == SealByteOrder.LittleEndian) EnsureLoaded(ref _littleEndian, nameof(SealKernels.SearchLittleEndian));
                break;
            case PowRegisterChallenge powRegister:
                EnsureLoaded(ref _powRegister, nameof(SealKernels.SearchPowRegister));
                _powRegisterLaunch = PowRegisterLaunch.For(template);
                _midstate = new PowRegisterMidstate(powRegister);
                break;
            default:
                throw new NotSupportedException($"{Name} does not search {template.Challenge.Scheme} seals.");
        }
        _prepared = true;
    }

    public bool Search(ulong start, ulong count, CancellationToken cancellation, out ulong position)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_prepared) throw new InvalidOperationException("Prepare(template) must be called before Search.");
        BindToCallingThread();
        ulong done = 0;
        while (done < count)
        {
            cancellation.ThrowIfCancellationRequested();
            ulong launchBase = unchecked(start + done);
            // The legacy kernels take the nonce's high half from the launch's constants: a launch ends at the next
            // multiple of 2^32 (once per 4.3 G nonces), and such a cut-short launch is no measure of the rate.
            // pow_register's launches cross spans as they go, one dispatch per span.
            ulong toBoundary = _midstate is null ? (1UL << 32) - (uint)launchBase : ulong.MaxValue;
            int n = (int)Math.Min(Math.Min(count - done, (ulong)_sizer.Next), toBoundary);
            ulong offset = toBoundary < (ulong)_sizer.Next && (ulong)n == toBoundary ? Launch(launchBase, n) : TimedLaunch(launchBase, n);
            if (offset != SealKernels.NoHit)
            {
                position = unchecked(launchBase + offset);
                return true;
            }
            done += (ulong)n;
        }
        position = 0;
        return false;
    }

    /// <summary>
    /// Runs one launch of <paramref name="n"/> positions from <paramref name="launchBase"/>; returns the smallest hit
    /// offset or <see cref="SealKernels.NoHit"/>.
    /// </summary>
    private ulong TimedLaunch(ulong launchBase, int n)
    {
        var clock = Stopwatch.StartNew();
        ulong offset = Launch(launchBase, n);
        _sizer.Observe(n, clock.Elapsed);
        return offset;
    }

    private ulong Launch(ulong launchBase, int n)
    {
        try
        {
            if (_midstate is { } midstate)
            {
                foreach (var dispatch in SpanDispatch.Plan(launchBase, n))
                    _powRegister!(Config(dispatch.Count), _powRegisterLaunch.For(midstate, dispatch), _best.View);
            }
            else
            {
                var kernel = _order == SealByteOrder.BigEndian ? _bigEndian : _littleEndian!;
                kernel(Config(n), SealParameters.ForLaunch(_launch, _blockAndHotkeyHash, launchBase, n), _best.View);
            }
            _accelerator.Synchronize();
            ulong offset = _best.GetAsArray1D()[0];
            // Only a hit changes the slot, and a hit ends the range: reset just then.
            if (offset != SealKernels.NoHit) _best.CopyFromCPU(_noHit);
            return offset;
        }
        catch (Exception ex)
        {
            throw Failure($"a launch of {n:N0} positions failed", ex);
        }
    }

    private void EnsureLoaded<TLaunch>(ref Action<KernelConfig, TLaunch, ArrayView<ulong>>? kernel, string name)
        where TLaunch : struct
    {
        if (kernel is not null) return;
        BindToCallingThread();
        try
        {
            kernel = KernelLoader.Load<TLaunch>(_accelerator, name);
        }
        catch (Exception ex)
        {
            throw Failure($"could not compile the {name} kernel", ex);
        }
    }

    private KernelConfig Config(int threads) => new((threads + ThreadsPerBlock - 1) / ThreadsPerBlock, ThreadsPerBlock);

    /// <summary>Compiles (done), then grows launches with a threshold no seal meets until one takes about half the target.</summary>
    private void Calibrate()
    {
        _launch = new SealLaunch(); // T = 0: nothing passes, so the buffer stays at "no hit"
        _blockAndHotkeyHash = new byte[32];
        _order = SealByteOrder.BigEndian;
        _midstate = null;
        var budget = Stopwatch.StartNew();
        for (int i = 0; i < 12 && budget.Elapsed < _sizer.Target * 10; i++)
        {
            var clock = Stopwatch.StartNew();
            int n = _sizer.Next;
            Launch(0, n);
            var elapsed = clock.Elapsed;
            if (i > 0) _sizer.Observe(n, elapsed); // the first launch pays for module loading: not a rate
            if (i > 0 && elapsed >= _sizer.Target / 2) break;
        }
        _prepared = false;
    }

    private void BindToCallingThread()
    {
        int thread = Environment.CurrentManagedThreadId;
        if (thread == _boundThread) return;
        _accelerator.Bind();
        _boundThread = thread;
    }

    private GpuDeviceException Failure(string what, Exception inner) =>
        new(Kind, DeviceId, GpuDevices.Label(Info),
            $"{Kind} device {DeviceId}, {GpuDevices.Label(Info)}: {what}: {inner.Message}"
            + (Kind == PowBackend.Cuda
                ? " (ILGPU 1.5.3 has an open report of failures on some GPUs, e.g. H100/H200: m4rs-mt/ILGPU#1540; "
                    + "try a newer driver or another back end.)"
                : ""),
            inner);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _best.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
