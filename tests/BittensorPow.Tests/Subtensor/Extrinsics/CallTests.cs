using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Keys;
using static BittensorPow.Tests.Extrinsics.ExtrinsicVectors;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Extrinsics;

public class CallTests
{
    private static readonly CallIndex Register = new(7, 6);
    private static readonly CallIndex BurnedRegister = new(7, 7);

    private static byte[] Bob => Hex(SubstrateVectors.GetProperty("sr25519_keys").GetProperty("//Bob public").GetString()!);

    [Fact]
    public void Register_call_matches_pow_vectors()
    {
        var v = PowVectors.GetProperty("registerCall");
        var a = v.GetProperty("args");
        var call = SubtensorCalls.Register(Register,
            (ushort)a.GetProperty("netuid").GetInt32(),
            ulong.Parse(a.GetProperty("block_number").GetString()!),
            ulong.Parse(a.GetProperty("nonce").GetString()!),
            Hex(a.GetProperty("work").GetString()!),
            Ss58.Decode(a.GetProperty("hotkey").GetString()!),
            Ss58.Decode(a.GetProperty("coldkey").GetString()!));
        Assert.Equal(Hex(v.GetProperty("callHex").GetString()!), call);
        Assert.Equal(v.GetProperty("callLength").GetInt32(), call.Length);
    }

    [Fact]
    public void Register_call_matches_polkadotjs_and_requires_32_byte_work()
    {
        var (name, value) = Entry(Offline, "call register(");
        var work = Hex(Group(name, @"work=(0x[0-9a-f]+)"));
        var call = SubtensorCalls.RegisterAnyWork(Register, ushort.Parse(Group(name, @"netuid=(\d+)")),
            ulong.Parse(Group(name, @"block=(\d+)")), ulong.Parse(Group(name, @"nonce=(\d+)")), work, Bob, Bob);
        Assert.Equal(Hex(value.GetString()!), call);
        Assert.Throws<ArgumentException>(() => SubtensorCalls.Register(Register, 1, 1, 1, work, Bob, Bob));
    }

    [Fact]
    public void Burned_register_matches_polkadotjs()
    {
        var (name, value) = Entry(Offline, "call burned_register(");
        Assert.Equal(Hex(value.GetString()!), SubtensorCalls.BurnedRegister(BurnedRegister, ushort.Parse(Group(name, @"netuid=(\d+)")), Bob));
    }

    [Fact]
    public void Faucet_layout_is_block_nonce_work()
    {
        var work = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var call = SubtensorCalls.Faucet(new CallIndex(7, 60), 0x0102, 0x0304, work);
        Assert.Equal(2 + 8 + 8 + 1 + 32, call.Length);
        Assert.Equal([7, 60, 0x02, 0x01], call[..4]);
        Assert.Equal([0x04, 0x03], call[10..12]);
        Assert.Equal(32 << 2, call[18]);
        Assert.Equal(work, call[19..]);
    }

    [Fact]
    public void Accounts_must_be_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => SubtensorCalls.BurnedRegister(BurnedRegister, 1, Bob[..31]));
    }
}
