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
    /// 1000 TAO for a little-endian seal at D = 10^6. No recorded metadata is that new, so the runtime is raonet's
    /// spec 218 file (a local-chain build, faucet listed) with register_limit patched in, reporting spec 425.
    /// </summary>
    public static DevNodeOptions Localnet => new()
    {
        Profile = "localnet",
        BlockMs = 250,
        SpecVersion = 425,
        Metadata = "raonet-spec218-v14.scale",
        RegisterLimit = true,
        PowFaucet = true,
        Endowed = [.. DevAccounts.Select(uri => new Endowment(Sr25519KeyPair.FromUri(uri).PublicKey, DevEndowmentRao))],
    };

    private static readonly string[] DevAccounts = ["//Alice", "//Bob", "//Charlie"];

    public static DevNodeOptions Get(string name) => name.ToLowerInvariant() switch
    {
        "localnet" => Localnet,
        _ => throw new FormatException($"--profile '{name}': unknown profile (known: localnet)."),
    };
}
