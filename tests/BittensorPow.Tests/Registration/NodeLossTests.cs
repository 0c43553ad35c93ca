using System.Diagnostics;
using BittensorPow.DevNode;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Engine;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// A node that goes away (issue 20): killed mid-solve, mid-submit and between the two, then started again on the same
/// port as a fresh chain — or not. The solve warns at once, pauses once its work is stale, follows a restarted chain from
/// its head whatever its number, and ends with NodeLost when the node stays away; a proof is never submitted twice.
/// </summary>
public sealed class NodeLossTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    /// <summary>Hashes nothing (a round is a short sleep), unless the work is easy: then it answers honestly.</summary>
    private static ScriptedSearcher Counting() => new((_, t, s, c, ct) =>
    {
        if (t.Difficulty.Value <= 1_000) return ScriptedSearcher.FirstPassing(t, s, c);
        Thread.Sleep(2);
        return (false, 0);
    });

    private static SolveRequest With(ScriptedSearcher searcher) =>
        new(PowBackend.Cpu, Options: new SolverOptions { NonceStart = 0 }) { Searchers = () => [searcher] };

    [Fact]
    public async Task Killed_mid_solve_it_warns_at_once_pauses_once_stale_and_solves_on_the_restarted_chains_head()
    {
        // 150 ms blocks: the pace is known within a second; the first chain is taken well past where the second starts.
        await using var n = await RestartableNode.StartAsync(new DevNodeOptions { BlockMs = 150, Subnets = [new SubnetSpec(1, ulong.MaxValue)] });
        for (int i = 0; i < 30; i++) n.Node.Chain.ProduceBlock();
        var output = new RecordingOutput();
        using var chain = n.Connect(output, TimeSpan.FromSeconds(30));
        var head = chain.Head(CancellationToken.None);
        var searcher = Counting();
        var source = new SubnetTemplateSource(chain.Client, 1, new BlockTemplate(
            new LegacyChallenge(head.Number, head.Hash.AsSpan(), WorkflowNode.Alice.PublicKey, SealByteOrder.BigEndian),
            new Difficulty(ulong.MaxValue)), CancellationToken.None);
        var following = new HeadFollowing(source, With(searcher), SolvePurpose.Register) { NetUid = 1, SealRule = "test" };
        var solving = Task.Run(() => OnlineSolve.FollowingHeads(chain, following, output, CancellationToken.None));
        Assert.True(await DevNodeHarness.EventuallyAsync(() => source.BlockTime is not null, Within), "no pace from the heads");
        ulong before = source.Head;

        var killed = Stopwatch.StartNew();
        await n.KillAsync();
        Assert.True(await DevNodeHarness.EventuallyAsync(() => !output.Warnings.IsEmpty, TimeSpan.FromSeconds(2)),
            "no warning within 2 s of the drop");
        string warning = Assert.Single(output.Warnings);
        Assert.Contains(n.Endpoint.TrimEnd('/'), warning);
        Assert.Matches(@"while solving registration work for subnet 1 on block #\d+ \(difficulty", warning);

        // Paused once the work is stale at the pace seen (a few 150 ms blocks): the rounds stop.
        Assert.True(await DevNodeHarness.EventuallyAsync(() => !source.Gate.IsOpen, Within), "the workers never paused");
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(5), $"paused only after {killed.Elapsed}");
        await Task.Delay(200); // a round under way ends
        int calls = Volatile.Read(ref searcher.Calls);
        await Task.Delay(500);
        Assert.Equal(calls, Volatile.Read(ref searcher.Calls));
        Assert.True(output.Said("the workers pause"));

        // Back on the same port as a new chain (blocks from 0) whose subnet is easy: solved there, on its head.
        await n.RestartAsync(o => o with { Subnets = [new SubnetSpec(1, 100)] });
        var solution = await solving.WaitAsync(Within);
        Assert.True(solution.BlockNumber < before, $"solved on block {solution.BlockNumber}, not below {before}");
        Assert.Equal(n.Node.Chain.ByNumber(solution.BlockNumber)!.HashHex, solution.BlockHash.ToString());
        Assert.True(solution.Template.Verify(solution.Nonce, out _));
        Assert.Contains(output.VerboseLines, l => l.StartsWith($"Reconnected to {n.Endpoint.TrimEnd('/')}", StringComparison.Ordinal));
        Assert.True(output.Said("its chain started again"));
    }

    [Fact]
    public async Task Not_restarted_the_solve_ends_with_NodeLost_after_the_reconnect_limit_and_its_workers_stop()
    {
        await using var n = await RestartableNode.StartAsync(new DevNodeOptions { BlockMs = 150, Subnets = [new SubnetSpec(1, ulong.MaxValue)] });
        var output = new RecordingOutput();
        using var chain = n.Connect(output, TimeSpan.FromSeconds(1));
        var searcher = Counting();
        var solving = Task.Run(() => OnlineSolve.Run(
            chain, new OnlineSolveRequest(1, WorkflowNode.Alice.PublicKey, With(searcher)), output, CancellationToken.None));
        Assert.True(await DevNodeHarness.EventuallyAsync(() => searcher.Calls > 10, Within), "the search never started");

        var killed = Stopwatch.StartNew();
        await n.KillAsync();
        var ex = await Assert.ThrowsAsync<PowException>(() => solving.WaitAsync(Within));
        Assert.Equal(ErrorIds.NodeLost, ex.Error.Id);
        Assert.Equal(PowErrorCategory.ConnectionError, ex.Error.Category);
        Assert.InRange(killed.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
        Assert.Matches(@"^The node at ws://127\.0\.0\.1:\d+/? is gone: the connection dropped while solving registration work "
            + @"for subnet 1 on block #\d+ .*, and it did not come back within the reconnect limit of 1 s\.", ex.Message);
        int calls = Volatile.Read(ref searcher.Calls);
        await Task.Delay(300);
        Assert.Equal(calls, Volatile.Read(ref searcher.Calls)); // every worker has ended
    }

    [Fact]
    public async Task A_drop_between_the_solve_and_its_submission_submits_the_proof_once()
    {
        await using var n = await RestartableNode.StartAsync(new DevNodeOptions { BlockMs = 0, Subnets = [new SubnetSpec(1, 100)] });
        // On the workflow's own thread, right after the checks and before signing: the connection is cut there.
        var output = new RecordingOutput
        {
            OnVerbose = line => { if (line.Contains("signing register", StringComparison.Ordinal)) n.Node.DropConnections(); }
        };
        using var chain = n.Connect(output, TimeSpan.FromSeconds(30));
        var request = new RegisterRequest(1, WorkflowNode.Alice, WorkflowNode.Bob.PublicKey, WorkflowNode.Cpu);

        var outcome = Assert.Single(RegisterWorkflow.Run(chain, request, output, CancellationToken.None).ToList());
        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.Equal(2, n.Node.ConnectionsAccepted); // the drop happened, and the session came back
        Assert.Equal(1, n.Node.Methods.CallCounts["author_submitAndWatchExtrinsic"]);
        Assert.Empty(n.Node.DispatchFailures.All);
    }

    [Fact]
    public async Task Killed_between_the_solve_and_its_submission_and_restarted_the_proof_is_solved_anew_on_the_new_chain()
    {
        await using var n = await RestartableNode.StartAsync(new DevNodeOptions { BlockMs = 0, Subnets = [new SubnetSpec(1, 100)] });
        for (int i = 0; i < 20; i++) n.Node.Chain.ProduceBlock();
        var first = n.Node;
        var output = new RecordingOutput
        {
            OnVerbose = line =>
            {
                if (!line.Contains("signing register", StringComparison.Ordinal) || n.Node != first) return;
                n.KillAsync().GetAwaiter().GetResult();
                n.RestartAsync().GetAwaiter().GetResult();
            },
        };
        using var chain = n.Connect(output, TimeSpan.FromSeconds(30));
        var request = new RegisterRequest(1, WorkflowNode.Alice, WorkflowNode.Bob.PublicKey, WorkflowNode.Cpu);

        var outcome = Assert.Single(RegisterWorkflow.Run(chain, request, output, CancellationToken.None).ToList());
        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(outcome.BlockNumber < 20, $"the proof was for block {outcome.BlockNumber}: not the new chain's");
        Assert.False(first.Methods.CallCounts.ContainsKey("author_submitAndWatchExtrinsic"));
        Assert.Equal(1, n.Node.Methods.CallCounts["author_submitAndWatchExtrinsic"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Killed_after_submission_before_inclusion_the_register_is_NodeLost_not_SubmissionTimeout(bool timeoutFirst)
    {
        // Blocks never come: the extrinsic waits in the pool when the node dies.
        await using var n = await RestartableNode.StartAsync(new DevNodeOptions { BlockMs = 3_600_000, Subnets = [new SubnetSpec(1, 100)] });
        var output = new RecordingOutput
        {
            OnVerbose = line =>
            {
                if (line.StartsWith("Submitted 0x", StringComparison.Ordinal)) n.KillAsync().GetAwaiter().GetResult();
            }
        };
        using var chain = n.Connect(output, TimeSpan.FromSeconds(timeoutFirst ? 30 : 1));
        var request = new RegisterRequest(1, WorkflowNode.Alice, WorkflowNode.Bob.PublicKey, WorkflowNode.Cpu)
        {
            Submission = new() { Timeout = TimeSpan.FromSeconds(timeoutFirst ? 4 : 60) },
        };

        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<PowException>(() => RegisterWorkflow.Run(chain, request, output, CancellationToken.None).ToList());
        Assert.Equal(ErrorIds.NodeLost, ex.Error.Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains("the connection dropped while waiting for inclusion of SubtensorModule.register", ex.Message);
        Assert.Contains(timeoutFirst ? "-TimeoutSec 4 ran out while it was away" : "did not come back within the reconnect limit of 1 s", ex.Message);
        Assert.Contains("may still be included", ex.Message);
        Assert.Contains(output.Warnings, w => w.Contains("while waiting for inclusion of SubtensorModule.register", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Killed_after_a_drip_was_submitted_the_faucet_is_NodeLost()
    {
        await using var n = await RestartableNode.StartAsync(DevNodeProfiles.Localnet with { BlockMs = 3_600_000 });
        var output = new RecordingOutput
        {
            OnVerbose = line =>
            {
                if (line.StartsWith("Submitted 0x", StringComparison.Ordinal)) n.KillAsync().GetAwaiter().GetResult();
            }
        };
        using var chain = n.Connect(output, TimeSpan.FromSeconds(1));
        var request = new FaucetRequest(WorkflowNode.Bob.PublicKey, () => Sr25519KeyPair.FromUri("//Bob"), WorkflowNode.Cpu with { ThreadCount = 2 });

        var ex = Assert.Throws<PowException>(() => FaucetWorkflow.Run(chain, request, output, CancellationToken.None).ToList());
        Assert.Equal(ErrorIds.NodeLost, ex.Error.Id);
        Assert.Contains("waiting for inclusion of SubtensorModule.faucet", ex.Message);
    }
}
