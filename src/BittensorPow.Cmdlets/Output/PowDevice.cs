namespace BittensorPow.Cmdlets.Output;

public sealed partial class PowDevice
{
    internal static PowDevice From(DeviceEntry e) => new()
    {
        Kind = e.Device.Kind.ToString(), Id = e.Device.Id, Name = e.Device.Name, Backends = e.Backends, MemoryBytes = e.MemoryBytes,
        ComputeUnits = e.Device.ComputeUnits, ClockMHz = e.Device.ClockMHz, Architecture = e.Device.Architecture,
        Driver = e.Device.Driver,
    };
}
