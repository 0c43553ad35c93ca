namespace BittensorPow.Cmdlets.Output;

/// <summary>Get-PowDevice: a device a back end can run on.</summary>
public sealed class PowDevice
{
    public string Kind { get; init; } = "";
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string[] Backends { get; init; } = [];
    public long? MemoryBytes { get; init; }
    public int? ComputeUnits { get; init; }
    public int? ClockMHz { get; init; }
    public string? Architecture { get; init; }
    public string? Driver { get; init; }

    internal static PowDevice From(DeviceEntry e) => new()
    {
        Kind = e.Device.Kind.ToString(), Id = e.Device.Id, Name = e.Device.Name, Backends = e.Backends, MemoryBytes = e.MemoryBytes,
        ComputeUnits = e.Device.ComputeUnits, ClockMHz = e.Device.ClockMHz, Architecture = e.Device.Architecture,
        Driver = e.Device.Driver,
    };
}
