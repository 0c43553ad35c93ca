# Parameters that cannot hold together, and endpoints that cannot be right, are refused with words that say why.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $solve = (Get-PowVectors).solves | Where-Object id -eq 'solve-1'
    $offline = @{ BlockHash = $solve.blockHashHex; BlockNumber = 7; Difficulty = 10; Hotkey = $solve.hotkeySs58 }
}

Describe 'Refused instead of silently ignored' {
    It '<What> is <Id>' -ForEach @(
        @{ What = '-Cuda -OpenCL'; Id = 'ConflictingParameters'; Message = '-Cuda and -OpenCL'
            Call = { New-PowSolution @offline -Cuda -OpenCL -ErrorAction Stop } }
        @{ What = '-DeviceId with the CPU'; Id = 'ConflictingParameters'; Message = '-DeviceId applies to GPU'
            Call = { New-PowSolution @offline -DeviceId 0 -ErrorAction Stop } }
        @{ What = '-ThreadsPerBlock with the CPU'; Id = 'ConflictingParameters'; Message = '-ThreadsPerBlock applies to GPU'
            Call = { New-PowSolution @offline -Backend CpuScalar -ThreadsPerBlock 128 -ErrorAction Stop } }
        @{ What = 'Register -DeviceId with the CPU'; Id = 'ConflictingParameters'; Message = '-DeviceId applies to GPU'
            Call = { Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:9 -DeviceId 0 -Confirm:$false -ErrorAction Stop } }
        @{ What = '-Cuda -Backend Cpu'; Id = 'ConflictingParameters'; Message = '-Cuda and -Backend Cpu both choose the back end'
            Call = { New-PowSolution @offline -Cuda -Backend Cpu -ErrorAction Stop } }
        @{ What = '-OpenCL -Backend Cuda'; Id = 'ConflictingParameters'; Message = '-OpenCL and -Backend Cuda both choose the back end'
            Call = { New-PowSolution @offline -OpenCL -Backend Cuda -ErrorAction Stop } }
        @{ What = 'Register -Cuda -Backend CpuScalar'; Id = 'ConflictingParameters'; Message = '-Cuda and -Backend CpuScalar'
            Call = { Register-SubtensorNeuron -NetUid 1 -Endpoint ws://127.0.0.1:9 -Cuda -Backend CpuScalar -Confirm:$false -ErrorAction Stop } }
        @{ What = '-Hotkey with -Wallet'; Id = 'ConflictingParameters'; Message = '-Hotkey and -Wallet both say which hotkey'
            Call = { New-PowSolution @offline -Wallet w -ErrorAction Stop } }
        @{ What = '-Hotkey with -WalletHotkey'; Id = 'ConflictingParameters'; Message = '-Hotkey and -WalletHotkey both say which hotkey'
            Call = { New-PowSolution @offline -WalletHotkey h -ErrorAction Stop } }
        @{ What = '-Network with -Endpoint'; Id = 'ConflictingParameters'; Message = 'both name a node'
            Call = { Get-SubtensorBlock -Network local -Endpoint ws://127.0.0.1:9 -ErrorAction Stop } }
        @{ What = "-Endpoint ''"; Id = 'InvalidEndpoint'; Message = '-Endpoint is empty'
            Call = { Get-SubtensorBlock -Endpoint '' -ErrorAction Stop } }
        @{ What = 'port 99999'; Id = 'InvalidEndpoint'; Message = 'port 99999 is out of range 1–65535'
            Call = { Get-SubtensorBlock -Endpoint ws://127.0.0.1:99999 -ErrorAction Stop } }
        @{ What = 'a NUL in -WalletPath'; Id = 'InvalidWalletPath'; Message = '-WalletPath is not a usable folder path'
            Call = { New-PowSolution @offline -Hotkey $null -WalletPath "/tmp/a`0b" -ErrorAction Stop } }
    ) {
        $e = $Call | Should -Throw -ErrorId "$Id,*" -PassThru
        $e.Exception.Message | Should -BeLike "*$Message*"
        $e.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }
}
