@{
    Synopsis    = 'Solves the proof of work for a Bittensor neuron registration.'
    Description = @'
Finds a nonce whose seal meets the subnet's difficulty for the current block, on CPU (all cores, SIMD) or GPU. With -NetUid it reads the head block, the difficulty and the runtime's seal byte order from a subtensor node and follows new blocks as they are pushed; with -BlockHash, -BlockNumber and -Difficulty it solves offline. Online it also follows the runtime version: an upgrade across spec 271/272 switches the seal byte order for the next work (a verbose line says so), and an upgrade to a runtime whose register no longer checks work (spec 397 on) stops the solve with PowRegistrationRemovedDuringSolve.

Every solution is re-verified on the CPU reference path before it is returned. The output is a BittensorPow.PowSolution that Test-PowSolution and Register-SubtensorNeuron take from the pipeline.

The hotkey comes from -Hotkey (SS58 address or 0x public key) or from a Bittensor wallet (-Wallet, -WalletHotkey, -WalletPath, defaulting to BT_WALLET_NAME, BT_WALLET_HOTKEY, BT_WALLET_PATH, then 'default' under ~/.bittensor/wallets). Only the public key is read.
'@
    Parameters  = @{
        NetUid          = 'Online: the subnet to register on; reads the head block, difficulty and registration state from the node. Offline: the subnet a PowRegisterV1 seal binds (required with -Scheme PowRegisterV1).'
        Scheme          = 'Offline: which seal to solve. Legacy (default): the 40-byte pre-seal that register (runtimes up to spec 396) and the faucet check. PowRegisterV1: the 131-byte payload of pow_register (Finney from spec 475), which binds -NetUid, the block, the hotkey and the coldkey, and is read little-endian. Online the current runtime decides.'
        DifficultyMargin = 'Online: solve for the chain''s difficulty D times this margin (1 to 1000, default 1); on runtimes with pow_register (spec 475 on) D is the effective, clamped one. It matters most there: a competitor''s registration multiplies D by 1.26, and a proof stays valid for five blocks after its own: with -DifficultyMargin 1.26 it still meets D after one such registration. Shown in -Verbose and on the solution (DifficultyMargin; Difficulty is D times it).'
        Coldkey         = 'The coldkey a PowRegisterV1 seal binds, which must be the account that signs pow_register: SS58 address or 0x public key. Without it, the coldkeypub.txt of the wallet the hotkey comes from (public data only; no password). Refused (ConflictingParameters) with the legacy seal, which binds no coldkey.'
        Endpoint        = 'The node''s WebSocket URL (ws:// or wss://). Default: BT_SUBTENSOR_CHAIN_ENDPOINT, else ws://127.0.0.1:9944.'
        Network         = 'finney, test or local: a named endpoint instead of -Endpoint (BT_SUBTENSOR_NETWORK sets the default).'
        BlockHash       = 'Offline: the 32-byte hash of the block to solve for, as 0x followed by 64 hex digits.'
        BlockNumber     = 'Offline: the number of that block.'
        Difficulty      = 'Offline: the subnet difficulty D (at least 1). Expected work is about D seals.'
        Hotkey          = 'The hotkey to register: SS58 address (prefix 42) or 0x public key (32 bytes). Without it the wallet''s hotkey is used; with -Wallet, -WalletHotkey or -WalletPath beside it the call is refused (ConflictingParameters).'
        Wallet          = 'Wallet name under -WalletPath (default BT_WALLET_NAME, else ''default'').'
        WalletHotkey    = 'Hotkey name inside the wallet (default BT_WALLET_HOTKEY, else ''default'').'
        WalletPath      = 'Folder holding the wallets (default BT_WALLET_PATH, else ~/.bittensor/wallets).'
        SealByteOrder   = 'How the chain reads the seal: BigEndian (runtimes up to spec 271) or LittleEndian (spec 272 to 396). Online, the runtime decides unless you override it here; offline the default is LittleEndian.'
        Backend         = 'Cpu (best SIMD width, default), CpuScalar, CpuAvx2, CpuAvx512, IlgpuCpu, Cuda or OpenCL.'
        Cuda            = 'Shorthand for -Backend Cuda; refused (ConflictingParameters) beside -OpenCL or a -Backend naming another back end.'
        OpenCL          = 'Shorthand for -Backend OpenCL; refused (ConflictingParameters) beside -Cuda or a -Backend naming another back end.'
        DeviceId        = 'GPU device ids to use together (default: all of the chosen kind). Each gets a disjoint nonce range.'
        ThreadsPerBlock = 'GPU threads per block (btcli''s tpb), default 256.'
        ThreadCount     = 'CPU worker threads, default one per logical core.'
        HashRateSamples = 'How many recent hash-rate samples (one every 250 ms) the EWMA in the progress bar and the solution''s HashRate averages: 1 to 1000, default 10 (btcli''s n_samples). InvalidHashRateSamples otherwise.'
        HashRateAlpha = 'The weight kept per older sample in that EWMA: above 0 and at most 1, default 0.8 (btcli''s alpha_); 1 weighs every sample alike. InvalidHashRateAlpha otherwise.'
        NonceStart      = 'Where the search starts, as a position in the seal''s search order. Default: random. For the legacy seal a position is the nonce itself; for PowRegisterV1 position i is nonce rotr(i, 24) (the nonce''s top 24 bits vary fastest, so each run of 2^24 positions shares one SHA-256 block state). With one thread the search is sequential from here, so the result is the first passing position at or after it.'
        UpdateInterval  = 'Nonces per round between checks for a new block (btcli''s update_interval), default 50,000 on CPU.'
        TimeoutSec      = 'Give up after this many seconds, and write no output. Online it bounds the whole call — connecting, every RPC and the search: running out while connecting or reading the runtime is RpcTimeout, while solving PowSolveTimeout; the message names the phase. Offline it bounds the search (PowSolveTimeout). With -Session or -HostName every host bounds its own call with it, and it bounds this machine''s connection to the node.'
        ReconnectLimitSec = 'Seconds (1 to 3600, default 60) to wait for a node whose connection dropped. A warning names the node and what the work was doing the moment the connection drops; the client reconnects with backoff capped at 2 s, and a node back on the same address (a restarted local chain too, whose blocks start again at 0) is followed again from its head. While it is away the search goes on until the work has left the chain''s window at the pace the heads have shown (at once before two heads), then the workers pause and hash nothing until it is back. When the node stays away this long, or -TimeoutSec runs out while it is away, the call ends with NodeLost (ConnectionError) and every worker stopped.'
        NonceCount      = 'How many positions from -NonceStart (in the seal''s search order, see -NonceStart) this search may try; the engine never leaves that range (a spread search gives each host one). Default: no limit. When the range is used up without a hit: NonceRangeExhausted.'
        Session         = 'Spread the search over these PowerShell remoting sessions (PowerShell 7 over SSH, BittensorPow installed on each host): every host solves its own disjoint nonce partition with the solving parameters given here, the first solution is re-verified on this machine and every other host is stopped. The solution''s ComputerName says which host found it; Hosts lists each host''s range and rate.'
        HostName        = 'Like -Session, but opens (and afterwards closes) an SSH remoting session to each host itself. "host:port" gives a host its own port.'
        Port            = 'With -HostName: the SSH port for hosts that do not give one as host:port. Default 22.'
        UserName        = 'With -HostName: the user to log in as on every host.'
        KeyFilePath     = 'With -HostName: the private key file for SSH key authentication.'
        SshOption       = 'With -HostName: SSH options passed to New-PSSession -Options, such as @{ StrictHostKeyChecking = ''no'' }.'
        HostParameters  = 'Per-host overrides of the solving parameters, keyed by host name (host, or host:port when the port is not 22): @{ rig2 = @{ Cuda = $true; DeviceId = 0,1 } }. Nonce ranges, the block and the hotkey cannot be overridden.'
    }
    Examples    = @(
        @{ Code = 'New-PowSolution -NetUid 1 -Wallet miner -WalletHotkey default | Test-PowSolution -PassThru | Register-SubtensorNeuron -Wallet miner -WalletHotkey default'; Remarks = 'Solves against the local node for subnet 1 with the wallet''s hotkey, checks the solution and registers it, signed by that same hotkey (Register-SubtensorNeuron reads the wallet itself: without -Wallet it would sign with the default wallet''s hotkey and refuse with HotkeyMismatch).' }
        @{ Code = 'New-PowSolution -NetUid 1 -Network test -Cuda -DeviceId 0,1'; Remarks = 'Solves on two CUDA GPUs against the test network.' }
        @{ Code = 'New-PowSolution -BlockHash 0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03 -BlockNumber 1 -Difficulty 1000000 -Hotkey 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY -SealByteOrder BigEndian -ThreadCount 1 -NonceStart 0'; Remarks = 'Solves offline and sequentially: the result is the smallest passing nonce from 0.' }
    )
}
