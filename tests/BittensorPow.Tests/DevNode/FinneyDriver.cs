using BittensorPow.DevNode;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Execution;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// pow_register against an in-process `--profile finney` DevNode (Finney 393's metadata with 475's pow_register
/// patched in): builds the call from the metadata's indices, mines it with the DevNode's seal (checked against SPEC
/// §10's vectors in PowRegisterSealTests), signs it with the coldkey, and reads storage through the metadata.
/// </summary>
public sealed class FinneyDriver(RegistrationDriver driver) : IAsyncDisposable
{
    public const string Pallet = "SubtensorModule";

    public RegistrationDriver D { get; } = driver;
    public DevNodeServer Node => D.Node;
    public RuntimeMetadata Metadata => D.Metadata;

    /// <summary>The finney profile with blocks on demand and the given subnets (parsed like --subnet).</summary>
    public static async Task<FinneyDriver> StartAsync(params string[] subnets)
        => await StartAsync(Options(subnets));

    public static DevNodeOptions Options(params string[] subnets) => DevNodeProfiles.Finney with
    {
        BlockMs = 0,
        Subnets = subnets.Length == 0 ? DevNodeProfiles.Finney.Subnets : [.. subnets.Select(s => DevNodeOptions.ParseSubnet(s, powDefault: false))],
    };

    public static async Task<FinneyDriver> StartAsync(DevNodeOptions options) => new(await RegistrationDriver.StartAsync(options));

    public static byte[] U16(ushort v) => new ScaleWriter().U16(v).ToArray();

    public StateOverlay Head => new(Metadata, Node.Chain.Head.State);

    public ulong Difficulty(ushort netuid) => Head.GetNumber(Pallet, "Difficulty", U16(netuid));
    public ulong EffectiveDifficulty(ushort netuid) => BittensorPow.DevNode.Execution.PowRegisterCall.EffectiveDifficulty(Head, netuid);

    /// <summary>pow_register(netuid, work_block, nonce, work, hotkey) by the metadata's pallet and call index.</summary>
    public byte[] PowRegisterCall(ushort netuid, ulong workBlock, ulong nonce, byte[] work, byte[] hotkey)
    {
        var call = Metadata.Call(Pallet, "pow_register");
        return new ScaleWriter().U8(call.PalletIndex).U8(call.CallIndex).U16(netuid).U64(workBlock).U64(nonce).Raw(work).Raw(hotkey).ToArray();
    }

    /// <summary>The smallest nonce whose seal passes (or, with <paramref name="pass"/> false, fails) <paramref name="difficulty"/>.</summary>
    public (ulong Nonce, byte[] Work) Mine(ushort netuid, ulong workBlock, byte[] hotkey, byte[] coldkey, ulong difficulty, bool pass = true)
    {
        byte[] hash = Node.Chain.ByNumber(workBlock)!.Hash;
        for (ulong nonce = 0; ; nonce++)
        {
            byte[] seal = PowRegisterSeal.Compute(netuid, hash, hotkey, coldkey, nonce);
            if (PowRegisterSeal.MeetsDifficulty(seal, difficulty) == pass) return (nonce, seal);
        }
    }

    /// <summary>A mined pow_register for <paramref name="workBlock"/> (default: the head) signed by <paramref name="coldkey"/>.</summary>
    public byte[] Solved(Sr25519KeyPair coldkey, byte[] hotkey, ushort netuid = 1, ulong? workBlock = null, ulong? txNonce = null)
    {
        ulong block = workBlock ?? Node.Chain.Head.Number;
        var (nonce, work) = Mine(netuid, block, hotkey, coldkey.PublicKey, EffectiveDifficulty(netuid));
        return D.Sign(PowRegisterCall(netuid, block, nonce, work, hotkey), coldkey, txNonce);
    }

    /// <summary>Submits into the pool in-process: no block is produced (unlike an RPC submission with block-ms 0).</summary>
    public PoolEntry Pool(byte[] extrinsic) => Node.Chain.Submit(extrinsic);

    /// <summary>Every status a pool entry published so far (and later ones, into the same list).</summary>
    public static List<string> Statuses(PoolEntry entry)
    {
        var seen = new List<string>();
        entry.Watch((status, _) => { lock (seen) seen.Add(status.ToJsonString()); });
        return seen;
    }

    public bool Registered(ushort netuid, byte[] hotkey) => Head.Contains(Pallet, "Uids", U16(netuid), hotkey);

    public ValueTask DisposeAsync() => D.DisposeAsync();
}
