using System.Collections.Concurrent;
using System.Text.Json;
using BittensorPow.DevNode;
using BittensorPow.Engine;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.DevNode.RegistrationDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>register submitted to the DevNode lands or fails exactly as the pallet decides, with real storage and events.</summary>
public class SubmitRegisterTests
{
    private static DevNodeOptions Options(string metadata = "raonet-spec218-v14.scale", uint? spec = null) => new()
    {
        BlockMs = 0,
        Metadata = metadata,
        SpecVersion = spec,
        Subnets = [new SubnetSpec(1, 10), new SubnetSpec(2, 10, PowRegistrationAllowed: false), new SubnetSpec(3, 1_000)],
    };

    private static byte[] U16(ushort v) => new ScaleWriter().U16(v).ToArray();

    [Theory]
    [InlineData("raonet-spec218-v14.scale")]   // big-endian seal rule
    [InlineData("finney-spec365-v16.scale")]   // little-endian seal rule, NetUid newtype, CheckMetadataHash
    public async Task AValidRegisterLandsWithStorageAndEvents(string metadata)
    {
        await using var d = await StartAsync(Options(metadata));
        var block = await d.IncludeAsync(d.SolvedRegister(Bob));

        Assert.Null(d.FailureOf(block));
        Assert.Equal(0, UidOf(d.Storage("SubtensorModule", "Uids", U16(1), Bob.PublicKey)!));
        Assert.Equal(Bob.PublicKey, d.Storage("SubtensorModule", "Keys", U16(1), U16(0)));
        Assert.Equal([1], d.Storage("SubtensorModule", "IsNetworkMember", Bob.PublicKey, U16(1)));
        Assert.Equal(1, UidOf(d.Storage("SubtensorModule", "SubnetworkN", U16(1))!));
        Assert.Equal(Alice.PublicKey, d.Storage("SubtensorModule", "Owner", Bob.PublicKey));
        Assert.Equal(1, UidOf(d.Storage("SubtensorModule", "RegistrationsThisBlock", U16(1))!));
        Assert.Equal(1, UidOf(d.Storage("SubtensorModule", "POWRegistrationsThisInterval", U16(1))!));

        var registered = d.Events(block).Single(e => e.Name == "NeuronRegistered").Event;
        Assert.Equal(1, registered.Fields[0].Value.AsUInt16());
        Assert.Equal(0, registered.Fields[1].Value.AsUInt16());
        Assert.Equal(Bob.PublicKey, registered.Fields[2].Value.AsBytes());
        Assert.Equal(["NeuronRegistered", "TransactionFeePaid", "ExtrinsicSuccess"], d.Events(block).Select(e => e.Name));

        // The next block starts afresh: no events, no registrations this block; the signer's nonce moved on.
        d.Node.Chain.ProduceBlock();
        Assert.Empty(d.Events(d.Node.Chain.Head));
        Assert.Null(d.Storage("SubtensorModule", "RegistrationsThisBlock", U16(1)));
        Assert.Equal(1, (await d.Client.CallAsync("system_accountNextIndex", [Bob.Ss58Address])).GetInt32());
    }

    [Fact]
    public async Task ChainGetBlockServesTheExtrinsicAndWatchersSeeReadyInBlockFinalized()
    {
        await using var d = await StartAsync(Options() with { FinalityLag = 1 });
        byte[] extrinsic = d.SolvedRegister(Bob);
        var statuses = new BlockingCollection<JsonElement>();
        await using var sub = await d.Client.SubscribeAsync("author_submitAndWatchExtrinsic", [Hex(extrinsic)],
            "author_unwatchExtrinsic", statuses.Add);

        Assert.True(statuses.TryTake(out var ready, 5000));
        Assert.Equal("ready", ready.GetString());
        Assert.True(statuses.TryTake(out var inBlock, 5000));
        string blockHash = inBlock.GetProperty("inBlock").GetString()!;

        var block = await d.Client.CallAsync("chain_getBlock", [blockHash]);
        Assert.Equal([Hex(extrinsic)], block.GetProperty("block").GetProperty("extrinsics").EnumerateArray().Select(e => e.GetString()));

        Assert.False(statuses.TryTake(out _, 200)); // not final until the lag has passed
        await d.Client.CallAsync("dev_produceBlock", []);
        Assert.True(statuses.TryTake(out var finalized, 5000));
        Assert.Equal(blockHash, finalized.GetProperty("finalized").GetString());
    }

    [Fact]
    public async Task SubmitExtrinsicReturnsTheBlake2HashOfTheBytes()
    {
        await using var d = await StartAsync(Options());
        byte[] extrinsic = d.SolvedRegister(Bob);
        Assert.Equal(Hex(BittensorPow.Subtensor.Hashing.SubstrateHash.Blake2b256(extrinsic)), await d.SubmitAsync(extrinsic));
    }

