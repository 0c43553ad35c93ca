using System.Globalization;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.DevNode;

/// <summary>Everything the DevNode can be told on its command line (see <see cref="Usage"/>).</summary>
public sealed record DevNodeOptions
{
    public int Port { get; init; }
    /// <summary>Milliseconds between blocks; 0 = blocks on dev_produceBlock and one per accepted submission.</summary>
    public int BlockMs { get; init; } = 1000;
    public IReadOnlyList<SubnetSpec> Subnets { get; init; } = [new SubnetSpec(1, 10_000)];
    public IReadOnlyList<RegisteredHotkey> Registered { get; init; } = [];
    /// <summary>Metadata file name under shared/metadata, or a path. The runtime's spec version defaults to the "specNNN" in its name.</summary>
    public string Metadata { get; init; } = "raonet-spec218-v14.scale";
    public uint? SpecVersion { get; init; }
    public uint TransactionVersion { get; init; } = 1;
    public int FinalityLag { get; init; } = 2;
    /// <summary>Drop every connection this often (0 = never): a crude fault for clients to survive.</summary>
    public int DropEveryMs { get; init; }
    /// <summary>Write header numbers zero-padded ("0x00000003", as chopsticks does) instead of minimal hex.</summary>
    public bool PaddedNumbers { get; init; }
    public bool ExitOnStdinClose { get; init; }
    /// <summary>The shared folder (default: $BITTENSORPOW_SHARED, else ../shared beside the repository root).</summary>
    public string? SharedFolder { get; init; }
    /// <summary>The profile the options started from (<see cref="DevNodeProfiles"/>), or null for the plain defaults.</summary>
    public string? Profile { get; init; }
    /// <summary>Serve the metadata with register_limit and RegistrationPriceLimitExceeded added (<c>Runtime/RegisterLimitPatch.cs</c>).</summary>
    public bool RegisterLimit { get; init; }
    /// <summary>
    /// Serve the metadata with spec 475's pow_register, the storage items, errors and constant it uses and register_limit
    /// added (<c>Runtime/Finney475Patch.cs</c>); a file that already lists pow_register is served as it is.
    /// </summary>
    public bool PowRegister { get; init; }
    /// <summary>False models a node built without the pow-faucet feature: faucet stays listed but fails with FaucetDisabled.</summary>
    public bool PowFaucet { get; init; } = true;
    public IReadOnlyList<Endowment> Endowed { get; init; } = [];
    /// <summary>
    /// Today's Finney PoW defaults (the finney profile): a --subnet without pow= has PoW off, and a subnet whose D is
    /// below 10^7 gets MinDifficulty = D, so the per-block decay leaves a test difficulty where it was set.
    /// </summary>
    public bool FinneyPowDefaults { get; init; }
    /// <summary>Sudo.Key at genesis (the account Sudo.sudo / sudo_as accept), or null for none.</summary>
    public byte[]? SudoKey { get; init; }

