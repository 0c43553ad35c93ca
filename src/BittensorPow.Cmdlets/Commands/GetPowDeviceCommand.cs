namespace BittensorPow.Cmdlets.Commands;

/// <summary>Lists the CPU (with its SIMD widths) and every CUDA and OpenCL device ILGPU sees.</summary>
[Cmdlet(VerbsCommon.Get, "PowDevice")]
[OutputType(typeof(PowDevice))]
public sealed class GetPowDeviceCommand : PowCmdletBase
{
    /// <summary>Only devices of these kinds: Cpu, IlgpuCpu, Cuda, OpenCL.</summary>
    [Parameter(Position = 0)]
    [ValidateSet("Cpu", "IlgpuCpu", "Cuda", "OpenCL")]
    public string[]? Kind { get; set; }

    protected override void Process()
    {
        var devices = GpuDevices.List(out var problems);
        foreach (var problem in problems) WriteVerbose(problem);
        foreach (var absent in BackendAbsence.Explain(devices)) WriteVerbose(absent);
        foreach (var d in devices)
        {
            string kind = d.Kind.ToString();
            if (Kind is not null && !Kind.Contains(kind, StringComparer.OrdinalIgnoreCase)) continue;
            WriteObject(new PowDevice
            {
                Kind = kind, Id = d.Id, Name = d.Name,
                Backends = d.Kind == PowBackend.Cpu ? CpuBackends.Available().Select(b => b.ToString()).ToArray() : [kind],
                // ILGPU reports the CPU accelerator's memory as "unlimited" (2^63 bytes): say nothing rather than 8 EiB.
                MemoryBytes = d.Kind == PowBackend.IlgpuCpu ? null : d.MemoryBytes, ComputeUnits = d.ComputeUnits, ClockMHz = d.ClockMHz,
                Architecture = d.Architecture, Driver = d.Driver,
            });
        }
    }
}