    [Fact]
    public async Task SignerOtherThanTheHotkeyIsRefused()
    {
        await using var d = await StartAsync(Options());
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Bob.PublicKey, 10, d.ByteOrder);
        var block = await d.IncludeAsync(d.Sign(d.RegisterCall(1, head, nonce, work, Bob.PublicKey, Alice.PublicKey), Alice));
        Assert.Equal("TransactorAccountShouldBeHotKey", d.FailureOf(block));
        Assert.Null(d.Storage("SubtensorModule", "Uids", U16(1), Bob.PublicKey));
        // The failed call still used the nonce.
        Assert.Equal(1, (await d.Client.CallAsync("system_accountNextIndex", [Alice.Ss58Address])).GetInt32());
    }

    [Theory]
    [InlineData(0, "RegistrationNotPermittedOnRootSubnet")]
    [InlineData(7, "SubNetworkDoesNotExist")]   // spec 218 still raises the old name from register
    [InlineData(2, "SubNetRegistrationDisabled")]
    public async Task SubnetChecksComeFirst(ushort netuid, string error)
    {
        await using var d = await StartAsync(Options());
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Bob.PublicKey, 10, d.ByteOrder);
        var block = await d.IncludeAsync(d.Sign(d.RegisterCall(netuid, head, nonce, work, Bob.PublicKey, Alice.PublicKey), Bob));
        Assert.Equal(error, d.FailureOf(block));
    }

    [Fact]
    public async Task AlreadyRegisteredHotkeyIsRefused()
    {
        await using var d = await StartAsync(Options() with { Registered = [new RegisteredHotkey(1, Bob.PublicKey)] });
        Assert.Equal("HotKeyAlreadyRegisteredInSubNet", d.FailureOf(await d.IncludeAsync(d.SolvedRegister(Bob))));
    }

    [Fact]
    public async Task WorkForAStaleBlockIsRefusedButTwoBlocksBackStillLands()
    {
        await using var d = await StartAsync(Options());
        d.Node.Chain.ProduceBlock();
        d.Node.Chain.ProduceBlock();
        ulong head = d.Node.Chain.Head.Number;  // the extrinsic executes in head + 1
        var (n1, w1) = d.Solve(head - 2, Bob.PublicKey, 10, d.ByteOrder);
        Assert.Equal("InvalidWorkBlock",
            d.FailureOf(await d.IncludeAsync(d.Sign(d.RegisterCall(1, head - 2, n1, w1, Bob.PublicKey, Alice.PublicKey), Bob))));

        head = d.Node.Chain.Head.Number;
        var (n2, w2) = d.Solve(head - 1, Bob.PublicKey, 10, d.ByteOrder);
        Assert.Null(d.FailureOf(await d.IncludeAsync(d.Sign(d.RegisterCall(1, head - 1, n2, w2, Bob.PublicKey, Alice.PublicKey), Bob))));
    }

    [Fact]
    public async Task WorkForAFutureBlockIsRefused()
    {
        await using var d = await StartAsync(Options());
        d.Node.Chain.ProduceBlock();
        var block = await d.IncludeAsync(
            d.Sign(d.RegisterCall(1, d.Node.Chain.Head.Number + 2, 0, new byte[32], Bob.PublicKey, Alice.PublicKey), Bob));
        Assert.Equal("InvalidWorkBlock", d.FailureOf(block));
    }

    [Fact]
    public async Task ASealThatPassesOnlyInTheOtherByteOrderIsInvalidDifficulty()
    {
        await using var d = await StartAsync(Options());   // spec 218: big-endian
        ulong head = d.Node.Chain.Head.Number;
        // Passes little-endian but fails big-endian at D = 1000 (subnet 3).
        byte[] bah = Seal.BlockAndHotkeyHash(d.Node.Chain.Head.Hash, Bob.PublicKey);
        ulong nonce = 0;
        while (!(Difficulty.ChainRule(Seal.Compute(bah, nonce), 1_000, SealByteOrder.LittleEndian)
            && !Difficulty.ChainRule(Seal.Compute(bah, nonce), 1_000, SealByteOrder.BigEndian))) nonce++;
        var block = await d.IncludeAsync(d.Sign(d.RegisterCall(3, head, nonce, Seal.Compute(bah, nonce), Bob.PublicKey, Alice.PublicKey), Bob));
        Assert.Equal("InvalidDifficulty", d.FailureOf(block));
    }

    [Fact]
    public async Task TamperedWorkIsInvalidSeal()
    {
        await using var d = await StartAsync(Options());
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Bob.PublicKey, 10, d.ByteOrder);
        // A passing work claimed for another nonce: the difficulty check passes, the seal does not match.
        var block = await d.IncludeAsync(d.Sign(d.RegisterCall(1, head, nonce + 1, work, Bob.PublicKey, Alice.PublicKey), Bob));
        Assert.Equal("InvalidSeal", d.FailureOf(block));
    }

    [Fact]
    public async Task AHotkeyOwnedByAnotherColdkeyIsNonAssociatedColdKey()
    {
        await using var d = await StartAsync(Options());
        Assert.Null(d.FailureOf(await d.IncludeAsync(d.SolvedRegister(Bob, netuid: 1))));  // Owner(Bob) = Alice
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Bob.PublicKey, 1_000, d.ByteOrder);
        var block = await d.IncludeAsync(d.Sign(d.RegisterCall(3, head, nonce, work, Bob.PublicKey, Bob.PublicKey), Bob));
        Assert.Equal("NonAssociatedColdKey", d.FailureOf(block));
    }
}
