namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>
/// A device exists but ILGPU could not compile, load or run the kernel on it. The message names the
/// device and its driver so that a user can report it (ILGPU 1.5.x has an open report of failures on
/// H100/H200: m4rs-mt/ILGPU#1540).
/// </summary>
public sealed class GpuDeviceException : Exception
{
    public GpuDeviceException(PowBackend kind, int deviceId, string device, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        DeviceId = deviceId;
        Device = device;
    }

    public PowBackend Kind { get; }
    public int DeviceId { get; }

    /// <summary>"NVIDIA H100 80GB HBM3 (sm_90, driver 12.8)".</summary>
    public string Device { get; }
}