    public const string Usage = """
        BittensorPow.DevNode: a small in-memory subtensor-like node speaking JSON-RPC over WebSocket (127.0.0.1 only).
          --profile localnet        start from today's local chain (subtensor main spec 425, SPEC §9): 250 ms blocks,
                                    spec 425 on raonet-spec218-v14.scale with --register-limit, faucet on, //Alice //Bob
                                    //Charlie endowed with 1,000,000 TAO; later options override these
          --profile finney          Finney today (spec 475, SPEC §10): spec 475 on finney-spec393-v16.scale with --pow-register,
                                    fee-free pow_register, 12 s blocks, subnets with PoW off unless pow=on, //Alice as
                                    sudo key and subnet owner
          --port N                  port to listen on (0 = any free port; the chosen one is printed)
          --block-ms N              block interval in ms (default 1000; 0 = on dev_produceBlock and on each submission)
          --subnet U:D[:flag...]    a subnet with netuid U and difficulty D (repeatable; default 1:10000). Flags:
                                    pow=on|off[@B] (PoW registration; @B: switched to that at block B, the opposite
                                    before), reg=on|off (burned registration), min=M / max=M (Min/MaxDifficulty),
                                    owner=SS58 (SubnetOwner)
          --registered U:SS58       a hotkey already registered on subnet U (repeatable)
          --metadata FILE           runtime metadata under shared/metadata or a path (default raonet-spec218-v14.scale)
          --spec-version N          runtime spec version (default: the specNNN in the metadata file name, else 218)
          --tx-version N            transaction version (default 1)
          --finality-lag N          finalized head = best - N (default 2)
          --drop-every-ms N         drop all connections every N ms (default 0 = never)
          --padded-numbers          header numbers as zero-padded hex, as chopsticks sends them
          --shared DIR              the shared folder holding metadata/
          --register-limit          add register_limit (call 134) and RegistrationPriceLimitExceeded to the metadata
          --pow-register            add spec 475's pow_register (call 152) as the pallet's code defines it, with the
                                    storage items, errors and constant it uses, and register_limit, to the metadata
                                    (like --register-limit; a file that lists pow_register already is served as it is)
          --no-pow-faucet           a node built without pow-faucet: faucet is listed but fails with FaucetDisabled
          --endow SS58:RAO          fund an account at genesis (repeatable)
          --exit-on-stdin-close     stop when standard input closes (for parent processes that may die)
        Control RPCs (for tests): dev_produceBlock([n]), dev_setDelay(ms[, methods]), dev_dropConnections(),
          dev_sendMalformed(), dev_setNotifyFirst(bool), dev_setDifficulty(netuid, d[, min[, max]]),
          dev_setPowRegistration(netuid, on[, atBlock]), dev_register(netuid, ss58), dev_setStorage(keyHex, valueHex|null),
          dev_setBalance(ss58, rao), dev_upgradeRuntime, dev_callCounts, dev_dispatchFailures, dev_connectionStats.
        Transactions: author_submitExtrinsic, author_submitAndWatchExtrinsic, author_unwatchExtrinsic,
          author_pendingExtrinsics; register / burned_register / register_limit / faucet / pow_register, Sudo.sudo /
          sudo_as and AdminUtils' PoW and difficulty setters are executed as the pallets do.
        """;

