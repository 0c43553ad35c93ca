using BittensorPow.DevNode;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// Signing knows the runtime from the node's announcements while a runtime subscription is live, so a drip costs no
/// state_getRuntimeVersion round trip; without one the node is asked; and a transaction signed for a runtime the node
/// has just left is signed again for the new one (DevNode's dev_callCounts counts the calls).
/// </summary>
public sealed class SigningRoundTripTests
{
    private const string GetRuntimeVersion = "state_getRuntimeVersion";
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");

    private static DevNodeOptions Localnet => DevNodeProfiles.Localnet with { BlockMs = 0 };

    private static int Calls(WorkflowNode n, string method) => n.Node.Methods.CallCounts.GetValueOrDefault(method);

    private static async Task FollowAsync(WorkflowNode n)
    {
        n.Chain.FollowRuntime();
        for (int i = 0; i < 200 && !n.Chain.Client.FollowsRuntime; i++) await Task.Delay(50);
        Assert.True(n.Chain.Client.FollowsRuntime, "the node announced its runtime version on the subscription");
    }

    [Fact]
    public async Task A_faucet_drip_with_a_live_runtime_subscription_asks_the_node_for_its_runtime_version_zero_times()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        await FollowAsync(n);
        int before = Calls(n, GetRuntimeVersion);
        var request = new FaucetRequest(Dave.PublicKey, () => Sr25519KeyPair.FromUri("//Dave"), WorkflowNode.Cpu with { ThreadCount = 2 });

        var outcome = Assert.Single(FaucetWorkflow.Run(n.Chain, request, new RecordingOutput(), CancellationToken.None));

        Assert.Equal(OutcomeStatus.Funded, outcome.Status);
        Assert.Equal(before, Calls(n, GetRuntimeVersion));
    }

    [Fact]
    public async Task Without_a_runtime_subscription_signing_asks_the_node_once()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        Assert.False(n.Chain.Client.FollowsRuntime);
        int before = Calls(n, GetRuntimeVersion);

        await SubtensorTransactions.BuildFaucetAsync(n.Chain.Client, Dave, n.Head, 0, new byte[32]);

        Assert.Equal(before + 1, Calls(n, GetRuntimeVersion));
    }

    [Fact]
    public async Task A_transaction_signed_for_the_runtime_the_node_just_left_is_signed_again_for_the_new_one_and_included()
    {
        await using var n = await WorkflowNode.StartAsync(DevNodeProfiles.Localnet with { BlockMs = 0, SpecVersion = 272 });
        await FollowAsync(n);
        var client = n.Chain.Client;
        var alice = WorkflowNode.Alice;
        Task<SignedTransaction> Sign() => SubtensorTransactions.BuildBurnedRegisterAsync(client, alice, Dave.PublicKey, 1);
        var stale = await Sign();
        // The upgrade lands after signing: the pool refuses the signature made for spec 272.
        n.Node.UpgradeRuntime(273, transactionVersion: 3);
        var output = new RecordingOutput();

        var submitted = TransactionRunner.Submit(n.Chain,
            new Submission(stale, WaitFor.InBlock, TimeSpan.FromSeconds(20)) { Resign = () => Sign().GetAwaiter().GetResult() },
            output, CancellationToken.None);

        Assert.Equal(272u, stale.SignedFor!.SpecVersion);
        Assert.Equal(273u, client.RuntimeVersion.SpecVersion);
        Assert.True(output.Said("signing again"), string.Join("\n", output.VerboseLines));
        Assert.NotNull(submitted.BlockHash);
        Assert.NotEqual(stale.HashHex, submitted.ExtrinsicHashHex);
    }
}
