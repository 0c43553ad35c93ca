namespace BittensorPow.Registration.Workflows;

/// <summary>One device of <see cref="DeviceListing"/>: what ILGPU says of it, and the -Backend values that run there.</summary>
public sealed record DeviceEntry(PowDeviceInfo Device, string[] Backends)
{
    /// <summary>The device's memory; null where the figure means nothing (the ILGPU CPU accelerator's "unlimited").</summary>
    public long? MemoryBytes { get; init; }
}