    public static DevNodeOptions Parse(IReadOnlyList<string> args)
    {
        // The profile is applied first wherever it appears, so every explicit option overrides it.
        int at = args.ToList().IndexOf("--profile");
        var options = at < 0 ? new DevNodeOptions()
            : DevNodeProfiles.Get(at + 1 < args.Count ? args[at + 1] : throw new FormatException("--profile needs a value."));
        var subnets = new List<SubnetSpec>();
        var registered = new List<RegisteredHotkey>();
        var endowed = new List<Endowment>(options.Endowed);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
            options = name switch
            {
                "--port" => options with { Port = ParseInt(name, Value(), 0, 65535) },
                "--block-ms" => options with { BlockMs = ParseInt(name, Value(), 0, int.MaxValue) },
                "--metadata" => options with { Metadata = Value() },
                "--spec-version" => options with { SpecVersion = (uint)ParseInt(name, Value(), 0, int.MaxValue) },
                "--tx-version" => options with { TransactionVersion = (uint)ParseInt(name, Value(), 0, int.MaxValue) },
                "--finality-lag" => options with { FinalityLag = ParseInt(name, Value(), 0, 1000) },
                "--drop-every-ms" => options with { DropEveryMs = ParseInt(name, Value(), 0, int.MaxValue) },
                "--padded-numbers" => options with { PaddedNumbers = true },
                "--exit-on-stdin-close" => options with { ExitOnStdinClose = true },
                "--shared" => options with { SharedFolder = Value() },
                "--profile" => Add(options, () => Value()),
                "--register-limit" => options with { RegisterLimit = true },
                "--pow-register" => options with { PowRegister = true },
                "--no-pow-faucet" => options with { PowFaucet = false },
                "--endow" => Add(options, () => endowed.Add(ParseEndowment(Value()))),
                "--subnet" => Add(options, () => subnets.Add(ParseSubnet(Value(), powDefault: !options.FinneyPowDefaults))),
                "--registered" => Add(options, () => registered.Add(ParseRegistered(Value()))),
                _ => throw new FormatException($"Unknown option '{name}'.\n{Usage}"),
            };
        }
        if (subnets.Count > 0) options = options with { Subnets = subnets };
        return options with { Registered = registered, Endowed = endowed };
    }

    private static DevNodeOptions Add(DevNodeOptions options, Action add) { add(); return options; }

    /// <summary>netuid:difficulty[:flag...]; <paramref name="powDefault"/> is PoW registration when no pow= flag is given.</summary>
    public static SubnetSpec ParseSubnet(string text, bool powDefault = true)
    {
        var parts = text.Split(':');
        if (parts.Length < 2)
            throw new FormatException($"--subnet '{text}': expected netuid:difficulty[:pow=on|off[@B]][:reg=on|off][:min=M][:max=M][:owner=SS58].");
        var spec = new SubnetSpec((ushort)ParseInt("--subnet netuid", parts[0], 0, ushort.MaxValue), ParseU64(text, "difficulty", parts[1]),
            PowRegistrationAllowed: powDefault);
        foreach (var flag in parts.Skip(2))
        {
            int eq = flag.IndexOf('=');
            string key = eq < 0 ? flag : flag[..eq].ToLowerInvariant(), value = eq < 0 ? "" : flag[(eq + 1)..];
            spec = key switch
            {
                "pow" => ParsePow(spec, text, value),
                "reg" => spec with { RegistrationAllowed = OnOff(text, flag, value) },
                "min" => spec with { MinDifficulty = ParseU64(text, "min", value) },
                "max" => spec with { MaxDifficulty = ParseU64(text, "max", value) },
                "owner" => spec with
                {
                    Owner = Ss58.TryDecode(value, null, out var key32, out var error)
                        ? key32 : throw new FormatException($"--subnet '{text}': owner: {error}"),
                },
                _ => throw new FormatException($"--subnet '{text}': unknown flag '{flag}' (pow=on|off[@B], reg=on|off, min=M, max=M, owner=SS58)."),
            };
        }
        return spec;
    }

    private static SubnetSpec ParsePow(SubnetSpec spec, string text, string value)
    {
        int at = value.IndexOf('@');
        spec = spec with { PowRegistrationAllowed = OnOff(text, "pow=" + value, at < 0 ? value : value[..at]) };
        ulong? block = at < 0 ? null : ParseU64(text, "pow=…@block", value[(at + 1)..]);
        // @0 is genesis itself: no switch, the subnet simply starts that way.
        return spec with { PowSwitchBlock = block is 0 ? null : block };
    }

    private static bool OnOff(string text, string flag, string value) => value.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new FormatException($"--subnet '{text}': '{flag}' must be on or off."),
    };

    private static ulong ParseU64(string text, string what, string value)
        => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v : throw new FormatException($"--subnet '{text}': bad {what} '{value}'.");

    public static RegisteredHotkey ParseRegistered(string text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0) throw new FormatException($"--registered '{text}': expected netuid:ss58.");
        return new RegisteredHotkey((ushort)ParseInt("--registered netuid", text[..colon], 0, ushort.MaxValue), Ss58.Decode(text[(colon + 1)..]));
    }

    public static Endowment ParseEndowment(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0) throw new FormatException($"--endow '{text}': expected ss58:rao.");
        return new Endowment(Ss58.Decode(text[..colon]),
            ulong.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var rao)
                ? rao : throw new FormatException($"--endow '{text}': bad amount."));
    }

    private static int ParseInt(string name, string text, int min, int max)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw new FormatException($"{name}: '{text}' is not a whole number in [{min}, {max}].");
}
