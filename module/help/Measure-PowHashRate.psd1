@{
    Synopsis    = 'Measures how many seals per second a back end computes on this machine.'
    Description = 'Runs the chosen back end on a random block template at a difficulty no run will meet, for -Seconds, and reports seals per second. Use it to compare CPU widths, thread counts and GPUs.'
    Parameters  = @{
        Backend         = 'Cpu (best SIMD width), CpuScalar, CpuAvx2, CpuAvx512, IlgpuCpu, Cuda or OpenCL.'
        ThreadCount     = 'CPU worker threads, default one per logical core.'
        DeviceId        = 'GPU device ids to measure together.'
        ThreadsPerBlock = 'GPU threads per block, default 256.'
        Seconds         = 'How long to measure (0.1 to 3600 seconds), default 5.'
    }
    Examples    = @(
        @{ Code = 'Measure-PowHashRate'; Remarks = 'Measures the best CPU back end on every core.' }
        @{ Code = '(Get-PowDevice Cpu).Backends | ForEach-Object { Measure-PowHashRate -Backend $_ -ThreadCount 1 -Seconds 3 }'; Remarks = 'Compares the CPU widths this processor runs (of CpuAvx512, CpuAvx2 and CpuScalar) on one core.' }
    )
}
