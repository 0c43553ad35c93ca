using BittensorPow.DevNode;
using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Tests.Subtensor;
using static BittensorPow.Tests.DevNode.FinneyDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// `--profile finney` is Finney at spec 475 (SPEC §10) on Finney's spec-393 metadata with 475's pow_register patched in
/// (Finney475PatchTests checks the patch itself): what it serves, what our decoder reads from it, its defaults, burns
/// through register, no faucet, and the owner's PoW switch at a block.
/// </summary>
public class FinneyProfileTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly Sr25519KeyPair Ferdie = Sr25519KeyPair.FromUri("//Ferdie");
    private static readonly byte[] Hot = Sr25519KeyPair.FromUri("//Finney//hot").PublicKey;

    [Fact]
    public async Task ItServesFinney393WithThe475PatchAndReportsSpec475()
    {
        await using var f = await StartAsync();
        byte[] served = Convert.FromHexString((await f.D.Client.CallAsync("state_getMetadata", [])).GetString()![2..]);
        Assert.Equal(Finney475Patch.Apply(MetadataFiles.Bytes("finney-spec393-v16.scale")), served);
        Assert.Equal(16, served[4]);

        var version = await f.D.Client.CallAsync("state_getRuntimeVersion", []);
        Assert.Equal(475, version.GetProperty("specVersion").GetInt32());
        Assert.Equal(1, version.GetProperty("transactionVersion").GetInt32());
        Assert.Equal(25, version.GetProperty("apis").GetArrayLength());   // Finney's own reply at block 9,234,811
    }

    [Fact]
    public async Task OurDecoderReadsTheServedMetadataAsSpec475sPowRegisterRuntime()
    {
        await using var f = await StartAsync();
        var m = MetadataDecoder.Decode((await f.D.Client.CallAsync("state_getMetadata", [])).GetString()!);
        var call = m.Call(Pallet, "pow_register");
        Assert.Equal((7, 152), ((int)call.PalletIndex, (int)call.CallIndex));
        Assert.Equal(["netuid", "work_block", "nonce", "work", "hotkey"], call.Arguments.Select(a => a.Name));
        Assert.Equal(["NetUid", "u64", "u64", "[u8; 32]", "AccountId32"], call.Arguments.Select(a => m.Types.Describe(a.TypeId)));
        Assert.Equal("u16", m.Types.Describe(((CompositeDef)m.Types[call.Arguments[0].TypeId].Def).Fields.Single().TypeId));
        Assert.Equal(6, m.Call(Pallet, "register").CallIndex);
        Assert.Equal(7, m.Call(Pallet, "burned_register").CallIndex);
        Assert.Equal(134, m.Call(Pallet, "register_limit").CallIndex);
        Assert.Null(m.TryGetCall(Pallet, "faucet"));

        var last = m.Storage(Pallet, "LastPowRegistrationBlock");
        Assert.Equal((StorageModifier.Optional, StorageHasher.Blake2_128Concat), (last.Modifier, last.Hashers.Single()));
        Assert.Equal([0], m.Storage(Pallet, "NetworkPowRegistrationAllowed").Default);   // off by default from 475
        Assert.Equal(BitConverter.GetBytes(ulong.MaxValue / 4), m.Storage(Pallet, "MaxDifficulty").Default);
        Assert.Equal(BitConverter.GetBytes((ushort)360), m.Storage(Pallet, "BurnHalfLife").Default);
        Assert.Equal(75, m.TryGetError(Pallet, "SubnetNotExists")!.ErrorIndex);   // 393's index (475: 76)
        Assert.Equal(7, m.TryGetError(Pallet, "NonAssociatedColdKey")!.ErrorIndex);
        Assert.Equal(141, m.TryGetError(Pallet, "CannotUseSystemAccount")!.ErrorIndex);   // added at 475's index
        Assert.Equal(163, m.TryGetError(Pallet, "TooManyStakingHotkeys")!.ErrorIndex);
        Assert.Equal(20, m.Call("AdminUtils", "sudo_set_network_pow_registration_allowed").CallIndex);
        // The 13 signed extensions 475 lists, in its order: extrinsics are laid out and signed as on Finney.
        Assert.Equal(["CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce",
            "CheckWeight", "ChargeTransactionPayment", "SudoTransactionExtension", "CheckShieldedTxValidity",
            "SubtensorTransactionExtension", "DrandPriority", "CheckMetadataHash"], m.SignedExtensions.Select(e => e.Identifier));
        Assert.True(m.HasCheckMetadataHash);
    }

    [Fact]
    public async Task AFileThatListsPowRegisterIsServedAsItIs()
    {
        // A file that already lists pow_register (e.g. a recorded 475 file, should shared/metadata ever hold one): no patch, 475's APIs.
        string file = Path.Combine(Path.GetTempPath(), $"finney-spec475-{Guid.NewGuid():N}.scale");
        byte[] listsIt = Finney475Patch.Apply(MetadataFiles.Bytes("finney-spec393-v16.scale"));
        await File.WriteAllBytesAsync(file, listsIt);
        try
        {
            await using var f = await StartAsync(Options() with { Metadata = file });
            Assert.Equal(listsIt, Convert.FromHexString((await f.D.Client.CallAsync("state_getMetadata", [])).GetString()![2..]));
            Assert.Equal(25, (await f.D.Client.CallAsync("state_getRuntimeVersion", [])).GetProperty("apis").GetArrayLength());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void TheProfileIsTodaysFinneyAndOptionsOverrideIt()
    {
        var o = DevNodeOptions.Parse(["--profile", "finney", "--subnet", "3:1000",
            "--subnet", "4:2000:pow=on@20:max=5000:owner=5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"]);
        Assert.Equal(("finney", 12_000, 475u, "finney-spec393-v16.scale", true), (o.Profile, o.BlockMs, o.SpecVersion, o.Metadata, o.PowRegister));
        Assert.False(o.Subnets[0].PowRegistrationAllowed);   // PoW off unless turned on
        var s4 = o.Subnets[1];
        Assert.True(s4.PowRegistrationAllowed);
        Assert.Equal(20ul, s4.PowSwitchBlock);
        Assert.Equal(5000ul, s4.MaxDifficulty);
        Assert.Equal(Sr25519KeyPair.FromUri("//Bob").PublicKey, s4.Owner);
        Assert.True(DevNodeOptions.Parse(["--subnet", "3:1000"]).Subnets[0].PowRegistrationAllowed);   // other profiles: on
        Assert.Null(DevNodeOptions.ParseSubnet("1:5:pow=on@0").PowSwitchBlock);   // @0 is genesis: no switch
        Assert.Equal(0, DevNodeOptions.Parse(["--profile", "finney", "--block-ms", "0"]).BlockMs);
    }

    [Fact]
    public async Task RegisterBurnsFromTheSigningColdkey()
    {
        await using var f = await StartAsync(Options("1:1000") with { Endowed = [new Endowment(Ferdie.PublicKey, 1_000_000_000)] });
        var block = await f.D.IncludeAsync(f.D.Sign(f.D.RegisterCall(1, 999_999, 0, new byte[32], Hot, Dave.PublicKey), Ferdie));
        Assert.Null(f.D.FailureOf(block));
        Assert.True(f.Registered(1, Hot));
        Assert.Equal(900_000_000ul, f.Head.Get("System", "Account", Ferdie.PublicKey)!["data"]["free"].AsUInt64());   // Burn: 0.1 TAO
        Assert.Equal(Ferdie.PublicKey, f.Head.Get(Pallet, "Owner", Hot)!.AsBytes());
    }

    [Fact]
    public async Task ThereIsNoFaucetAFaucetCallDoesNotDecode()
    {
        await using var f = await StartAsync();
        byte[] faucet = SubtensorCalls.Faucet(new CallIndex(7, 60), 0, 0, new byte[32]);
        var e = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.D.Sign(faucet, Dave)));
        Assert.Equal(1002, e.Code);
    }

    [Fact]
    public async Task ThePowSwitchTakesEffectAtItsBlockByOptionAndByRpc()
    {
        await using var f = await StartAsync("1:1000:pow=on@3");
        Assert.False(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
        f.Node.Chain.ProduceBlock();
        f.Node.Chain.ProduceBlock();
        // Head 2: the pool checks the head's state, where PoW is still off.
        var refused = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.Solved(Dave, Hot)));
        Assert.Equal("Custom error: 255", refused.ErrorData);
        f.Node.Chain.ProduceBlock();
        Assert.True(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Dave, Hot))));

        // The owner turns it off from block 7 on, and on again now.
        await f.D.Client.CallAsync("dev_setPowRegistration", [1, false, 7]);
        while (f.Node.Chain.Head.Number < 6) f.Node.Chain.ProduceBlock();
        Assert.True(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
        f.Node.Chain.ProduceBlock();
        Assert.False(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
        await f.D.Client.CallAsync("dev_setPowRegistration", [1, true]);
        Assert.True(f.Head.GetBool(Pallet, "NetworkPowRegistrationAllowed", U16(1)));
    }

    [Fact]
    public async Task DevSetDifficultySetsTheBoundsToo()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        await f.D.Client.CallAsync("dev_setDifficulty", [1, 50, 40, 60]);
        var s = f.Head;
        Assert.Equal(50ul, f.Difficulty(1));
        Assert.Equal((40ul, 60ul), (s.GetNumber(Pallet, "MinDifficulty", U16(1)), s.GetNumber(Pallet, "MaxDifficulty", U16(1))));
        await f.D.Client.CallAsync("dev_setDifficulty", [1, 5000]);
        Assert.Equal(60ul, f.EffectiveDifficulty(1));
    }

    [Fact]
    public async Task OurClientReadsTheFinneyChainThroughThePatchedMetadata()
    {
        await using var f = await StartAsync("1:1000:pow=on", "2:5000");
        var client = await BittensorPow.Subtensor.Chain.SubtensorClient.ConnectAsync(f.D.Client);
        var one = await client.GetSubnetInfoAsync(1);
        Assert.Equal((true, 1000ul, true, true), (one.Exists, one.Difficulty, one.PowRegistrationAllowed, one.RegistrationAllowed));
        Assert.Equal(1, one.MaxRegistrationsPerBlock);   // the default (1 in 393 and 475), read from the metadata
        var two = await client.GetSubnetInfoAsync(2);
        Assert.False(two.PowRegistrationAllowed);
        var absent = await client.GetSubnetInfoAsync(3);
        Assert.Equal((false, 10_000_000ul, false), (absent.Exists, absent.Difficulty, absent.PowRegistrationAllowed));   // defaults
    }

    [Fact]
    public async Task OurClientsPowRegisterCallIsEncodedByThePatchedTypesAndTheDevNodeExecutesIt()
    {
        // The Subtensor layer's encoder follows the metadata's argument types (NetUid newtype, [u8; 32] work): its bytes
        // must be the pallet's layout, and the DevNode must register with them.
        await using var f = await StartAsync("1:1000:pow=on");
        ulong block = f.Node.Chain.Head.Number;
        var (nonce, work) = f.Mine(1, block, Hot, Dave.PublicKey, f.EffectiveDifficulty(1));
        byte[] ours = new BittensorPow.Subtensor.Extrinsics.PowRegisterCall(1, block, nonce, work, Hot).Encode(f.Metadata);
        Assert.Equal(f.PowRegisterCall(1, block, nonce, work, Hot), ours);
        Assert.Equal([0x07, 0x98], ours[..2]);

        var included = await f.D.IncludeAsync(f.D.Sign(ours, Dave));
        Assert.Null(f.D.FailureOf(included));
        Assert.True(f.Registered(1, Hot));
    }
}
