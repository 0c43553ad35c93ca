namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>Creates one <see cref="GpuSealSearcher"/> per device; the solver gives each a disjoint nonce range.</summary>
public static class GpuBackends
{
    public const int DefaultThreadsPerBlock = 256;

    /// <summary>Launch length the sizer aims at (the task asks for 50–200 ms).</summary>
    public static readonly TimeSpan DefaultLaunchTime = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Opens the devices <paramref name="deviceIds"/> (null or empty: every device of the kind), compiles
    /// the kernel on each and measures its rate. Throws <see cref="GpuDeviceNotFoundException"/> when the
    /// kind has no device or an id does not exist, and <see cref="GpuDeviceException"/> (naming the device
    /// and driver) when a device cannot run the kernel. On ILGPU's CPU accelerator the block size is capped
    /// at what it simulates (16), so the GPU default of 256 works there too.
    /// </summary>
    public static IReadOnlyList<GpuSealSearcher> CreateSearchers(PowBackend kind, IReadOnlyList<int>? deviceIds = null,
        int threadsPerBlock = DefaultThreadsPerBlock, TimeSpan? targetLaunchTime = null)
    {
        if (threadsPerBlock < 1 || threadsPerBlock > 1024)
            throw new ArgumentOutOfRangeException(nameof(threadsPerBlock), threadsPerBlock, "ThreadsPerBlock must be between 1 and 1024.");
        var target = targetLaunchTime ?? DefaultLaunchTime;
        int available;
        using (var probe = GpuDevices.CreateContext(kind)) available = GpuDevices.DevicesOf(probe, kind).Count;
        if (available == 0)
            throw new GpuDeviceNotFoundException(kind, null, $"No {kind} device was found on this machine.");
        var ids = deviceIds is { Count: > 0 } ? deviceIds.Distinct().ToArray() : Enumerable.Range(0, available).ToArray();
        foreach (var id in ids)
            if (id < 0 || id >= available)
                throw new GpuDeviceNotFoundException(kind, id, $"There is no {kind} device {id}: this machine has "
                    + $"{available} ({(available == 1 ? "id 0" : $"ids 0..{available - 1}")}).");

        var searchers = new List<GpuSealSearcher>();
        try
        {
            foreach (var id in ids) searchers.Add(Open(kind, id, threadsPerBlock, target));
        }
        catch
        {
            foreach (var s in searchers) s.Dispose();
            throw;
        }
        return searchers;
    }

    private static GpuSealSearcher Open(PowBackend kind, int id, int threadsPerBlock, TimeSpan target)
    {
        // Each searcher owns its context: devices are used from different solver threads and disposed independently.
        var context = GpuDevices.CreateContext(kind);
        try
        {
            var device = GpuDevices.DevicesOf(context, kind)[id];
            int tpb = threadsPerBlock;
            if (tpb > device.MaxNumThreadsPerGroup)
            {
                if (kind != PowBackend.IlgpuCpu)
                    throw new ArgumentOutOfRangeException(nameof(threadsPerBlock), threadsPerBlock,
                        $"{kind} device {id} ({device.Name}) allows at most {device.MaxNumThreadsPerGroup} threads per block.");
                tpb = device.MaxNumThreadsPerGroup;
            }
            return new GpuSealSearcher(kind, id, context, device, tpb, target);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
