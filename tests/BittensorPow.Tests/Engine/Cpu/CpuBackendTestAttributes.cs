using BittensorPow.Engine.Backends;

namespace BittensorPow.Tests.Engine.Cpu;

// xunit 2 has no dynamic skip: these attributes set Skip when the processor lacks the back end's
// instructions, so a missing width shows up as skipped (with the reason), never as a silent pass.

public sealed class CpuBackendFactAttribute : FactAttribute
{
    public CpuBackendFactAttribute(PowBackend backend)
    {
        if (!CpuBackends.IsAvailable(backend)) Skip = UnavailableReason(backend);
    }

    internal static string UnavailableReason(PowBackend backend) =>
        $"{backend} is not available natively on this processor/runtime (available: {string.Join(", ", CpuBackends.Available())}).";
}

public sealed class CpuBackendTheoryAttribute : TheoryAttribute
{
    public CpuBackendTheoryAttribute(PowBackend backend)
    {
        if (!CpuBackends.IsAvailable(backend)) Skip = CpuBackendFactAttribute.UnavailableReason(backend);
    }
}
