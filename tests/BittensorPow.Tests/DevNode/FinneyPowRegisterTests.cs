using BittensorPow.DevNode.Execution;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Metadata;
using static BittensorPow.Tests.DevNode.FinneyDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// `--profile finney` executes pow_register as spec 475 does (SPEC §10): what a success writes, the difficulty's
/// bump, one registration per subnet per block, the per-hotkey watermark, the pool's duplicate and expiry answers.
/// </summary>
public class FinneyPowRegisterTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly Sr25519KeyPair Eve = Sr25519KeyPair.FromUri("//Eve");
    private static readonly byte[] Hot1 = Sr25519KeyPair.FromUri("//Finney//hot1").PublicKey;
    private static readonly byte[] Hot2 = Sr25519KeyPair.FromUri("//Finney//hot2").PublicKey;

    [Fact]
    public async Task AValidPowRegisterIsIncludedFreeOfChargeAndWritesWhatThePalletWrites()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        ulong work = f.Node.Chain.Head.Number;
        var block = await f.D.IncludeAsync(f.Solved(Dave, Hot1));

        Assert.Null(f.D.FailureOf(block));
        var s = f.Head;
        Assert.Equal(0ul, s.GetNumber(Pallet, "Uids", U16(1), Hot1));
        Assert.Equal(Hot1, s.Get(Pallet, "Keys", U16(1), U16(0))!.AsBytes());
        Assert.True(s.GetBool(Pallet, "IsNetworkMember", Hot1, U16(1)));
        Assert.Equal(1ul, s.GetNumber(Pallet, "SubnetworkN", U16(1)));
        Assert.Equal(block.Number, s.GetNumber(Pallet, "BlockAtRegistration", U16(1), U16(0)));
        Assert.Equal(Dave.PublicKey, s.Get(Pallet, "Owner", Hot1)!.AsBytes());
        Assert.Equal([Hot1], ((ScaleSequence)s.Get(Pallet, "OwnedHotkeys", Dave.PublicKey)!).Items.Select(i => i.AsBytes()));
        Assert.Equal([Hot1], ((ScaleSequence)s.Get(Pallet, "StakingHotkeys", Dave.PublicKey)!).Items.Select(i => i.AsBytes()));
        Assert.Equal(work, s.GetNumber(Pallet, "LastPowRegistrationBlock", Hot1));
        Assert.Equal(1ul, s.GetNumber(Pallet, "RegistrationsThisBlock", U16(1)));
        // 1000 · 1.26 (BurnIncreaseMult's default): the bump after a PoW registration; the floor keeps D from decaying.
        Assert.Equal(1260ul, f.Difficulty(1));
        Assert.Equal(100_000_000ul, s.GetNumber(Pallet, "Burn", U16(1)));   // untouched: 0.1 TAO, the 475 default

        var registered = f.D.Events(block).Single(e => e.Name == "NeuronRegistered").Event;
        Assert.Equal(1, (int)registered.Fields[0].Value.AsUInt64());
        Assert.Equal(0, (int)registered.Fields[1].Value.AsUInt64());
        Assert.Equal(Hot1, registered.Fields[2].Value.AsBytes());
        var fee = f.D.Events(block).Single(e => e.Name == "TransactionFeePaid").Event;
        Assert.Equal(0ul, fee.Fields[1].Value.AsUInt64());
        var success = f.D.Events(block).Single(e => e.Name == "ExtrinsicSuccess").Event;
        Assert.Equal("No", ((ScaleVariant)success.Fields[0].Value["pays_fee"]).Name);
        // The coldkey was never funded and still exists only as the nonce the transaction bumped.
        Assert.Equal(0ul, s.Get("System", "Account", Dave.PublicKey)!["data"]["free"].AsUInt64());
        Assert.Equal(1ul, s.Get("System", "Account", Dave.PublicKey)!["nonce"].AsUInt64());
    }

    [Fact]
    public async Task OneRegistrationPerSubnetPerBlockTheSecondIsDroppedAndThePoolRefusesUntilTheNextBlock()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        var first = f.Pool(f.Solved(Dave, Hot1));
        var second = f.Pool(f.Solved(Eve, Hot2));
        var secondSeen = Statuses(second);

        var block = f.Node.Chain.ProduceBlock();

        Assert.Equal([first.Bytes], block.Extrinsics);
        Assert.True(f.Registered(1, Hot1));
        Assert.False(f.Registered(1, Hot2));
        Assert.Equal("\"invalid\"", secondSeen[^1]);   // the block builder's extension check refused it: dropped
        Assert.Empty(f.Node.Chain.Pool.Pending);

        // The head's state still counts this block's registration, and the pool checks against it.
        var e = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.Solved(Eve, Hot2)));
        Assert.Equal("Custom error: 255", e.ErrorData);
        f.Node.Chain.ProduceBlock();
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Eve, Hot2))));
        Assert.True(f.Registered(1, Hot2));
    }

    [Fact]
    public async Task TheLimitIsSharedWithBurnedRegistrations()
    {
        var ferdie = Sr25519KeyPair.FromUri("//Ferdie");
        var options = Options("1:1000:pow=on") with { Endowed = [new BittensorPow.DevNode.Endowment(ferdie.PublicKey, 1_000_000_000)] };
        await using var f = await StartAsync(options);
        var burn = f.Pool(f.D.Sign(f.D.BurnedRegisterCall(1, Hot2), ferdie));
        var pow = f.Pool(f.Solved(Dave, Hot1));
        var powSeen = Statuses(pow);

        var block = f.Node.Chain.ProduceBlock();

        Assert.Equal([burn.Bytes], block.Extrinsics);
        Assert.True(f.Registered(1, Hot2));
        Assert.False(f.Registered(1, Hot1));
        Assert.Equal("\"invalid\"", powSeen[^1]);
    }

    [Fact]
    public async Task TheWatermarkIsPerHotkeyAcrossEverySubnet()
    {
        await using var f = await StartAsync("1:1000:pow=on", "2:1000:pow=on");
        ulong work = f.Node.Chain.Head.Number;
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Dave, Hot1, netuid: 1))));

        // Work for the same block, or any earlier one, no longer registers this hotkey anywhere.
        var e = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.Solved(Dave, Hot1, netuid: 2, workBlock: work)));
        Assert.Equal("Custom error: 255", e.ErrorData);
        Assert.False(f.Registered(2, Hot1));

        ulong later = f.Node.Chain.Head.Number;
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Dave, Hot1, netuid: 2, workBlock: later))));
        Assert.True(f.Registered(2, Hot1));
        Assert.Equal(later, f.Head.GetNumber(Pallet, "LastPowRegistrationBlock", Hot1));
    }

    [Fact]
    public async Task TheSameProofTwiceIsTheDuplicateTagAnswer()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        ulong head = f.Node.Chain.Head.Number;
        var (nonce, work) = f.Mine(1, head, Hot1, Dave.PublicKey, f.EffectiveDifficulty(1));
        byte[] call = f.PowRegisterCall(1, head, nonce, work, Hot1);
        byte[] first = f.D.Sign(call, Dave, txNonce: 0);
        f.Pool(first);

        // The same bytes again: already imported.
        var same = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(first));
        Assert.Equal(1013, same.Code);
        // The same proof in another transaction (the next nonce): it provides the pooled one's (hotkey, work_block)
        // tag, and at equal priority (none is set) Substrate's pool keeps the first.
        var again = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.D.Sign(call, Dave, txNonce: 1)));
        Assert.Equal(1014, again.Code);
        Assert.Contains("Priority is too low: (0 vs 0)", again.Message);
        Assert.Equal("The transaction has too low priority to replace another transaction already in the pool.", again.ErrorData);
        // Another coldkey's proof for the same hotkey and block provides the same tag.
        var other = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.Solved(Eve, Hot1, workBlock: head)));
        Assert.Equal(1014, other.Code);

        f.Node.Chain.ProduceBlock();
        Assert.True(f.Registered(1, Hot1));
        // Once included, the proof is spent: the chain refuses it (HotKeyAlreadyRegisteredInSubNet, watermark).
        var spent = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.D.Sign(call, Dave, txNonce: 1)));
        Assert.Equal("Custom error: 255", spent.ErrorData);
    }

    [Fact]
    public async Task WorkIsValidForFiveBlocksAndThePoolDropsItAfter()
    {
        await using var f = await StartAsync("1:1000:pow=on");
        for (int i = 0; i < 6; i++) f.Node.Chain.ProduceBlock();
        ulong head = f.Node.Chain.Head.Number;

        // Executing in head + 1: work from head − 4 is five blocks old (the oldest allowed), head − 5 six.
        var old = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.Solved(Eve, Hot2, workBlock: head - 5)));
        Assert.Equal("Custom error: 255", old.ErrorData);
        Assert.Null(f.D.FailureOf(await f.D.IncludeAsync(f.Solved(Eve, Hot2, workBlock: head - 4))));

        // A proof that waits in the pool (its nonce has a gap) until its last block passes is dropped as invalid.
        f.Node.Chain.ProduceBlock();   // a block without a registration, so the pool admits the next one
        ulong work = f.Node.Chain.Head.Number;
        var waiting = f.Pool(f.Solved(Dave, Hot1, workBlock: work, txNonce: 1));
        var seen = Statuses(waiting);
        Assert.False(waiting.IsReady);
        for (int i = 1; i <= 4; i++) f.Node.Chain.ProduceBlock();
        Assert.Contains(waiting, f.Node.Chain.Pool.Pending);   // work + 5 may still include it
        f.Node.Chain.ProduceBlock();
        Assert.Equal(work + 5, f.Node.Chain.Head.Number);
        Assert.DoesNotContain(waiting, f.Node.Chain.Pool.Pending);
        Assert.Equal(["\"future\"", "\"invalid\""], seen);
    }
}
