namespace BittensorPow.Registration.Workflows;

/// <summary>
/// Get-PowDevice: the CPU (with the SIMD back ends it runs) and every CUDA and OpenCL device ILGPU sees, optionally of
/// some kinds only; why a kind is absent goes to the verbose stream.
/// </summary>
public static class DeviceListing
{
    /// <param name="kinds">Cpu, IlgpuCpu, Cuda, OpenCL (any case); null: every kind.</param>
    public static IReadOnlyList<DeviceEntry> Run(IReadOnlyCollection<string>? kinds, IWorkflowOutput output)
    {
        var devices = GpuDevices.List(out var problems);
        foreach (var problem in problems) output.Verbose(problem);
        foreach (var absent in BackendAbsence.Explain(devices)) output.Verbose(absent);
        return devices
            .Where(d => kinds is null || kinds.Contains(d.Kind.ToString(), StringComparer.OrdinalIgnoreCase))
            .Select(d => new DeviceEntry(d, d.Kind == PowBackend.Cpu ? [.. CpuBackends.Available().Select(b => b.ToString())] : [d.Kind.ToString()])
            {
                // ILGPU reports the CPU accelerator's memory as "unlimited" (2^63 bytes): say nothing rather than 8 EiB.
                MemoryBytes = d.Kind == PowBackend.IlgpuCpu ? null : d.MemoryBytes,
            })
            .ToList();
    }
}
