namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// Lists the devices the solver can use (for Get-PowDevice) and opens ILGPU contexts for one kind.
/// A kind whose runtime is missing or broken lists no devices; <see cref="List(out IReadOnlyList{string})"/>
/// says why, so that "no CUDA device" and "the CUDA driver failed" can be told apart.
/// </summary>
public static class GpuDevices
{
    public static IReadOnlyList<PowDeviceInfo> List() => List(out _);

    public static IReadOnlyList<PowDeviceInfo> List(out IReadOnlyList<string> problems)
    {
        var found = new List<PowDeviceInfo> { HostCpu() };
        var notes = new List<string>();
        foreach (var kind in Enum.GetValues<PowBackend>().Where(k => k.IsGpu()))
        {
            try
            {
                using var context = CreateContext(kind);
                var devices = DevicesOf(context, kind);
                for (int i = 0; i < devices.Count; i++) found.Add(Describe(kind, i, devices[i]));
            }
            catch (Exception ex)
            {
                notes.Add($"{kind}: could not list devices: {ex.Message}");
            }
        }
        problems = notes;
        return found;
    }

    /// <summary>Only the devices of one ILGPU kind (no host CPU entry).</summary>
    public static IReadOnlyList<PowDeviceInfo> List(PowBackend kind)
    {
        using var context = CreateContext(kind);
        var devices = DevicesOf(context, kind);
        return devices.Select((d, i) => Describe(kind, i, d)).ToArray();
    }

    /// <summary>A context with only <paramref name="kind"/> enabled, so that listing CUDA never touches OpenCL.</summary>
    internal static Context CreateContext(PowBackend kind) => kind switch
    {
        PowBackend.IlgpuCpu => Context.Create(b => b.CPU(CPUDeviceKind.Default)),
        PowBackend.Cuda => Context.Create(b => b.Cuda()),
        PowBackend.OpenCL => Context.Create(b => b.OpenCL()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown GPU kind."),
    };

    internal static IReadOnlyList<Device> DevicesOf(Context context, PowBackend kind)
    {
        var list = new List<Device>();
        switch (kind)
        {
            case PowBackend.IlgpuCpu: foreach (var d in context.GetCPUDevices()) list.Add(d); break;
            case PowBackend.Cuda: foreach (var d in context.GetCudaDevices()) list.Add(d); break;
            case PowBackend.OpenCL: foreach (var d in context.GetCLDevices()) list.Add(d); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown GPU kind.");
        }
        return list;
    }

    internal static PowDeviceInfo Describe(PowBackend kind, int id, Device device) => device switch
    {
        CudaDevice cuda => new PowDeviceInfo
        {
            Kind = PowBackend.Cuda, Id = id, Name = cuda.Name, MemoryBytes = cuda.MemorySize,
            ComputeUnits = cuda.NumMultiprocessors, ClockMHz = cuda.ClockRate, // ILGPU converts the driver's kHz to MHz (an H100 reads 1980)
            WarpSize = cuda.WarpSize, MaxThreadsPerGroup = cuda.MaxNumThreadsPerGroup,
            Driver = cuda.DriverVersion.ToString(), Architecture = cuda.Architecture?.ToString(),
        },
        CLDevice cl => new PowDeviceInfo
        {
            Kind = PowBackend.OpenCL, Id = id, Name = cl.Name, MemoryBytes = cl.MemorySize,
            ComputeUnits = cl.NumMultiprocessors, ClockMHz = cl.ClockRate, // OpenCL reports MHz
            WarpSize = cl.WarpSize, MaxThreadsPerGroup = cl.MaxNumThreadsPerGroup,
            Driver = $"{cl.PlatformName} {cl.PlatformVersion}", Architecture = cl.CVersion.ToString(),
        },
        _ => new PowDeviceInfo
        {
            Kind = PowBackend.IlgpuCpu, Id = id, Name = device.Name, MemoryBytes = device.MemorySize,
            ComputeUnits = device.NumMultiprocessors, WarpSize = device.WarpSize, MaxThreadsPerGroup = device.MaxNumThreadsPerGroup,
        },
    };

    /// <summary>"NVIDIA H100 80GB HBM3 (SM_90, driver 12.8)": what error messages name.</summary>
    internal static string Label(PowDeviceInfo info)
    {
        var details = new[] { info.Architecture, info.Driver is null ? null : $"driver {info.Driver}" }.Where(s => s is not null);
        var joined = string.Join(", ", details);
        return joined.Length == 0 ? info.Name : $"{info.Name} ({joined})";
    }

    private static PowDeviceInfo HostCpu() => new()
    {
        Kind = PowBackend.Cpu, Id = 0, Name = CpuModelName(), ComputeUnits = Environment.ProcessorCount,
        MemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
    };

    private static string CpuModelName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.IndexOf(':') is var colon and >= 0) return line[(colon + 1)..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture} CPU";
    }
}
