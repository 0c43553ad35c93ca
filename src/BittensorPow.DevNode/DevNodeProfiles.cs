using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Crypto;

namespace BittensorPow.DevNode;

/// <summary>Named starting points for <see cref="DevNodeOptions"/> (<c>--profile NAME</c>).</summary>
public static class DevNodeProfiles
{
    /// <summary>1,000,000 TAO: what node/src/chain_spec/localnet.rs gives each dev account.</summary>
    public const ulong DevEndowmentRao = 1_000_000_000_000_000;

    /// <summary>
    /// Today's local chain as SPEC §9 reads subtensor main at spec 425 (scripts/localnet.sh defaults: fast-runtime and
    /// pow-faucet): 250 ms blocks; register burns from the signing coldkey; register_limit exists; the faucet pays
    /// 1000 TAO for a little-endian seal at D = 10^6. No recorded metadata is that new, so the runtime is the default
    /// metadata, raonet's spec 218 file (a local-chain build, faucet listed), with register_limit patched in, reporting spec 425.
    /// </summary>
    public static DevNodeOptions Localnet => new()
    {
        Profile = "localnet",
        BlockMs = 250,
        SpecVersion = 425,
        RegisterLimit = true,
        Endowed = [.. DevAccounts.Select(uri => new Endowment(Sr25519KeyPair.FromUri(uri).PublicKey, DevEndowmentRao))],
    };

    /// <summary>
    /// Finney today (spec 475, live since 2026-10-07; SPEC §10): Finney's spec-393 metadata (the newest recorded file)
    /// with what 475's pow_register needs patched in as the pallet's code defines it (<see cref="Finney475Patch"/>);
    /// 12 s blocks; fee-free pow_register with its own seal, executed and pool-checked as the pallet does; PoW
    /// registration off on every subnet unless turned on; register burns; no faucet (a 475 build without pow-faucet
    /// does not list it). //Alice holds the sudo key and owns the subnets, as on a developer's chain; nobody is
    /// endowed (pow_register needs no funds).
    /// </summary>
    public static DevNodeOptions Finney => new()
    {
        Profile = "finney",
        BlockMs = 12_000,
        SpecVersion = 475,
        Metadata = "finney-spec393-v16.scale",
        PowRegister = true,
        PowFaucet = false,
        FinneyPowDefaults = true,
        Subnets = [new SubnetSpec(1, 10_000_000, PowRegistrationAllowed: false)],
        SudoKey = Sr25519KeyPair.FromUri("//Alice").PublicKey,
    };

    private static readonly string[] DevAccounts = ["//Alice", "//Bob", "//Charlie"];

    public static DevNodeOptions Get(string name) => name.ToLowerInvariant() switch
    {
        "localnet" => Localnet,
        "finney" => Finney,
        _ => throw new FormatException($"--profile '{name}': unknown profile (known: localnet, finney)."),
    };
}
