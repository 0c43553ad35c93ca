using BittensorPow.Engine;
using BittensorPow.Registration.Chain;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Spread;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Tests.Registration.Spread;
using static BittensorPow.Tests.Registration.Spread.HostScripts;

namespace BittensorPow.Tests.Registration;

/// <summary>New-PowSolution's choice (offline or online, here or spread) and Test-PowSolution's one record against a node.</summary>
public sealed class NewSolutionTests
{
    private static readonly byte[] Hotkey = WorkflowNode.Alice.PublicKey;
    private static readonly BlockHash Hash = BlockHash.FromBytes([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    private static readonly WorkBinding Work = new(SealScheme.Legacy, 7, Hash, Hotkey) { SealByteOrder = SealByteOrder.LittleEndian };

    [Fact]
    public void Offline_work_is_solved_here_or_by_the_first_host_that_finds_it()
    {
        var offline = new OfflineSolveRequest(Work, 1_000, WorkflowNode.Cpu);
        var template = new BlockTemplate(Work.ToChallenge().Challenge, new Difficulty(1_000));

        var (here, noSpread) = NewSolution.Run(new NewSolutionRequest { Offline = offline }, new RecordingOutput(), CancellationToken.None);
        var hosts = new SpreadPlan([new FakeHost("a", Searches()), new FakeHost("b", Finds(afterMs: 50))]) { BasePosition = 0 };
        var (spread, outcome) = NewSolution.Run(new NewSolutionRequest { Offline = offline, Spread = hosts }, new RecordingOutput(),
            CancellationToken.None);

        Assert.True(template.Verify(here!.Nonce, out _));
        Assert.Null(noSpread);
        Assert.True(template.Verify(spread!.Nonce, out _));
        Assert.Equal("b", spread.ComputerName);
        Assert.Equal(["Stopped", "Found"], outcome!.Hosts.Select(h => h.State));
    }

    [Fact]
    public void A_coldkey_for_the_legacy_seal_is_refused_before_any_work_because_that_seal_binds_none()
    {
        var output = new RecordingOutput();
        var offline = new OfflineSolveRequest(Work with { Coldkey = Hotkey }, 1_000, WorkflowNode.Cpu);

        var ex = Assert.Throws<PowException>(() => NewSolution.Run(new NewSolutionRequest { Offline = offline }, output, CancellationToken.None));

        Assert.Equal((ErrorIds.ConflictingParameters, PowErrorCategory.InvalidArgument), (ex.Error.Id, ex.Error.Category));
        Assert.Contains("-Scheme PowRegisterV1", ex.Error.RecommendedAction);
        Assert.Empty(output.VerboseLines);
    }

    [Fact]
    public async Task Online_work_connects_to_the_node_it_names_and_solves_for_its_head()
    {
        await using var node = await WorkflowNode.StartAsync();
        var request = new NewSolutionRequest
        {
            Online = new OnlineSolveRequest(1, Hotkey, WorkflowNode.Cpu), Node = new NodeChoice(node.Node.Endpoint.ToString(), null),
            Timeout = TimeSpan.FromSeconds(60),
        };

        var (solution, spread) = NewSolution.Run(request, new RecordingOutput(), CancellationToken.None);

        Assert.Null(spread);
        Assert.Equal(((ushort?)1, node.Head), (solution!.NetUid, solution.BlockNumber));
        Assert.True(solution.Template.Verify(solution.Nonce, out _));
    }

    [Fact]
    public async Task Checks_against_a_node_share_one_connection_and_judge_staleness_by_its_head()
    {
        await using var node = await WorkflowNode.StartAsync();
        var head = node.Chain.Head(CancellationToken.None);
        var work = new WorkBinding(SealScheme.Legacy, head.Number, head.Hash, Hotkey) { SealByteOrder = SealByteOrder.LittleEndian };
        var found = Solve(work.ToChallenge().Challenge, new Difficulty(100), 0);
        using var sessions = new ChainSessions();
        var request = new SolutionCheckRequest(work, 100, found.Nonce, sessions)
        {
            Endpoint = node.Node.Endpoint.ToString(), ClaimedSeal = found.Seal,
        };

        var fresh = SolutionCheck.Run(request, new RecordingOutput(), CancellationToken.None);
        node.Produce(3);
        var stale = SolutionCheck.Run(request, new RecordingOutput(), CancellationToken.None);
        var offline = SolutionCheck.Run(request with { Endpoint = null }, new RecordingOutput(), CancellationToken.None);

        Assert.Equal((true, false, true), (fresh.IsValid, fresh.Head?.IsStale, fresh.SealMatches));
        Assert.Equal((false, true, head.Number + 3), (stale.IsValid, stale.Head?.IsStale, stale.Head?.CurrentBlock));
        Assert.Equal((true, null), (offline.IsValid, offline.Head?.IsStale));
        Assert.Equal(1, sessions.Opened);
    }

    [Fact]
    public async Task A_pipeline_that_mixes_two_nodes_keeps_one_connection_to_each()
    {
        await using var first = await WorkflowNode.StartAsync();
        await using var second = await WorkflowNode.StartAsync();
        using var sessions = new ChainSessions();
        using var deadline = new CallDeadline(TimeSpan.FromSeconds(30), CancellationToken.None);
        string a = first.Node.Endpoint.ToString(), b = second.Node.Endpoint.ToString();

        var seen = new[] { a, b, a.ToUpperInvariant(), b }
            .Select(e => sessions.Get(new NodeChoice(e, null), new RecordingOutput(), deadline)).ToList();

        Assert.Equal(2, sessions.Opened);
        Assert.Same(seen[0], seen[2]);
        Assert.Same(seen[1], seen[3]);
        Assert.NotSame(seen[0], seen[1]);
    }
}
