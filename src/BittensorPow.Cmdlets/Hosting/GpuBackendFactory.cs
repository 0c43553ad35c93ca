using System.Management.Automation;
using BittensorPow.Cmdlets.Input;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Backends.Gpu;

namespace BittensorPow.Cmdlets.Hosting;

/// <summary>GPU back ends (ILGPU): CUDA, OpenCL and ILGPU's CPU accelerator, one searcher per device.</summary>
internal static class GpuBackendFactory
{
    /// <summary>What we know of OpenCL, said (as verbose detail) every time it is used; PERFORMANCE.md has the runs.</summary>
    public const string OpenClCaveat =
        "The OpenCL back end has been verified on pocl (a CPU OpenCL driver) only, not yet on an OpenCL GPU. " +
        "Every hit is re-verified on the CPU; on NVIDIA GPUs -Cuda is faster.";

    public static IReadOnlyList<ISealSearcher> Create(PowBackend backend, int[]? deviceIds, int threadsPerBlock, Action<string>? note = null)
    {
        var kind = backend switch
        {
            PowBackend.Cuda => GpuKind.Cuda,
            PowBackend.OpenCL => GpuKind.OpenCL,
            _ => GpuKind.IlgpuCpu,
        };
        try
        {
            var searchers = GpuBackends.CreateSearchers(kind, deviceIds, threadsPerBlock);
            if (kind == GpuKind.OpenCL) note?.Invoke(OpenClCaveat);
            return searchers;
        }
        catch (GpuDeviceNotFoundException ex)
        {
            string id = kind switch { GpuKind.Cuda => "CudaDeviceNotFound", GpuKind.OpenCL => "OpenCLDeviceNotFound", _ => "DeviceNotFound" };
            throw new PowErrorRecordException(PowErrors.Create(id, ErrorCategory.ObjectNotFound, (object?)ex.DeviceId ?? kind, ex.Message,
                kind == GpuKind.Cuda
                    ? "Check that an NVIDIA GPU and its driver are present (nvidia-smi), pick ids from Get-PowDevice, or use -Backend Cpu."
                    : "Get-PowDevice lists the devices this machine has; or use -Backend Cpu."));
        }
        catch (GpuDeviceException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create("GpuDeviceFailed", ErrorCategory.DeviceError, ex.Device, ex.Message,
                "Update the GPU driver, try another device with -DeviceId, or use -Backend Cpu.", ex));
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new PowErrorRecordException(PowErrors.Create("InvalidThreadsPerBlock", ErrorCategory.InvalidArgument, threadsPerBlock,
                ex.Message.Split(Environment.NewLine)[0], "Pass -ThreadsPerBlock between 32 and 1024 (256 is a good default)."));
        }
    }
}
