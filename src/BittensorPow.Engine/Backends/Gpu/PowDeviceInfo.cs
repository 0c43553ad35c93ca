namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>One device as Get-PowDevice shows it. Fields a kind cannot report are null.</summary>
public sealed record PowDeviceInfo
{
    public required PowBackend Kind { get; init; }

    /// <summary>Index within its kind: what -DeviceId / --devices take.</summary>
    public required int Id { get; init; }

    public required string Name { get; init; }
    public long? MemoryBytes { get; init; }

    /// <summary>Streaming multiprocessors (CUDA), compute units (OpenCL), logical processors (CPU).</summary>
    public int? ComputeUnits { get; init; }

    public int? ClockMHz { get; init; }
    public int? WarpSize { get; init; }
    public int? MaxThreadsPerGroup { get; init; }

    /// <summary>CUDA driver version, OpenCL platform version.</summary>
    public string? Driver { get; init; }

    /// <summary>"SM_90" for CUDA, the OpenCL C version for OpenCL.</summary>
    public string? Architecture { get; init; }

    public override string ToString() => $"{Kind} {Id}: {Name}";
}
