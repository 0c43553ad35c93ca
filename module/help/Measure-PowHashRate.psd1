@{
    Synopsis    = 'Measures how many seals per second a back end computes on this machine.'
    Description = 'Runs the chosen back end on a random block template at a difficulty no run will meet, for -Seconds, and reports seals per second. Use it to compare CPU widths, thread counts, GPUs and the two seals (-Scheme).'
    Parameters  = @{
        Backend         = 'Cpu (best SIMD width), CpuScalar, CpuAvx2, CpuAvx512, IlgpuCpu, Cuda or OpenCL.'
        Scheme          = 'Which seal to hash: Legacy (the 40-byte seal of register and the faucet, default) or PowRegisterV1 (the pow_register seal of spec-475 runtimes, SPEC §10). Each costs one SHA-256 compression and one Keccak-f per nonce; measuring both shows how close they run on this machine.'
        ThreadCount     = 'CPU worker threads, default one per logical core.'
        DeviceId        = 'GPU device ids to measure together. Refused (ConflictingParameters) with a CPU back end, which has none.'
        ThreadsPerBlock = 'GPU threads per block, default 256. Refused (ConflictingParameters) with a CPU back end.'
        Seconds         = 'How long to measure (0.1 to 3600 seconds), default 5.'
    }
    Examples    = @(
        @{ Code = 'Measure-PowHashRate'; Remarks = 'Measures the best CPU back end on every core.' }
        @{ Code = '(Get-PowDevice Cpu).Backends | ForEach-Object { Measure-PowHashRate -Backend $_ -ThreadCount 1 -Seconds 3 }'; Remarks = 'Compares the CPU widths this processor runs (of CpuAvx512, CpuAvx2 and CpuScalar) on one core.' }
        @{ Code = "'Legacy', 'PowRegisterV1' | ForEach-Object { Measure-PowHashRate -Scheme `$_ -Seconds 2 }"; Remarks = 'Measures the old seal and the pow_register seal on the same back end, one after the other.' }
    )
}
