namespace BittensorPow.Engine.Backends.Gpu;

/// <summary>No device of the requested kind (or with the requested id) exists on this machine.</summary>
public sealed class GpuDeviceNotFoundException : Exception
{
    public GpuDeviceNotFoundException(PowBackend kind, int? deviceId, string message) : base(message)
    {
        Kind = kind;
        DeviceId = deviceId;
    }

    public PowBackend Kind { get; }

    /// <summary>The id that was asked for; null when no device of the kind exists at all.</summary>
    public int? DeviceId { get; }
}
