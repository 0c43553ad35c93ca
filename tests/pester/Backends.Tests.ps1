BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $v = Get-PowVectors
    $solve = $v.solves | Where-Object id -eq 'solve-1'
    $hasCuda = [bool](Get-PowDevice -Kind Cuda)
}

Describe 'Get-PowDevice' {
    It 'lists the CPU with the SIMD back ends it runs, best first' {
        $cpu = Get-PowDevice -Kind Cpu
        $cpu.Kind | Should -Be 'Cpu'
        $cpu.Backends | Should -Contain 'CpuScalar'
        $cpu.Backends[-1] | Should -Be 'CpuScalar'
    }
    It 'lists ILGPU''s CPU accelerator' {
        (Get-PowDevice -Kind IlgpuCpu).Backends | Should -Be 'IlgpuCpu'
    }

    It '-Verbose says why each back end this machine lacks is absent, and nothing about those it has' {
        $devices = @(Get-PowDevice -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $cpuWidths = ($devices | Where-Object Kind -eq 'Cpu').Backends
        $absent = @(@('CpuAvx512', 'CpuAvx2') | Where-Object { $_ -notin $cpuWidths }) +
            @(@('Cuda', 'OpenCL') | Where-Object { $_ -notin $devices.Kind })
        foreach ($b in 'CpuAvx512', 'CpuAvx2', 'Cuda', 'OpenCL') {
            $line = @($verbose -match "^$($b): not available: ")
            if ($b -in $absent) { $line.Count | Should -Be 1 -Because "$b is absent here, so -Verbose says why" }
            else { $line | Should -BeNullOrEmpty -Because "$b is here" }
        }
        @($verbose -match '^Cuda: not available: ') -join '' | Should -Match '^$|no CUDA driver \(|reports no CUDA device'
        @($verbose -match '^OpenCL: not available: ') -join '' | Should -Match '^$|no OpenCL ICD loader \(|offers no device'
    }

    It 'names the runtime switch that turned a width off (DOTNET_EnableAVX2=0: no AVX2, and so no AVX-512)' {
        # A child process: the runtime reads the switch at start. Whatever this processor has, both widths are then absent.
        $exe = [Environment]::ProcessPath
        $dll = @(if ((Split-Path $exe -LeafBase) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $env:DOTNET_EnableAVX2 = '0'
        try {
            $out = & $exe @dll -NoProfile -NonInteractive -Command ("Import-Module '$(Get-TestModulePath)'; " +
                "(Get-PowDevice -Kind Cpu -Verbose 4>&1 | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] }).Message; " +
                "'WIDTHS=' + ((Get-PowDevice -Kind Cpu).Backends -join ',')") 2>&1 | Out-String
        }
        finally { Remove-Item env:DOTNET_EnableAVX2 }
        $out | Should -Match 'WIDTHS=CpuScalar\s' -Because $out
        $out | Should -Match 'CpuAvx2: not available: the \.NET runtime was told not to use AVX2 \(DOTNET_EnableAVX2=0'
        $out | Should -Match 'CpuAvx512: not available: '
    }
}

Describe 'Back ends give the same answers' {
    It '<Backend> finds the smallest little-endian nonce from a start near it' -ForEach @(
        @{ Backend = 'IlgpuCpu' }, @{ Backend = 'CpuScalar' }, @{ Backend = 'Cpu' }
    ) {
        $expected = [ulong]$solve.smallestNonceAtOrAfterStart.chainLE.nonce
        $s = New-PowSolution -BlockHash $solve.blockHashHex -BlockNumber 1 -Difficulty ([ulong]$solve.difficulty) -Hotkey $solve.hotkeySs58 `
            -SealByteOrder LittleEndian -Backend $Backend -ThreadCount 1 -NonceStart ($expected - 3000) -UpdateInterval 1000
        $s.Nonce | Should -Be $expected
        $s.Seal | Should -Be $solve.smallestNonceAtOrAfterStart.chainLE.sealHex
    }
    It 'every CPU width this machine has measures a hash rate, and each missing one says so' {
        foreach ($b in 'CpuScalar', 'CpuAvx2', 'CpuAvx512') {
            if ((Get-PowDevice -Kind Cpu).Backends -contains $b) {
                (Measure-PowHashRate -Backend $b -ThreadCount 1 -Seconds 0.3).SealsPerSecond | Should -BeGreaterThan 0
            }
            else {
                { Measure-PowHashRate -Backend $b -Seconds 0.3 -ErrorAction Stop } | Should -Throw -ErrorId 'BackendUnavailable,*'
            }
        }
    }
    # Never skipped: with a CUDA device it runs the CUDA path and holds it to the vectors and the CPU; without one it
    # checks the error. ($hasCuda is set in BeforeAll, so it can only be used inside the test, not in -Skip.)
    It '-Cuda solves like the CPU where a CUDA device exists, and is CudaDeviceNotFound where none does' {
        if (-not $hasCuda) {
            { New-PowSolution -BlockHash $solve.blockHashHex -BlockNumber 1 -Difficulty 10 -Hotkey $solve.hotkeySs58 -Cuda -ErrorAction Stop } |
                Should -Throw -ErrorId 'CudaDeviceNotFound,BittensorPow.Cmdlets.Commands.NewPowSolutionCommand'
            return
        }
        $expected = [ulong]$solve.smallestNonceAtOrAfterStart.chainLE.nonce
        $gpu = New-PowSolution -BlockHash $solve.blockHashHex -BlockNumber 1 -Difficulty ([ulong]$solve.difficulty) -Hotkey $solve.hotkeySs58 `
            -SealByteOrder LittleEndian -Cuda -NonceStart ($expected - 3000) -TimeoutSec 60
        $gpu.Backend | Should -Match 'Cuda'
        # The CPU, started at the GPU's nonce, must find that very nonce first and compute the same seal.
        $cpu = New-PowSolution -BlockHash $solve.blockHashHex -BlockNumber 1 -Difficulty ([ulong]$solve.difficulty) -Hotkey $solve.hotkeySs58 `
            -SealByteOrder LittleEndian -Backend CpuScalar -ThreadCount 1 -NonceStart $gpu.Nonce -UpdateInterval 1000
        $cpu.Nonce | Should -Be $gpu.Nonce
        $cpu.Seal | Should -Be $gpu.Seal
        if ($gpu.Nonce -eq $expected) { $gpu.Seal | Should -Be $solve.smallestNonceAtOrAfterStart.chainLE.sealHex }
    }
    It 'a device id that does not exist is DeviceNotFound' {
        { Measure-PowHashRate -Backend IlgpuCpu -DeviceId 7 -Seconds 0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'DeviceNotFound,*'
    }
}
