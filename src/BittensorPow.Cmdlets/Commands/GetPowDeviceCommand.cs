namespace BittensorPow.Cmdlets.Commands;

/// <summary>Lists the CPU (with its SIMD widths) and every CUDA and OpenCL device ILGPU sees.</summary>
[Cmdlet(VerbsCommon.Get, "PowDevice")]
[OutputType(typeof(PowDevice))]
public sealed class GetPowDeviceCommand : PowCmdletBase
{
    [Parameter(Position = 0)]
    [ValidateSet("Cpu", "IlgpuCpu", "Cuda", "OpenCL")]
    public string[]? Kind { get; set; }

    protected override void Process()
    {
        foreach (var entry in DeviceListing.Run(Kind, Output)) WriteObject(PowDevice.From(entry));
    }
}
