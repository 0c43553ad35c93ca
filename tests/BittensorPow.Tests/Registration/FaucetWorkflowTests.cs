using BittensorPow.DevNode;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Crypto;

namespace BittensorPow.Tests.Registration;

/// <summary>The faucet against the localnet DevNode (spec 425, blocks on demand): what a drip reports, staleness, FaucetDisabled.</summary>
public sealed class FaucetWorkflowTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private const ulong Paid = 1000 * Tao.RaoPerTao;

    private static DevNodeOptions Localnet => DevNodeProfiles.Localnet with { BlockMs = 0 };

    private static FaucetRequest Request(int count = 1) =>
        new(Dave.PublicKey, () => Sr25519KeyPair.FromUri("//Dave"), WorkflowNode.Cpu with { ThreadCount = 2 }) { Count = count };

    [Fact]
    public async Task A_drip_reports_its_work_block_inclusion_block_amount_and_the_balance_there()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        ulong head = n.Head;
        var outcomes = FaucetWorkflow.Run(n.Chain, Request(2), new RecordingOutput(), CancellationToken.None).ToList();

        Assert.Equal([OutcomeStatus.Funded, OutcomeStatus.Funded], outcomes.Select(o => o.Status));
        Assert.All(outcomes, o => Assert.Equal(Paid, o.AmountRao));
        Assert.Equal(head, outcomes[0].WorkBlock);
        Assert.Equal(head + 1, outcomes[0].InclusionBlock);       // blocks on demand: the submission makes the next one
        Assert.Equal(head + 1, outcomes[1].WorkBlock);
        Assert.Equal(head + 2, outcomes[1].InclusionBlock);
        Assert.Equal(Paid, outcomes[0].FreeRao);
        Assert.Equal(2 * Paid, outcomes[1].FreeRao);
        Assert.All(outcomes, o => Assert.Matches("^0x[0-9a-f]{64}$", o.ExtrinsicHash));
        Assert.All(outcomes, o => Assert.InRange(o.HeadToSubmitted, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Given_an_endpoint_it_connects_to_that_node_itself_and_drips()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        var node = new NodeChoice(n.Node.Endpoint.ToString(), null);
        var request = Request() with { Node = node, Submission = new() { Timeout = TimeSpan.FromSeconds(60) } };
        var output = new RecordingOutput();

        var outcome = Assert.Single(FaucetWorkflow.Run(request, output, CancellationToken.None));

        Assert.Equal((OutcomeStatus.Funded, Paid), (outcome.Status, outcome.FreeRao));
        Assert.True(output.Said($"Connecting to {n.Node.Endpoint}".TrimEnd('/')), string.Join(" | ", output.VerboseLines));
    }

    [Fact]
    public async Task A_solution_that_goes_stale_before_submitting_is_solved_again()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet);
        bool moved = false;
        var output = new RecordingOutput
        {
            OnVerbose = line => { if (!moved && line.Contains("signing faucet")) { moved = true; n.Produce(3); } },
        };
        var outcome = Assert.Single(FaucetWorkflow.Run(n.Chain, Request(), output, CancellationToken.None));
        Assert.Equal(OutcomeStatus.Funded, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(output.Said("went stale"));
    }

    [Fact]
    public async Task FaucetDisabled_says_the_node_lacks_pow_faucet_and_how_local_chains_get_it_and_ends_the_drips()
    {
        await using var n = await WorkflowNode.StartAsync(Localnet with { PowFaucet = false });
        var outcome = Assert.Single(FaucetWorkflow.Run(n.Chain, Request(3), new RecordingOutput(), CancellationToken.None));
        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("FaucetDisabled", outcome.Error!.Id);
        Assert.Contains("built without subtensor's pow-faucet feature", outcome.Error.Message);
        Assert.Contains("scripts/localnet.sh", outcome.Error.Message);
        Assert.Contains("localnet image", outcome.Error.Message);
        Assert.Equal(UInt128.Zero, outcome.FreeRao);
    }
}
