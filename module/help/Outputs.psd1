@{
    # What the cmdlets write, for the OUTPUTS section of their help. tools/New-ModuleHelp.ps1 lists every public property
    # of each type in its declared order and fails the build when one has no text here or a text names no property.
    Boolean = @{
        Description = 'Test-PowSolution without -Detailed or -PassThru: $true when the solution is valid, $false otherwise.'
    }
    PowSolution = @{
        Description = 'A solution checked again on this machine''s CPU: everything Register-SubtensorNeuron and Test-PowSolution need, and how the solve went.'
        Properties = @{
            Nonce            = 'The nonce whose seal meets the difficulty.'
            BlockNumber      = 'The block the work was solved for.'
            BlockHash        = 'That block''s hash (0x…), which the seal binds.'
            Difficulty       = 'The difficulty the seal was solved for: the chain''s times DifficultyMargin.'
            DifficultyMargin = 'The margin asked for with -DifficultyMargin (1: none).'
            Seal             = 'The seal of Nonce (0x, 32 bytes).'
            Hotkey           = 'The hotkey the seal binds, as SS58; it pipes into Register-SubtensorNeuron and Test-PowSolution.'
            HotkeyPublicKey  = 'The same hotkey as a 0x public key.'
            SealByteOrder    = 'The byte order the difficulty rule read the seal in: BigEndian (spec 271 and earlier) or LittleEndian.'
            Scheme           = 'Legacy (the 40-byte seal of register and the faucet) or PowRegisterV1 (the 131-byte seal of pow_register).'
            Coldkey          = 'The coldkey a PowRegisterV1 seal binds (the signer of pow_register), as SS58; empty for a legacy seal.'
            ColdkeyPublicKey = 'The same coldkey as a 0x public key.'
            NetUid           = 'The subnet solved for (online), or the one a PowRegisterV1 seal binds; empty offline for a legacy seal.'
            Endpoint         = 'The node the work came from, its user-info masked; empty offline.'
            Backend          = 'The back end that found it: CpuScalar, CpuAvx2, CpuAvx512, IlgpuCpu, Cuda or OpenCL.'
            NoncesTried      = 'Nonces tried over the whole solve, every worker and block together.'
            HashRate         = 'Seals per second: the EWMA of the recent samples at the end of the solve (-HashRateSamples, -HashRateAlpha).'
            Elapsed          = 'The time the solve took.'
            SealRule         = 'Why this byte order: the runtime''s rule, e.g. "runtime spec 283 (little-endian rule)", or "given with -SealByteOrder".'
            BlocksSeen       = 'How many blocks the solve followed (1 offline).'
            ComputerName     = 'The remoting host that found it (-Session, -HostName); empty when found on this machine.'
            Hosts            = 'A spread search''s hosts, each a PowSearchHost (below); empty when the search ran here.'
            HostsStoppedIn   = 'From the winning solution reaching this machine to every other host''s search having stopped.'
            Rounds           = 'Search rounds over all workers: each tries -UpdateInterval nonces, then looks for new work.'
            HashRateAverage  = 'Seals per second over the whole solve.'
            TimeAverage      = 'The mean time one worker spent per round.'
            Workers          = 'How many searchers ran: CPU threads, or one per GPU device.'
            DeviceFaults     = 'Nonces a device reported whose seal failed the CPU''s reference check (ignored; the search went on).'
        }
    }
    PowSearchHost = @{
        Description = 'One host of a spread search, as it last reported itself.'
        Properties = @{
            ComputerName = 'The host: its name, or host:port off the default port.'
            NonceStart   = 'Where the host''s nonce range starts.'
            NonceCount   = 'How many nonces the range holds from NonceStart (mod 2^64); empty: the whole ring.'
            RangeReported = '$true when NonceStart and NonceCount are what the host''s own engine reported, not only what it was sent.'
            NoncesTried  = 'Nonces the host tried.'
            HashRate     = 'The host''s seals per second.'
            BlockNumber  = 'The block the host last said it was solving.'
            State        = 'Found, Stopped, or why the host dropped out.'
        }
    }
    PowVerification = @{
        Description = 'Test-PowSolution -Detailed: what was recomputed, and why the solution passes or fails.'
        Properties = @{
            IsValid                  = '$true when every check below passes.'
            Nonce                    = 'The nonce checked.'
            BlockNumber              = 'The block it claims to be solved for.'
            Difficulty               = 'The difficulty it was checked against.'
            Seal                     = 'The seal recomputed here (0x).'
            SealMatches              = 'Whether the seal the input claimed equals the recomputed one; empty when the input carried no seal.'
            MeetsDifficulty          = 'Whether the recomputed seal meets Difficulty under SealByteOrder.'
            SealByteOrder            = 'The byte order the rule was applied in.'
            Scheme                   = 'Legacy or PowRegisterV1: which seal was recomputed.'
            MeetsOtherByteOrder      = 'Whether the seal would also pass the other byte order''s rule (a solution for one runtime rarely fits the other).'
            IsStale                  = 'Against a node: whether the chain no longer accepts work for BlockNumber; empty when no node was asked.'
            CurrentBlock             = 'Against a node: its head when checked.'
            CurrentDifficulty        = 'pow_register against a node: the subnet''s difficulty at the head; empty otherwise.'
            MeetsCurrentDifficulty   = 'pow_register against a node: whether the seal meets CurrentDifficulty.'
            LastPowRegistrationBlock = 'pow_register against a node: the hotkey''s last registration by work; the work must be for a later block.'
            Reason                   = 'Why it is valid or not, in words.'
        }
    }
    PowHashRate = @{
        Description = 'Measure-PowHashRate: seals per second of one back end.'
        Properties = @{
            Backend        = 'The back end measured (the CPU''s SIMD width included).'
            Scheme         = 'The seal hashed: Legacy or PowRegisterV1.'
            Threads        = 'How many searchers ran: CPU threads, or one per GPU device.'
            Seals          = 'Seals computed.'
            Elapsed        = 'How long they took.'
            SealsPerSecond = 'Seals divided by Elapsed.'
        }
    }
    PowDevice = @{
        Description = 'Get-PowDevice: a device a back end can run on.'
        Properties = @{
            Kind         = 'Cpu, IlgpuCpu, Cuda or OpenCL.'
            Id           = 'The device id for -DeviceId (0 for the CPU).'
            Name         = 'The device''s name.'
            Backends     = 'The -Backend values that run here; for the CPU its SIMD widths, best first.'
            MemoryBytes  = 'Device memory in bytes (for the CPU, the memory available to this process); empty for IlgpuCpu.'
            ComputeUnits = 'Multiprocessors or compute units; for the CPU its logical processors.'
            ClockMHz     = 'Clock rate in MHz (GPUs); empty for the CPU kinds.'
            Architecture = 'SM_90 and the like for CUDA, the OpenCL C version for OpenCL; empty for the CPU kinds.'
            Driver       = 'The CUDA driver version, or the OpenCL platform and its version; empty for the CPU kinds.'
        }
    }
    BittensorWallet = @{
        Description = 'Get-BittensorWallet, New-BittensorWallet: a wallet''s public data only.'
        Properties = @{
            Name             = 'The wallet''s name (its folder).'
            Path             = 'The wallet''s folder.'
            ColdkeySs58      = 'The coldkey''s address (from coldkeypub.txt); empty when it could not be read.'
            ColdkeyPublicKey = 'The same coldkey as a 0x public key.'
            ColdkeyError     = 'Why the coldkey''s public file could not be read; empty when it could.'
            Hotkeys          = 'The wallet''s hotkeys, each a BittensorHotkey (below).'
        }
    }
    BittensorHotkey = @{
        Description = 'Get-BittensorWallet -Hotkeys, New-BittensorHotkey: one hotkey of a wallet, public data only.'
        Properties = @{
            Wallet    = 'The wallet it belongs to.'
            Name      = 'The hotkey''s name (its file under hotkeys/).'
            Hotkey    = 'Its SS58 address; named so that the object pipes into New-PowSolution -Hotkey by property name.'
            PublicKey = 'The same hotkey as a 0x public key.'
            Error     = 'Why the hotkey could not be read; empty when it could.'
        }
    }
    SubtensorBlock = @{
        Description = 'Get-SubtensorBlock: a block and its runtime, and with -NetUid the subnet''s registration state at that block.'
        Properties = @{
            Number                   = 'The block number.'
            Hash                     = 'The block hash (0x).'
            ParentHash               = 'The parent block''s hash.'
            SpecName                 = 'The runtime''s spec name (node-subtensor).'
            SpecVersion              = 'The runtime''s spec version, which decides the seal rule and the registration calls.'
            Endpoint                 = 'The node asked, its user-info masked.'
            NetUid                   = 'With -NetUid: the subnet.'
            SubnetExists             = 'With -NetUid: whether the subnet exists at this block.'
            Difficulty               = 'With -NetUid: the difficulty registration by work must meet (clamped where the runtime has pow_register).'
            PowRegistrationAllowed   = 'With -NetUid: NetworkPowRegistrationAllowed, registration by work is open.'
            RegistrationAllowed      = 'With -NetUid: NetworkRegistrationAllowed, burn registration is open.'
            SealByteOrder            = 'The byte order this runtime''s difficulty rule reads a seal in.'
            RegisterVerifiesWork     = 'Whether this runtime''s register still checks work ($false from spec 397: it burns).'
            Burn                     = 'With -NetUid: Burn(netuid) in TAO at this block, what a burned registration costs now.'
            FaucetCall               = 'Listed or NotListed: whether the metadata lists SubtensorModule.faucet. Listed is not enabled: older runtimes list it in builds without pow-faucet and answer FaucetDisabled.'
            RegisterLimitCall        = 'Listed or NotListed: whether the metadata lists register_limit (a burn the chain caps).'
            PowRegisterCall          = 'Listed or NotListed: whether the metadata lists pow_register (fee-free registration by work, spec 475 on).'
            RegistrationScheme       = 'The seal registration by work takes here: PowRegisterV1 (pow_register) or Legacy (register); empty where only burning registers.'
            MinDifficulty            = 'With -NetUid: the lower bound pow_register clamps the difficulty to.'
            MaxDifficulty            = 'With -NetUid: the upper bound pow_register clamps the difficulty to.'
            RegistrationsThisBlock   = 'With -NetUid: registrations (work and burn) in this block.'
            MaxRegistrationsPerBlock = 'With -NetUid: the subnet''s limit of registrations per block.'
            Hotkey                   = 'With -NetUid and a hotkey: the hotkey, as SS58.'
            HotkeyUid                = 'Its uid on the subnet; empty when it is not registered there.'
            HotkeyOwner              = 'Its owner coldkey, as SS58; empty when it has none.'
            LastPowRegistrationBlock = 'Its last registration by work (pow_register''s replay watermark).'
        }
    }
    SubtensorSubnet = @{
        Description = 'Get-SubtensorSubnet: one subnet''s registration state at the head, and how long registering by work would take.'
        Properties = @{
            NetUid                   = 'The subnet.'
            PowOpen                  = 'NetworkPowRegistrationAllowed: registration by work is open.'
            BurnOpen                 = 'NetworkRegistrationAllowed: burn registration is open.'
            Difficulty               = 'The difficulty registration by work must meet: pow_register''s clamped one on runtimes with it, else the stored Difficulty.'
            MinDifficulty            = 'The subnet''s MinDifficulty.'
            MaxDifficulty            = 'The subnet''s MaxDifficulty.'
            Burn                     = 'Burn(netuid) in TAO: what a burn registration costs now.'
            RegistrationsThisBlock   = 'Registrations (work and burn) in the head block.'
            MaxRegistrationsPerBlock = 'The subnet''s limit of registrations per block.'
            Neurons                  = 'SubnetworkN: neurons registered now.'
            MaxNeurons               = 'MaxAllowedUids: the most there may be.'
            EstimatedSolveTime       = 'Difficulty divided by HashRate: the expected time to a solution; empty where there is no rate or registration only burns.'
            HashRate                 = 'Seals per second of the back end (measured once for the whole listing), or -HashRate.'
            HashRateSource           = 'Where HashRate comes from: the back end measured, or "given" (-HashRate).'
            Scheme                   = 'The seal registration by work takes on this runtime; empty where register burns and there is no pow_register.'
            BlockNumber              = 'The head block read.'
            Endpoint                 = 'The node asked, its user-info masked.'
        }
    }
    RegistrationResult = @{
        Description = 'Register-SubtensorNeuron: what happened to one registration''s transaction.'
        Properties = @{
            NetUid        = 'The subnet.'
            Hotkey        = 'The hotkey registered, as SS58.'
            Uid           = 'Its uid from the NeuronRegistered event; empty unless registered.'
            Status        = 'Registered or Failed; while the outcome is not known, the node''s last status: Submitted (-Wait None), InBlock, Finalized, Retracted, FinalityTimeout, Usurped, Dropped or Invalid.'
            BlockHash     = 'The block that included the extrinsic.'
            ExtrinsicHash = 'The extrinsic''s hash.'
            Error         = 'The pallet error (with the runtime''s own docs) or the node''s reason; empty on success.'
            BlockNumber   = 'The block the work was solved for; empty for a burn.'
            Nonce         = 'The nonce submitted; empty for a burn.'
            Attempts      = 'Which attempt this was: a stale or refused proof is solved again, up to -MaxAttempts.'
        }
    }
    FaucetResult = @{
        Description = 'Request-SubtensorFaucet: one drip, and the coldkey''s free balance at the block that included it.'
        Properties = @{
            Coldkey        = 'The coldkey paid, as SS58.'
            Status         = 'Funded or Failed; while the outcome is not known, the node''s last status, as in RegistrationResult (Submitted with -Wait None).'
            Amount         = 'TAO paid by this drip (the chain''s Faucet event); empty when not read.'
            WorkBlock      = 'The block the work was solved on.'
            InclusionBlock = 'The block that included the extrinsic.'
            BlockHash      = 'That block''s hash.'
            ExtrinsicHash  = 'The extrinsic''s hash.'
            Balance        = 'The coldkey''s free balance in TAO, read at InclusionBlock.'
            Attempts       = 'Which attempt this was: a proof that went stale before inclusion is solved again, three attempts at most.'
            Nonce          = 'The nonce submitted.'
            Error          = 'The pallet error (with the runtime''s own docs); empty on success.'
        }
    }
}
