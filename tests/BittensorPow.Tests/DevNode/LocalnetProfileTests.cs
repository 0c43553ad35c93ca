using BittensorPow.DevNode;
using BittensorPow.Engine;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.DevNode.RegistrationDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// The localnet profile against SPEC §9 (subtensor main, spec 425): the faucet's little-endian rule and payout,
/// burns signed and paid by the coldkey, register_limit's price cap, and a build without pow-faucet.
/// </summary>
public class LocalnetProfileTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly Sr25519KeyPair Ferdie = Sr25519KeyPair.FromUri("//Ferdie");
    private const ulong Tao = 1_000_000_000;

    /// <summary>Blocks on demand, so a solution's block window never races a timer.</summary>
    private static DevNodeOptions Localnet => DevNodeProfiles.Localnet with { BlockMs = 0 };

    private static byte[] U16(ushort v) => new ScaleWriter().U16(v).ToArray();

    [Fact]
    public async Task TheFaucetPays1000TaoForALittleEndianSolution()
    {
        await using var d = await StartAsync(Localnet);
        Assert.Equal(SealByteOrder.LittleEndian, d.ByteOrder);
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Dave.PublicKey, 1_000_000, SealByteOrder.LittleEndian);

        var block = await d.IncludeAsync(d.Sign(d.FaucetCall(head, nonce, work), Dave));

        Assert.Null(d.FailureOf(block));
        Assert.Equal(1000 * Tao, FreeOf(d, Dave.PublicKey));
        var faucet = d.Events(block).Single(e => e.Name == "Faucet").Event;
        Assert.Equal(Dave.PublicKey, faucet.Fields[0].Value.AsBytes());
    }

    [Fact]
    public async Task AFaucetSolutionThatPassesOnlyBigEndianIsInvalidDifficulty()
    {
        await using var d = await StartAsync(Localnet);
        ulong head = d.Node.Chain.Head.Number;
        // What btcli and the SDK submit: a big-endian pass, which the little-endian chain rule refuses.
        byte[] bah = Seal.BlockAndHotkeyHash(d.Node.Chain.Head.Hash, Dave.PublicKey);
        ulong nonce = 0;
        while (!(Difficulty.ChainRule(Seal.Compute(bah, nonce), 1_000_000, SealByteOrder.BigEndian)
                 && !Difficulty.ChainRule(Seal.Compute(bah, nonce), 1_000_000, SealByteOrder.LittleEndian))) nonce++;

        var block = await d.IncludeAsync(d.Sign(d.FaucetCall(head, nonce, Seal.Compute(bah, nonce)), Dave));

        Assert.Equal("InvalidDifficulty", d.FailureOf(block));
        Assert.Equal(0ul, FreeOf(d, Dave.PublicKey));
    }

    [Fact]
    public async Task WithoutPowFaucetAValidFaucetSolutionIsFaucetDisabled()
    {
        await using var d = await StartAsync(Localnet with { PowFaucet = false });
        Assert.NotNull(d.Metadata.TryGetCall("SubtensorModule", "faucet"));   // still listed, as spec 218 lists it
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Dave.PublicKey, 1_000_000, SealByteOrder.LittleEndian);

        var block = await d.IncludeAsync(d.Sign(d.FaucetCall(head, nonce, work), Dave));

        Assert.Equal("FaucetDisabled", d.FailureOf(block));
        Assert.Equal(0ul, FreeOf(d, Dave.PublicKey));
    }

    [Fact]
    public async Task TheOldFlagsForTodaysChainStillStartANodeWhoseFaucetPays()
    {
        var options = DevNodeOptions.Parse(["--block-ms", "250", "--spec-version", "425", "--metadata", "raonet-spec218-v14.scale"]);
        Assert.False(options.RegisterLimit);
        await using var d = await StartAsync(options with { BlockMs = 0 });
        ulong head = d.Node.Chain.Head.Number;
        var (nonce, work) = d.Solve(head, Dave.PublicKey, 1_000_000, SealByteOrder.LittleEndian);
        Assert.Null(d.FailureOf(await d.IncludeAsync(d.Sign(d.FaucetCall(head, nonce, work), Dave))));
        Assert.Equal(1000 * Tao, FreeOf(d, Dave.PublicKey));
    }

    [Fact]
    public async Task RegisterLimitAtTheBurnRegistersTheHotkeyToTheSigningColdkeyWhichPays()
    {
        await using var d = await StartAsync(Localnet);
        var client = await SubtensorClient.ConnectAsync(d.Client);
        Assert.True(client.RuntimeProfile.HasRegisterLimit);
        ulong burn = await client.Subtensor.BurnAsync(1);
        Assert.Equal(1 * Tao, burn);   // spec 218's default Burn, read from the metadata
        ulong before = FreeOf(d, Alice.PublicKey);

        var tx = await SubtensorTransactions.BuildRegisterLimitAsync(client, Alice, Dave.PublicKey, 1, limitPriceRao: burn);
        var block = await d.IncludeAsync(tx.Bytes);

        Assert.Null(d.FailureOf(block));
        Assert.Equal(Alice.PublicKey, d.Storage("SubtensorModule", "Owner", Dave.PublicKey));
        Assert.Equal(0, UidOf(d.Storage("SubtensorModule", "Uids", U16(1), Dave.PublicKey)!));
        Assert.Equal(before - burn, FreeOf(d, Alice.PublicKey));
        Assert.Contains(d.Events(block), e => e.Name == "NeuronRegistered");
    }

    [Fact]
    public async Task RegisterLimitBelowTheBurnIsRegistrationPriceLimitExceededAndChargesNothing()
    {
        await using var d = await StartAsync(Localnet);
        var client = await SubtensorClient.ConnectAsync(d.Client);
        ulong burn = await client.Subtensor.BurnAsync(1);
        ulong before = FreeOf(d, Alice.PublicKey);

        var tx = await SubtensorTransactions.BuildRegisterLimitAsync(client, Alice, Dave.PublicKey, 1, limitPriceRao: burn - 1);
        var block = await d.IncludeAsync(tx.Bytes);

        Assert.Equal("RegistrationPriceLimitExceeded", d.FailureOf(block));
        Assert.Null(d.Storage("SubtensorModule", "Uids", U16(1), Dave.PublicKey));
        Assert.Null(d.Storage("SubtensorModule", "Owner", Dave.PublicKey));
        Assert.Equal(before, FreeOf(d, Alice.PublicKey));
    }

    [Fact]
    public async Task BurnedRegisterIsSignedAndPaidByTheColdkey()
    {
        await using var d = await StartAsync(Localnet);
        ulong before = FreeOf(d, Alice.PublicKey);
        var block = await d.IncludeAsync(d.Sign(d.BurnedRegisterCall(1, Ferdie.PublicKey), Alice));
        Assert.Null(d.FailureOf(block));
        Assert.Equal(Alice.PublicKey, d.Storage("SubtensorModule", "Owner", Ferdie.PublicKey));
        Assert.Equal(before - 1 * Tao, FreeOf(d, Alice.PublicKey));
    }

    [Fact]
    public async Task RegisterBurnsFromTheSigningColdkeyAndIgnoresWorkAndColdkeyArguments()
    {
        await using var d = await StartAsync(Localnet);
        ulong before = FreeOf(d, Alice.PublicKey);
        // A future block, zero work, nonce 0 and Bob named as coldkey: none of it is looked at.
        byte[] call = d.RegisterCall(1, 999_999, 0, new byte[32], Dave.PublicKey, Bob.PublicKey);

        var block = await d.IncludeAsync(d.Sign(call, Alice));

        Assert.Null(d.FailureOf(block));
        Assert.Equal(Alice.PublicKey, d.Storage("SubtensorModule", "Owner", Dave.PublicKey));
        Assert.Equal(before - 1 * Tao, FreeOf(d, Alice.PublicKey));
        Assert.Equal(1, UidOf(d.Storage("SubtensorModule", "BurnRegistrationsThisInterval", U16(1))!));
    }

    [Fact]
    public async Task ABurnTheColdkeyCannotPayIsNotEnoughBalanceToStake()
    {
        await using var d = await StartAsync(Localnet);
        var client = await SubtensorClient.ConnectAsync(d.Client);
        var tx = await SubtensorTransactions.BuildRegisterLimitAsync(client, Dave, Ferdie.PublicKey, 1, limitPriceRao: 10 * Tao);
        Assert.Equal("NotEnoughBalanceToStake", d.FailureOf(await d.IncludeAsync(tx.Bytes)));
    }

    [Fact]
    public async Task DevAccountsAreEndowedWithAMillionTao()
    {
        await using var d = await StartAsync(Localnet);
        Assert.Equal(1_000_000 * Tao, FreeOf(d, Bob.PublicKey));
        Assert.Equal(0ul, FreeOf(d, Dave.PublicKey));
    }

    [Fact]
    public async Task TheProfileProducesBlocksEvery250Milliseconds()
    {
        await using var d = await StartAsync(DevNodeProfiles.Localnet);
        // Lenient: 2 blocks need ≥ 500 ms; a loaded test machine must not make this flaky.
        Assert.True(await DevNodeHarness.EventuallyAsync(() => d.Node.Chain.Head.Number >= 2, TimeSpan.FromSeconds(5)));
        Assert.Equal(425u, d.Node.Runtime.SpecVersion);
    }

    [Fact]
    public async Task WithoutThePatchTheClientRefusesToBuildRegisterLimit()
    {
        await using var d = await StartAsync(Localnet with { RegisterLimit = false });
        var client = await SubtensorClient.ConnectAsync(d.Client);
        Assert.False(client.RuntimeProfile.HasRegisterLimit);
        Assert.True(client.RuntimeProfile.HasFaucet);
        var e = await Assert.ThrowsAsync<UnsupportedRuntimeException>(
            () => SubtensorTransactions.BuildRegisterLimitAsync(client, Alice, Dave.PublicKey, 1, 1 * Tao));
        Assert.Contains("register_limit", e.Message);
    }

    private static ulong FreeOf(RegistrationDriver d, byte[] account)
    {
        var entry = d.Metadata.Storage("System", "Account");
        var bytes = d.Storage("System", "Account", account);
        return bytes is null ? 0 : ScaleValueDecoder.DecodeAll(d.Metadata.Types, entry.ValueTypeId, bytes)["data"]["free"].AsUInt64();
    }
}
