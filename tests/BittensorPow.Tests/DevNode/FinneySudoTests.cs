using BittensorPow.DevNode.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.DevNode.FinneyDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// Sudo and AdminUtils under `--profile finney` (//Alice holds the sudo key): sudo_as reaches pow_register's dispatch
/// errors past the pool, as the chain's own tests do; the subnet owner or root switches PoW registration with
/// AdminUtils call 20, never leaving both registrations off; the difficulty setters keep their origins.
/// </summary>
public class FinneySudoTests
{
    private static readonly Sr25519KeyPair Alice = Sr25519KeyPair.FromUri("//Alice");
    private static readonly Sr25519KeyPair Bob = Sr25519KeyPair.FromUri("//Bob");
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly Sr25519KeyPair Eve = Sr25519KeyPair.FromUri("//Eve");
    private static readonly byte[] Hot = Sr25519KeyPair.FromUri("//Finney//hot").PublicKey;

    private static byte[] Call(FinneyDriver f, string pallet, string name, Action<ScaleWriter> args)
    {
        var call = f.Metadata.Call(pallet, name);
        var w = new ScaleWriter().U8(call.PalletIndex).U8(call.CallIndex);
        args(w);
        return w.ToArray();
    }

    private static byte[] SudoAs(FinneyDriver f, byte[] who, byte[] inner) => Call(f, "Sudo", "sudo_as", w => w.U8(0).Raw(who).Raw(inner));
    private static byte[] Sudo(FinneyDriver f, byte[] inner) => Call(f, "Sudo", "sudo", w => w.Raw(inner));
    private static byte[] SetPow(FinneyDriver f, ushort netuid, bool on)
        => Call(f, "AdminUtils", "sudo_set_network_pow_registration_allowed", w => w.U16(netuid).U8(on ? (byte)1 : (byte)0));
    private static byte[] SetDifficulty(FinneyDriver f, ushort netuid, ulong d)
        => Call(f, "AdminUtils", "sudo_set_difficulty", w => w.U16(netuid).U64(d));

    /// <summary>The inner result of Sudid / SudoAsDone: null for Ok, else the error's name (module error or variant).</summary>
    private static string? SudoResult(FinneyDriver f, DevBlock block, string eventName)
    {
        Assert.Null(f.D.FailureOf(block));   // the sudo extrinsic itself succeeds
        var result = (ScaleVariant)f.D.Events(block).Single(e => e.Name == eventName).Event.Fields[0].Value;
        return result.Name == "Ok" ? null : ErrorName(f, (ScaleVariant)result.Fields[0].Value);
    }

    private static string ErrorName(FinneyDriver f, ScaleVariant dispatchError)
    {
        if (dispatchError.Name != "Module") return dispatchError.Name;
        var m = dispatchError.Fields[0].Value;
        return f.Metadata.TryGetError((byte)m["index"].AsUInt64(), m["error"].AsBytes()[0])!.Name;
    }

    private static string? Failure(FinneyDriver f, DevBlock block)
    {
        var failed = f.D.Events(block).SingleOrDefault(e => e.Name == "ExtrinsicFailed").Event;
        return failed is null ? null : ErrorName(f, (ScaleVariant)failed["dispatch_error"]);
    }

    [Fact]
    public async Task SudoAsReachesPowRegistersDispatchErrorsPastThePool()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        ulong head = f.Node.Chain.Head.Number;
        byte[] garbage = f.PowRegisterCall(1, head, 0, Enumerable.Repeat((byte)0xff, 32).ToArray(), Hot);
        var block = await f.D.IncludeAsync(f.D.Sign(SudoAs(f, Dave.PublicKey, garbage), Alice));
        Assert.Equal("InvalidSeal", SudoResult(f, block, "SudoAsDone"));
        Assert.False(f.Registered(1, Hot));

        var (nonce, work) = f.Mine(1, f.Node.Chain.Head.Number, Hot, Dave.PublicKey, f.EffectiveDifficulty(1));
        f.Node.Chain.ProduceBlock();   // a block without a registration first: the counter is per block
        byte[] proof = f.PowRegisterCall(1, f.Node.Chain.Head.Number - 1, nonce, work, Hot);
        var ok = await f.D.IncludeAsync(f.D.Sign(SudoAs(f, Dave.PublicKey, proof), Alice));
        Assert.Null(SudoResult(f, ok, "SudoAsDone"));
        Assert.Equal(Dave.PublicKey, f.Head.Get(Pallet, "Owner", Hot)!.AsBytes());   // dispatched as the coldkey
    }

    [Fact]
    public async Task OnlyTheSudoKeyMaySubmitSudoCalls()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        var e = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.D.Sign(Sudo(f, SetPow(f, 1, false)), Bob)));
        Assert.Equal(1010, e.Code);
        Assert.Equal("Invalid signing address", e.ErrorData);
    }

    [Fact]
    public async Task TheSubnetOwnerOrRootSwitchesPowRegistrationAndNobodyElse()
    {
        await using var f = await StartAsync("1:1000:owner=5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");   // Bob owns it
        Assert.Equal("BadOrigin", Failure(f, await f.D.IncludeAsync(f.D.Sign(SetPow(f, 1, true), Eve))));
        Assert.False(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));

        var byOwner = await f.D.IncludeAsync(f.D.Sign(SetPow(f, 1, true), Bob));
        Assert.Null(Failure(f, byOwner));
        Assert.True(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
        var changed = f.D.Events(byOwner).Single(e => e.Name == "PowRegistrationAllowed").Event;
        Assert.Equal((1ul, true), (changed.Fields[0].Value.AsUInt64(), changed.Fields[1].Value.AsBool()));

        Assert.Null(SudoResult(f, await f.D.IncludeAsync(f.D.Sign(Sudo(f, SetPow(f, 1, false)), Alice)), "Sudid"));
        Assert.False(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
    }

    [Fact]
    public async Task NeitherSwitchMayLeaveBothRegistrationsOff()
    {
        await using var f = await StartAsync("1:1000:pow=on:reg=off");
        Assert.Equal("InvalidValue", Failure(f, await f.D.IncludeAsync(f.D.Sign(SetPow(f, 1, false), Alice))));
        Assert.True(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
    }

    [Fact]
    public async Task DifficultyIsRootOnlyAndTheNewValueIsWhatTheNextSealMustMeet()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        Assert.Equal("BadOrigin", Failure(f, await f.D.IncludeAsync(f.D.Sign(SetDifficulty(f, 1, 5000), Alice))));
        Assert.Null(SudoResult(f, await f.D.IncludeAsync(f.D.Sign(Sudo(f, SetDifficulty(f, 1, 5000)), Alice)), "Sudid"));
        Assert.Equal(5000ul, f.Difficulty(1));
        // Root calling a signed-only call is BadOrigin inside Sudid.
        var rootPow = await f.D.IncludeAsync(f.D.Sign(Sudo(f, f.PowRegisterCall(1, 0, 0, new byte[32], Hot)), Alice));
        Assert.Equal("BadOrigin", SudoResult(f, rootPow, "Sudid"));
    }
}
