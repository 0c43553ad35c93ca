using BittensorPow.DevNode;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Storage;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// Registration on runtimes whose register burns (spec 397 on), against the localnet DevNode (spec 425, blocks on demand):
/// signed and paid by the coldkey, register_limit where listed (the chain enforces the cap), burned_register with the
/// client's check where not.
/// </summary>
public sealed class BurnRegisterWorkflowTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly Sr25519KeyPair Ferdie = Sr25519KeyPair.FromUri("//Ferdie");
    private const ulong Burn = Tao.RaoPerTao; // spec 218's default Burn, from the metadata

    private static DevNodeOptions Localnet => DevNodeProfiles.Localnet with { BlockMs = 0 };

    /// <summary>spec 425 without register_limit in its metadata, Alice endowed.</summary>
    private static DevNodeOptions WithoutRegisterLimit => Localnet with { RegisterLimit = false };

    private static BurnRegisterRequest Request(ulong? cap, Sr25519KeyPair? coldkey = null, Action? onUnlock = null)
    {
        var c = coldkey ?? WorkflowNode.Alice;
        return new BurnRegisterRequest(1, Dave.PublicKey, c.PublicKey, () => { onUnlock?.Invoke(); return Sr25519KeyPair.FromUri(UriOf(c)); }, cap);
    }

    private static string UriOf(Sr25519KeyPair k)
        => k.Ss58Address == WorkflowNode.Alice.Ss58Address ? "//Alice" : k.Ss58Address == Ferdie.Ss58Address ? "//Ferdie" : "//Bob";

    private static async Task<UInt128> FreeAsync(WorkflowNode n, Sr25519KeyPair k) => (await n.Chain.Client.Subtensor.AccountAsync(k.PublicKey)).Free;

    private static byte[]? Owner(WorkflowNode n, byte[] hotkey) =>
        n.Node.Chain.Read(
            "0x" + Convert.ToHexStringLower(StorageKey.For(n.Node.Runtime.Decoded.Storage("SubtensorModule", "Owner"), [hotkey])), null);

    [Fact]
    public async Task Unlocking_the_coldkey_does_not_count_against_TimeoutSec()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        // Longer than the whole limit: counted, the attempt would run out before signing (while reading chain state to sign).
        var slowUnlock = Request(Burn, onUnlock: () => Thread.Sleep(TimeSpan.FromSeconds(4)));
        var request = slowUnlock with { Submission = new() { Timeout = TimeSpan.FromSeconds(3) } };

        var outcome = Assert.Single(BurnRegisterWorkflow.Run(n.Chain, request, new RecordingOutput(), CancellationToken.None));

        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
    }

    [Fact]
    public async Task It_follows_the_runtime_so_that_signing_asks_the_node_for_its_runtime_version_zero_times()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        int Calls(string method) => n.Node.Methods.CallCounts.GetValueOrDefault(method);
        int versionsBefore = Calls("state_getRuntimeVersion"), subscriptionsBefore = Calls("state_subscribeRuntimeVersion");
        // The unlock takes as long as the node's first announcement takes to arrive (an argon2i unlock takes seconds).
        var request = Request(Burn, onUnlock: () => SpinWait.SpinUntil(() => n.Chain.Client.FollowsRuntime, TimeSpan.FromSeconds(10)));

        var outcome = Assert.Single(BurnRegisterWorkflow.Run(n.Chain, request, new RecordingOutput(), CancellationToken.None));

        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.Equal(subscriptionsBefore + 1, Calls("state_subscribeRuntimeVersion"));
        Assert.Equal(versionsBefore, Calls("state_getRuntimeVersion"));
    }

    [Fact]
    public async Task Without_a_cap_it_refuses_and_says_the_burn_before_asking_or_unlocking()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        int unlocks = 0;
        var output = new RecordingOutput();
        var ex = Assert.Throws<PowException>(
            () => BurnRegisterWorkflow.Run(n.Chain, Request(null, onUnlock: () => unlocks++), output, CancellationToken.None).ToList());
        Assert.Equal(ErrorIds.PowRegistrationRemoved, ex.Error.Id);
        Assert.Contains("1 TAO", ex.Error.Message);
        Assert.Contains("-MaxCost", ex.Error.RecommendedAction);
        Assert.Empty(output.Questions);
        Assert.Equal(0, unlocks);
    }

    [Fact]
    public async Task With_register_limit_listed_the_coldkey_signs_pays_and_owns_the_hotkey()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        var before = await FreeAsync(n, WorkflowNode.Alice);
        var output = new RecordingOutput();
        int unlocks = 0;

        var outcome = Assert.Single(BurnRegisterWorkflow.Run(n.Chain, Request(Burn, onUnlock: () => unlocks++), output, CancellationToken.None));

        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.Equal((ushort)0, outcome.Uid);
        Assert.Equal(WorkflowNode.Alice.PublicKey, Owner(n, Dave.PublicKey));
        Assert.Equal(before - Burn, await FreeAsync(n, WorkflowNode.Alice));
        Assert.True(output.Said("SubtensorModule.register_limit"), string.Join("\n", output.VerboseLines));
        Assert.Single(output.Questions);
        Assert.Equal(1, unlocks);
        Assert.Empty(output.Warnings);
    }

    [Fact]
    public async Task A_cap_one_rao_below_the_burn_is_refused_by_the_client_and_with_SkipValidation_by_the_chain()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        var before = await FreeAsync(n, WorkflowNode.Alice);
        var output = new RecordingOutput();
        var ex = Assert.Throws<PowException>(() => BurnRegisterWorkflow.Run(n.Chain, Request(Burn - 1), output, CancellationToken.None).ToList());
        Assert.Equal("RegistrationPriceLimitExceeded", ex.Error.Id);
        Assert.Empty(output.Questions);

        var chainSays = Assert.Single(BurnRegisterWorkflow.Run(
            n.Chain, Request(Burn - 1) with { SkipValidation = true }, new RecordingOutput(), CancellationToken.None));
        Assert.Equal(OutcomeStatus.Failed, chainSays.Status);
        Assert.Equal("RegistrationPriceLimitExceeded", chainSays.Error!.Id);
        Assert.Contains("nothing was registered or charged", chainSays.Error.Message);
        Assert.Null(Owner(n, Dave.PublicKey));
        Assert.Equal(before, await FreeAsync(n, WorkflowNode.Alice));
    }

    [Fact]
    public async Task Without_register_limit_burned_register_is_used_after_the_clients_check_and_a_warning_says_so()
    {
        await using var n = await WorkflowNode.StartAsync(WithoutRegisterLimit);
        Assert.False(n.Chain.Client.RuntimeProfile.HasRegisterLimit);
        var refused = new RecordingOutput();
        var ex = Assert.Throws<PowException>(() => BurnRegisterWorkflow.Run(
            n.Chain, Request(Burn - 1) with { SkipValidation = true }, refused, CancellationToken.None).ToList());
        Assert.Equal("RegistrationPriceLimitExceeded", ex.Error.Id);
        Assert.Contains(refused.Warnings, w => w.Contains("checked by this client") && w.Contains("not by the chain"));

        var output = new RecordingOutput();
        var outcome = Assert.Single(BurnRegisterWorkflow.Run(n.Chain, Request(Burn), output, CancellationToken.None));
        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.True(output.Said("SubtensorModule.burned_register"));
        Assert.Equal(WorkflowNode.Alice.PublicKey, Owner(n, Dave.PublicKey));
    }

    [Fact]
    public async Task A_coldkey_short_of_the_burn_is_NotEnoughBalanceToStake_before_and_from_the_chain()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        var ex = Assert.Throws<PowException>(
            () => BurnRegisterWorkflow.Run(n.Chain, Request(Burn, Ferdie), new RecordingOutput(), CancellationToken.None).ToList());
        Assert.Equal("NotEnoughBalanceToStake", ex.Error.Id);

        var outcome = Assert.Single(BurnRegisterWorkflow.Run(
            n.Chain, Request(Burn, Ferdie) with { SkipValidation = true }, new RecordingOutput(), CancellationToken.None));
        Assert.Equal("NotEnoughBalanceToStake", outcome.Error!.Id);
        Assert.Contains("free balance is below", outcome.Error.Message);
    }

    [Fact]
    public async Task Declining_signs_nothing_and_unlocks_nothing()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        int unlocks = 0;
        Assert.Empty(BurnRegisterWorkflow.Run(
            n.Chain, Request(Burn, onUnlock: () => unlocks++), new RecordingOutput { Answer = false }, CancellationToken.None));
        Assert.Equal(0, unlocks);
        Assert.Null(Owner(n, Dave.PublicKey));
    }
}
