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
    # Only meaningful where there is no CUDA device (CI, dev machines); on a GPU machine the bench covers -Cuda.
    It '-Cuda without a CUDA device is CudaDeviceNotFound' -Skip:$hasCuda {
        { New-PowSolution -BlockHash $solve.blockHashHex -BlockNumber 1 -Difficulty 10 -Hotkey $solve.hotkeySs58 -Cuda -ErrorAction Stop } |
            Should -Throw -ErrorId 'CudaDeviceNotFound,BittensorPow.Cmdlets.Commands.NewPowSolutionCommand'
    }
    It 'a device id that does not exist is DeviceNotFound' {
        { Measure-PowHashRate -Backend IlgpuCpu -DeviceId 7 -Seconds 0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'DeviceNotFound,*'
    }
}
