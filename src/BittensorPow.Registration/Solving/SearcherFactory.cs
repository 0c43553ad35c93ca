namespace BittensorPow.Registration.Solving;

/// <summary>Turns -Backend/-ThreadCount/-DeviceId into engine searchers, with clear errors for what this machine lacks.</summary>
public static class SearcherFactory
{
    /// <summary>What we know of OpenCL, said (as verbose detail) every time it is used; PERFORMANCE.md has the runs.</summary>
    public const string OpenClCaveat =
        "The OpenCL back end has been verified on pocl (a CPU OpenCL driver) only, not yet on an OpenCL GPU. " +
        "Every hit is re-verified on the CPU; on NVIDIA GPUs -Cuda is faster.";

    /// <summary>The request's own searchers (tests, embedders) or those its back end and knobs describe.</summary>
    public static IReadOnlyList<ISealSearcher> For(Workflows.SolveRequest request, IWorkflowOutput output) =>
        request.Searchers?.Invoke() ?? Create(request.Backend, request.ThreadCount, request.DeviceIds, request.ThreadsPerBlock, output);

    public static IReadOnlyList<ISealSearcher> Create(PowBackend backend, int? threadCount, int[]? deviceIds, int threadsPerBlock,
        IWorkflowOutput output)
    {
        if (backend.IsGpu()) return CreateGpu(backend, deviceIds, threadsPerBlock, output);
        if (backend != PowBackend.Cpu && !CpuBackends.IsAvailable(backend))
            throw PowException.Pipeline(ErrorIds.BackendUnavailable, PowErrorCategory.NotImplemented, backend,
                $"Back end {backend} is not available on this CPU; available: {string.Join(", ", CpuBackends.Available())}.",
                "Use -Backend Cpu to pick the best available one; Get-PowDevice lists what this machine has.");
        return CpuBackends.CreateWorkers(backend, threadCount ?? Environment.ProcessorCount);
    }

    private static IReadOnlyList<ISealSearcher> CreateGpu(PowBackend kind, int[]? deviceIds, int threadsPerBlock, IWorkflowOutput output)
    {
        try
        {
            var searchers = GpuBackends.CreateSearchers(kind, deviceIds, threadsPerBlock);
            if (kind == PowBackend.OpenCL) output.Verbose(OpenClCaveat);
            return searchers;
        }
        catch (GpuDeviceNotFoundException ex)
        {
            string id = kind switch
            {
                PowBackend.Cuda => ErrorIds.CudaDeviceNotFound,
                PowBackend.OpenCL => ErrorIds.OpenCLDeviceNotFound,
                _ => ErrorIds.DeviceNotFound,
            };
            throw PowException.Pipeline(id, PowErrorCategory.ObjectNotFound, (object?)ex.DeviceId ?? kind, ex.Message,
                kind == PowBackend.Cuda
                    ? "Check that an NVIDIA GPU and its driver are present (nvidia-smi), pick ids from Get-PowDevice, or use -Backend Cpu."
                    : "Get-PowDevice lists the devices this machine has; or use -Backend Cpu.");
        }
        catch (GpuDeviceException ex)
        {
            throw new PowException(new PowError(ErrorIds.GpuDeviceFailed, PowErrorCategory.DeviceError, ex.Device, ex.Message,
                "Update the GPU driver, try another device with -DeviceId, or use -Backend Cpu.")
            { Inner = ex, Scope = PowErrorScope.Pipeline });
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw PowException.Parameter(ErrorIds.InvalidThreadsPerBlock, threadsPerBlock,
                ex.Message.Split(Environment.NewLine)[0], "Pass -ThreadsPerBlock between 32 and 1024 (256 is a good default).");
        }
    }
}
