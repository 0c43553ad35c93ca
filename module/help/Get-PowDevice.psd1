@{
    Synopsis    = 'Lists the devices the solver can run on: the CPU with its SIMD widths, and every CUDA and OpenCL device.'
    Description = 'Shows what -Backend and -DeviceId can use on this machine. The CPU entry lists the SIMD back ends it runs natively, best first; GPU entries show memory, compute units, clock, architecture and driver. With -Verbose, every back end this machine cannot use says why: no AVX2 or AVX-512 in the processor (or the .NET runtime told not to use it), no CUDA driver or no CUDA device, no OpenCL loader or no OpenCL device.'
    Parameters  = @{
        Kind = 'Only these kinds: Cpu, IlgpuCpu, Cuda, OpenCL.'
    }
    Examples    = @(
        @{ Code = 'Get-PowDevice'; Remarks = 'Every device this machine has.' }
        @{ Code = 'Get-PowDevice Cuda | ForEach-Object Id | Set-Variable ids; New-PowSolution -NetUid 1 -Cuda -DeviceId $ids'; Remarks = 'Solves on every CUDA GPU.' }
    )
}
