@{
    Synopsis    = 'Lists a subtensor node''s subnets: where registration is open, at what difficulty and burn, and how long a solve would take.'
    Description = @'
Returns one object per subnet at the head block, sorted by NetUid: every subnet the chain holds (read from the keys of SubtensorModule.NetworksAdded), or only those in -NetUid. Each carries PowOpen (NetworkPowRegistrationAllowed: registration by work is open), BurnOpen (NetworkRegistrationAllowed: burn registration is open), Difficulty (on runtimes with pow_register the effective one, Difficulty clamped to [max(MinDifficulty, 1), max(MaxDifficulty, that)] as the pallet applies it; on older runtimes the stored Difficulty), MinDifficulty and MaxDifficulty, Burn (Burn(netuid) in TAO: what a burn registration costs now), RegistrationsThisBlock against MaxRegistrationsPerBlock, Neurons (SubnetworkN) against MaxNeurons (MaxAllowedUids), and EstimatedSolveTime: Difficulty divided by HashRate, the expected time to a solution. The rate is that of the chosen back end (-Backend, -Cuda), measured once per call for about 0.75 s on the seal this runtime's registration by work uses (Scheme: PowRegisterV1 or Legacy), or -HashRate. Where the runtime only registers by burning, Scheme and EstimatedSolveTime are empty and nothing is measured. Values absent from storage read as the runtime metadata's defaults. The node is asked three times however many subnets there are: the head, the subnet list, then every value of every subnet in one state_queryStorageAt. The client does not predict the per-block decay of Difficulty. The table view shows PoW and Burn (open or -), Regs and Neurons as used/limit, and EstSolve.
'@
    Parameters  = @{
        Endpoint   = 'The node''s WebSocket URL. Default: BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network    = 'finney, test or local instead of -Endpoint (BT_SUBTENSOR_NETWORK sets the default).'
        NetUid     = 'Only these subnets (also from piped objects'' NetUid property; all piped netuids are listed in one call). A netuid the chain does not hold is written as a SubnetNotFound error and the others are still listed.'
        PowOpen    = 'Keep only subnets whose registration by work is open (PowOpen).'
        Backend    = 'The back end whose rate EstimatedSolveTime uses: Cpu (default: the fastest CPU kernel), CpuScalar, CpuAvx2, CpuAvx512, IlgpuCpu, Cuda or OpenCL. Measured once for the whole call.'
        Cuda       = 'Short for -Backend Cuda.'
        DeviceId   = 'GPU device ids for the measurement (GPU back ends only; refused for Cpu).'
        ThreadCount = 'CPU threads for the measurement; default one per logical processor.'
        HashRate   = 'Seals per second to estimate with instead of measuring (e.g. a Measure-PowHashRate result''s SealsPerSecond).'
        TimeoutSec = 'Give up after this many seconds (1 to 3600), writing no output. It bounds connecting and the reads, not the short measurement. Running out is RpcTimeout, and the message names what was being read.'
    }
    Examples    = @(
        @{ Code = 'Get-SubtensorSubnet -Network finney -PowOpen'; Remarks = 'The Finney subnets open to registration by work, with the expected solve time on this machine''s CPU.' }
        @{ Code = 'Get-SubtensorSubnet -Network finney -NetUid 1, 3 -HashRate 25e6'; Remarks = 'Subnets 1 and 3, estimated at 25 MH/s without measuring.' }
        @{ Code = 'Get-SubtensorSubnet -Network finney -PowOpen -ThreadCount 4 | Sort-Object EstimatedSolveTime | Select-Object -First 5'; Remarks = 'The five open subnets quickest to register on with four CPU threads (-Cuda measures the GPU instead).' }
    )
}
