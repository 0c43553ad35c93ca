using BittensorPow.DevNode;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.DevNode.RegistrationDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>What the pool refuses before any block, with the codes and texts a Substrate node sends; and balance calls.</summary>
public class SubmitValidityTests
{
    private static DevNodeOptions Options(string metadata = "raonet-spec218-v14.scale", uint? spec = null) => new()
    {
        BlockMs = 0, Metadata = metadata, SpecVersion = spec, Subnets = [new SubnetSpec(1, 10)],
    };

    [Fact]
    public async Task ABadSignatureIs1010BadProof()
    {
        await using var d = await StartAsync(Options());
        byte[] extrinsic = d.SolvedRegister(Bob);
        extrinsic[40] ^= 0xff; // inside the signature
        var e = await RejectedAsync(() => d.SubmitAsync(extrinsic));
        Assert.Equal(1010, e.Code);
        Assert.Equal("Transaction has a bad signature", e.ErrorData);
        Assert.Equal(0ul, d.Node.Chain.Head.Number);
    }

    [Fact]
    public async Task ASignatureForAnotherSpecVersionIsABadSignature()
    {
        await using var d = await StartAsync(Options());
        var call = d.BurnedRegisterCall(1, Bob.PublicKey);
        var p = TransactionParameters.Immortal(d.Node.Runtime.SpecVersion + 1, d.Node.Runtime.TransactionVersion, d.Node.Chain.Genesis.Hash, 0);
        var e = await RejectedAsync(() => d.SubmitAsync(ExtrinsicBuilder.BuildSigned(call, d.Node.Runtime.Extensions, p, Alice)));
        Assert.Equal("Transaction has a bad signature", e.ErrorData);
    }

    [Fact]
    public async Task AnOutdatedNonceIs1010Outdated()
    {
        await using var d = await StartAsync(Options());
        await d.IncludeAsync(d.SolvedRegister(Bob));
        var e = await RejectedAsync(() => d.SubmitAsync(d.SolvedRegister(Bob, txNonce: 0)));
        Assert.Equal(1010, e.Code);
        Assert.Equal("Transaction is outdated", e.ErrorData);
    }

    [Fact]
    public async Task AFutureNonceWaitsInThePoolUntilTheGapCloses()
    {
        await using var d = await StartAsync(Options());
        await d.Client.CallAsync("dev_setBalance", [Alice.Ss58Address, 10_000_000_000]);
        byte[] second = d.Sign(d.BurnedRegisterCall(1, Bob.PublicKey), Alice, txNonce: 1);
        await d.SubmitAsync(second);   // accepted as "future", not in a block
        Assert.DoesNotContain(d.Node.Chain.Head.Extrinsics, e => e.AsSpan().SequenceEqual(second));
        Assert.Equal(0, (await d.Client.CallAsync("system_accountNextIndex", [Alice.Ss58Address])).GetInt32());
        Assert.Equal(1013, (await RejectedAsync(() => d.SubmitAsync(second))).Code);   // already in the pool

        var eve = BittensorPow.Subtensor.Crypto.Sr25519KeyPair.FromUri("//Eve");
        byte[] first = d.Sign(d.BurnedRegisterCall(1, eve.PublicKey), Alice, txNonce: 0);
        await d.SubmitAsync(first);
        Assert.True(await DevNodeHarness.EventuallyAsync(() => d.Node.Chain.Pool.Pending.Count == 0, TimeSpan.FromSeconds(5)));
        // Both land, in nonce order, in one block.
        Assert.Equal([first, second], d.Node.Chain.Head.Extrinsics);
        Assert.Equal(2, (await d.Client.CallAsync("system_accountNextIndex", [Alice.Ss58Address])).GetInt32());
    }

