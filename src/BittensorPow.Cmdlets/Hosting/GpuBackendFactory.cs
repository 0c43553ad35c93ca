using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Engine.Backends;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>GPU back ends (ILGPU): CUDA, OpenCL and ILGPU's CPU accelerator.</summary>
internal static class GpuBackendFactory
{
    public static IReadOnlyList<ISealSearcher> Create(PowBackend backend, int[]? deviceIds, int threadsPerBlock) =>
        throw new PowErrorRecordException(PowErrors.Create(ErrorIds.BackendUnavailable, ErrorCategory.NotImplemented, backend,
            $"Back end {backend} is not part of this build.", "Use -Backend Cpu."));
}
