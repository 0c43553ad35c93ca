using BittensorPow.DevNode;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Crypto;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// -TimeoutSec of Register-SubtensorNeuron and Request-SubtensorFaucet bounds each attempt (each drip) from its start to
/// inclusion, every RPC included, and running out names the phase. The RPC's own timeouts (10 s here) and the
/// submitter's are all longer than the 2 s limits below, so each message shows that the attempt's limit ended it.
/// </summary>
public sealed class AttemptTimeoutTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");

    /// <summary>Blocks only on dev_produceBlock: a submission waits in the pool, never included.</summary>
    private static DevNodeOptions NeverIncludes(DevNodeOptions options) => options with { BlockMs = 3_600_000 };

    private static DevNodeOptions Plain => new() { Subnets = [new SubnetSpec(1, 10_000)] };

    private static RegisterRequest Register(double seconds, TimeSpan spentConnecting = default) =>
        new(1, WorkflowNode.Alice, WorkflowNode.Bob.PublicKey, WorkflowNode.Cpu)
        {
            Submission = new() { Timeout = TimeSpan.FromSeconds(seconds), SpentConnecting = spentConnecting },
        };

    private static FaucetRequest Faucet(double seconds) =>
        new(Dave.PublicKey, () => Sr25519KeyPair.FromUri("//Dave"), WorkflowNode.Cpu with { ThreadCount = 2 })
        {
            Submission = new() { Timeout = TimeSpan.FromSeconds(seconds) },
        };

    [Fact]
    public async Task Register_against_a_node_that_never_includes_names_waiting_for_inclusion_and_submits_once()
    {
        await using var n = await WorkflowNode.StartAsync(NeverIncludes(Plain));
        var output = new RecordingOutput();

        var ex = Assert.Throws<PowException>(() => RegisterWorkflow.Run(n.Chain, Register(2), output, CancellationToken.None).ToList());

        Assert.Equal(ErrorIds.SubmissionTimeout, ex.Error.Id);
        Assert.Equal(PowErrorCategory.OperationTimeout, ex.Error.Category);
        Assert.Matches("^-TimeoutSec 2 ran out while waiting for inclusion of "
            + "SubtensorModule\\.register\\(netuid 1, block \\d+\\) 0x[0-9a-f]{64} in a block\\.$", ex.Error.Message);
        Assert.Contains("may still be included", ex.Error.RecommendedAction);
        // The attempt's limit ended the call: no second attempt, no second submission.
        Assert.DoesNotContain(output.VerboseLines, l => l.StartsWith("Attempt 2", StringComparison.Ordinal));
        Assert.Single(n.Node.Chain.Pool.Pending);
    }

    [Fact]
    public async Task Register_against_a_node_that_stops_answering_names_reading_chain_state()
    {
        await using var n = await WorkflowNode.StartAsync(Plain with { BlockMs = 0 });
        await n.Chain.Client.Rpc.CallAsync("dev_setDelay", [int.MaxValue]);

        var ex = Assert.Throws<PowException>(
            () => RegisterWorkflow.Run(n.Chain, Register(2), new RecordingOutput(), CancellationToken.None).ToList());

        Assert.Equal(ErrorIds.RpcTimeout, ex.Error.Id);
        Assert.Equal($"-TimeoutSec 2 ran out while reading the head and subnet 1 from {n.Chain.Endpoint}.", ex.Error.Message);
        Assert.Contains("bounds each attempt, connecting included", ex.Error.RecommendedAction);
    }

    [Fact]
    public async Task The_first_attempt_counts_the_time_spent_connecting()
    {
        // A node that answers at once: only the time already spent can have used up the limit.
        await using var n = await WorkflowNode.StartAsync(Plain with { BlockMs = 0 });

        var ex = Assert.Throws<PowException>(() => RegisterWorkflow.Run(
            n.Chain, Register(2, spentConnecting: TimeSpan.FromSeconds(2)), new RecordingOutput(), CancellationToken.None).ToList());

        Assert.StartsWith("-TimeoutSec 2 ran out while ", ex.Error.Message);
        Assert.Null(await n.Chain.Client.GetUidAsync(1, WorkflowNode.Alice.PublicKey));
    }

    [Fact]
    public async Task A_faucet_drip_against_a_node_that_never_includes_names_waiting_for_inclusion()
    {
        await using var n = await WorkflowNode.StartAsync(NeverIncludes(DevNodeProfiles.Localnet));

        // 8 s: room for solving the faucet's difficulty of 1,000,000 on a busy machine before the wait for inclusion.
        var ex = Assert.Throws<PowException>(() => FaucetWorkflow.Run(n.Chain, Faucet(8), new RecordingOutput(), CancellationToken.None).ToList());

        Assert.Equal(ErrorIds.SubmissionTimeout, ex.Error.Id);
        Assert.Matches("^-TimeoutSec 8 ran out while waiting for inclusion of "
            + "SubtensorModule\\.faucet\\(block \\d+\\) 0x[0-9a-f]{64} in a block\\.$", ex.Error.Message);
        Assert.Contains("bounds each drip", ex.Error.RecommendedAction);
        Assert.Single(n.Node.Chain.Pool.Pending);
    }

    [Fact]
    public async Task A_faucet_drip_against_a_node_that_stops_answering_names_reading_chain_state()
    {
        await using var n = await WorkflowNode.StartAsync(DevNodeProfiles.Localnet with { BlockMs = 0 });
        await n.Chain.Client.Rpc.CallAsync("dev_setDelay", [int.MaxValue]);

        var ex = Assert.Throws<PowException>(() => FaucetWorkflow.Run(n.Chain, Faucet(2), new RecordingOutput(), CancellationToken.None).ToList());

        Assert.Equal(ErrorIds.RpcTimeout, ex.Error.Id);
        Assert.Equal($"-TimeoutSec 2 ran out while reading the account nonce and head from {n.Chain.Endpoint}.", ex.Error.Message);
    }
}
