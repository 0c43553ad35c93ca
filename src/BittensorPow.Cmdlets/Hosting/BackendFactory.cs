using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Engine.Backends;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>Turns -Backend/-ThreadCount/-DeviceId into engine searchers, with clear errors for what this machine lacks.</summary>
internal static class BackendFactory
{
    public static IReadOnlyList<ISealSearcher> Create(PowBackend backend, int? threadCount, int[]? deviceIds, int threadsPerBlock, Action<string>? note = null)
    {
        int threads = threadCount ?? Environment.ProcessorCount;
        switch (backend)
        {
            case PowBackend.Cpu:
                return CpuBackends.CreateWorkers(CpuBackends.Best(), threads);
            case PowBackend.CpuScalar or PowBackend.CpuAvx2 or PowBackend.CpuAvx512:
                var name = backend.ToString();
                if (!CpuBackends.IsAvailable(name))
                    throw new PowErrorRecordException(PowErrors.Create(ErrorIds.BackendUnavailable, ErrorCategory.NotImplemented, backend,
                        $"Back end {name} is not available on this CPU; available: {string.Join(", ", CpuBackends.Available())}.",
                        "Use -Backend Cpu to pick the best available one; Get-PowDevice lists what this machine has."));
                return CpuBackends.CreateWorkers(name, threads);
            default:
                return GpuBackendFactory.Create(backend, deviceIds, threadsPerBlock, note);
        }
    }
}