    [Fact]
    public async Task MalformedBytesAreRefusedWithTheNodesCodes()
    {
        await using var d = await StartAsync(Options());
        byte[] extrinsic = d.SolvedRegister(Bob);
        var badLength = await RejectedAsync(() => d.SubmitAsync([.. extrinsic, 0]));
        Assert.Equal(1001, badLength.Code);
        byte[] unknownPallet = (byte[])extrinsic.Clone();
        unknownPallet[^(2 + 2 + 8 + 8 + 1 + 32 + 32 + 32)] = 0xee; // the call's pallet index
        Assert.Equal(1002, (await RejectedAsync(() => d.SubmitAsync(unknownPallet))).Code);
        byte[] unsigned = new ScaleWriter().Bytes([ExtrinsicBuilder.UnsignedV4, .. d.BurnedRegisterCall(1, Bob.PublicKey)]).ToArray();
        Assert.Equal(1011, (await RejectedAsync(() => d.SubmitAsync(unsigned))).Code);
    }

    [Fact]
    public async Task AMortalTransactionIsCheckedAgainstItsBirthBlock()
    {
        await using var d = await StartAsync(Options());
        for (int i = 0; i < 5; i++) d.Node.Chain.ProduceBlock();
        var era = Era.Mortal(8, d.Node.Chain.Head.Number);
        var block = await d.IncludeAsync(d.Sign(d.BurnedRegisterCall(1, Bob.PublicKey), Alice, era: era));
        Assert.Equal("NotEnoughBalanceToStake", d.FailureOf(block));   // valid transaction; Alice has no funds
    }

    [Fact]
    public async Task FaucetCreditsTheSignerAndEmitsFaucet()
    {
        await using var d = await StartAsync(Options());
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Bob.PublicKey, 1_000_000, d.ByteOrder);
        var block = await d.IncludeAsync(d.Sign(d.FaucetCall(head, nonce, work), Bob));
        Assert.Null(d.FailureOf(block));
        var faucet = d.Events(block).Single(e => e.Name == "Faucet").Event;
        Assert.Equal(Bob.PublicKey, faucet.Fields[0].Value.AsBytes());
        Assert.Equal(1_000_000_000_000ul, faucet.Fields[1].Value.AsUInt64());
        Assert.Equal(1_000_000_000_000ul, FreeOf(d, Bob.PublicKey));
    }

    [Fact]
    public async Task BurnedRegisterChargesBurnAndRegisters()
    {
        await using var d = await StartAsync(Options());
        await d.Client.CallAsync("dev_setBalance", [Alice.Ss58Address, 5_000_000_000]);
        var block = await d.IncludeAsync(d.Sign(d.BurnedRegisterCall(1, Bob.PublicKey), Alice));
        Assert.Null(d.FailureOf(block));
        Assert.Equal(4_000_000_000ul, FreeOf(d, Alice.PublicKey));   // spec 218's default Burn: 1 TAO
        Assert.Contains(d.Events(block), e => e.Name == "Withdraw");
        Assert.NotNull(d.Storage("SubtensorModule", "Uids", new ScaleWriter().U16(1).ToArray(), Bob.PublicKey));
    }

    [Fact]
    public async Task FromSpec397RegisterIgnoresTheWorkAndBurnsFromTheSigner()
    {
        await using var d = await StartAsync(Options("finney-spec393-v16.scale", spec: 397));
        byte[] garbageWork = new byte[32];
        byte[] call = d.RegisterCall(1, 999_999, 0, garbageWork, Bob.PublicKey, Alice.PublicKey);
        Assert.Equal("NotEnoughBalanceToStake", d.FailureOf(await d.IncludeAsync(d.Sign(call, Bob))));

        await d.Client.CallAsync("dev_setBalance", [Bob.Ss58Address, 1_000_000_000]);
        var block = await d.IncludeAsync(d.Sign(call, Bob));
        Assert.Null(d.FailureOf(block));
        Assert.Equal(900_000_000ul, FreeOf(d, Bob.PublicKey));   // spec 393's default Burn: 0.1 TAO
        Assert.Contains(d.Events(block), e => e.Name == "NeuronRegistered");
    }

    private static ulong FreeOf(RegistrationDriver d, byte[] account)
    {
        var entry = d.Metadata.Storage("System", "Account");
        var bytes = d.Storage("System", "Account", account)!;
        return BittensorPow.Subtensor.Metadata.ScaleValueDecoder.DecodeAll(d.Metadata.Types, entry.ValueTypeId, bytes)["data"]["free"].AsUInt64();
    }
}
