using BittensorPow.Engine.Solving;
using BittensorPow.Engine;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Tests.Registration;

/// <summary>The solving workflows driven directly: following heads, and the back-end faults the solver must survive.</summary>
public sealed class SolveWorkflowTests
{
    private static readonly byte[] Hotkey = WorkflowNode.Alice.PublicKey;
    private static readonly BlockHash SomeBlock = BlockHash.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static SolveRequest With(params ScriptedSearcher[] searchers) =>
        new(global::BittensorPow.Engine.Backends.PowBackend.Cpu, Options: new SolverOptions { NonceStart = 0 }) { Searchers = () => searchers };

    [Fact]
    public async Task Online_solve_follows_new_heads_and_solves_on_the_newest()
    {
        await using var n = await WorkflowNode.StartAsync();
        ulong start = n.Head;
        // Finds nothing until the template is two heads on, then answers honestly.
        var searcher = new ScriptedSearcher((_, t, s, c, ct) =>
        {
            if (t.BlockNumber < start + 2) { Thread.Sleep(5); return (false, 0); }
            return ScriptedSearcher.FirstPassing(t, s, c);
        });
        var output = new RecordingOutput();
        var solving = Task.Run(() => OnlineSolve.Run(n.Chain, new OnlineSolveRequest(1, Hotkey, With(searcher)), output, CancellationToken.None));
        Assert.True(await output.WaitForAsync("Nonces start at", TimeSpan.FromSeconds(10)));
        n.Produce(1);
        Assert.True(await output.WaitForAsync($"New head #{start + 1}", TimeSpan.FromSeconds(10)));
        n.Produce(1);
        var solution = await solving.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotNull(solution);
        Assert.Equal(start + 2, solution.BlockNumber);
        Assert.Equal(n.Node.Chain.ByNumber(start + 2)!.Hash, solution.BlockHash.ToArray());
        Assert.True(solution.Statistics!.BlocksSeen >= 3);
        Assert.True(new BlockTemplate(new LegacyChallenge(solution.BlockNumber, solution.BlockHash.AsSpan(), Hotkey, solution.ByteOrder),
            solution.Difficulty).Verify(solution.Nonce, out var seal));
        Assert.Equal(seal, solution.Seal);
    }

    [Fact]
    public void A_wrong_nonce_from_a_device_is_counted_as_a_fault_and_the_search_goes_on()
    {
        var searcher = new ScriptedSearcher((self, t, s, c, ct) =>
            self.Calls == 1 ? (true, ScriptedSearcher.FirstFailing(t, s)) : ScriptedSearcher.FirstPassing(t, s, c));
        var output = new RecordingOutput();
        var solution = OfflineSolve.Run(
            new OfflineSolveRequest(
                new WorkBinding(SealScheme.Legacy, 7, SomeBlock, Hotkey) { SealByteOrder = SealByteOrder.LittleEndian },
                1_000, With(searcher)),
            output, CancellationToken.None);

        Assert.Equal(1, solution.Statistics!.DeviceFaults);
        Assert.True(output.Said("Device fault: Scripted reported nonce"));
        Assert.True(new BlockTemplate(new LegacyChallenge(7, SomeBlock.AsSpan(), Hotkey, SealByteOrder.LittleEndian),
            new Difficulty(1_000)).Verify(solution.Nonce, out _));
    }

    [Fact]
    public void A_worker_that_throws_ends_the_solve_with_PowSolveFailed()
    {
        var searcher = new ScriptedSearcher((_, _, _, _, _) => throw new InvalidOperationException("the device fell off the bus"));
        var ex = Assert.Throws<PowException>(() =>
            OfflineSolve.Run(
                new OfflineSolveRequest(new WorkBinding(SealScheme.Legacy, 7, SomeBlock, Hotkey), 1_000, With(searcher)),
                new RecordingOutput(), CancellationToken.None));
        Assert.Equal(ErrorIds.PowSolveFailed, ex.Error.Id);
        Assert.Contains("the device fell off the bus", ex.Error.Message);
    }

    [Fact]
    public void Difficulty_zero_is_refused_before_any_work()
    {
        var searcher = new ScriptedSearcher((_, _, _, _, _) => throw new InvalidOperationException("must not run"));
        var ex = Assert.Throws<PowException>(() =>
            OfflineSolve.Run(
                new OfflineSolveRequest(new WorkBinding(SealScheme.Legacy, 7, SomeBlock, Hotkey), 0, With(searcher)),
                new RecordingOutput(), CancellationToken.None));
        Assert.Equal(ErrorIds.ZeroDifficulty, ex.Error.Id);
        Assert.Equal(0, searcher.Calls);
    }

    [Fact]
    public async Task A_hit_for_a_template_that_left_the_window_while_in_flight_is_discarded()
    {
        await using var n = await WorkflowNode.StartAsync();
        ulong start = n.Head;
        using var release = new ManualResetEventSlim();
        var searcher = new ScriptedSearcher((_, t, s, c, ct) =>
        {
            if (t.BlockNumber == start)
            {
                release.Wait(ct);                       // the hit is "in flight" while the chain moves on
                return ScriptedSearcher.FirstPassing(t, s, 1_000_000);
            }
            return ScriptedSearcher.FirstPassing(t, s, c);
        });
        var output = new RecordingOutput();
        var solving = Task.Run(() => OnlineSolve.Run(n.Chain, new OnlineSolveRequest(1, Hotkey, With(searcher)), output, CancellationToken.None));
        Assert.True(await output.WaitForAsync("Nonces start at", TimeSpan.FromSeconds(10)));
        n.Produce(3);
        Assert.True(await output.WaitForAsync($"New head #{start + 3}", TimeSpan.FromSeconds(10)));
        release.Set();
        var solution = await solving.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(output.Said($"Discarded nonce"), string.Join("\n", output.VerboseLines));
        Assert.NotNull(solution);
        Assert.False(Staleness.IsStale(solution.BlockNumber, n.Head));
        Assert.True(solution.BlockNumber > start);
    }
}
