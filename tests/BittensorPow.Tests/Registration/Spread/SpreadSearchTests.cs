using System.Diagnostics;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Registration;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Spread;
using BittensorPow.Registration.Workflows;
using static BittensorPow.Tests.Registration.Spread.HostScripts;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>The spread coordinator driven with scripted hosts: who wins, who is stopped, what is refused, what is an error.</summary>
public sealed class SpreadSearchTests
{
    private static readonly byte[] Hotkey = WorkflowNode.Alice.PublicKey;
    private static readonly byte[] BlockHash = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly LegacyChallenge Work = new(7, BlockHash, Hotkey, SealByteOrder.LittleEndian);
    private static readonly SpreadTarget Offline = SpreadTarget.Offline(new BlockTemplate(Work, new Difficulty(1_000)), "given");

    private const string RefusedWarning = "Host a dropped out of the search: it returned a solution that was refused here (";

    private static SpreadOutcome Run(RecordingOutput output, params FakeHost[] hosts) =>
        SpreadSearch.Run(new SpreadPlan(hosts) { BasePosition = 0 }, Offline, output, CancellationToken.None);

    [Fact]
    public void The_first_solution_wins_and_every_other_host_is_stopped()
    {
        var (a, b, c) = (new FakeHost("a", Searches()), new FakeHost("b", Finds(afterMs: 100)), new FakeHost("c", Searches()));
        var output = new RecordingOutput();
        var outcome = Run(output, a, b, c);
        // Read at once: Stop was asked before Run returned.
        var (stopsA, stopsC) = (a.Stops, c.Stops);

        var s = outcome.Solution;
        Assert.Equal("b", s.ComputerName);
        Assert.True(new BlockTemplate(Work, new Difficulty(1_000)).Verify(s.Nonce, out var seal));
        Assert.Equal(seal, s.Seal);
        Assert.Equal("given", s.SealRule);
        var range = b.Searches[0].Assignment;
        Assert.True(Work.PositionOf(s.Nonce) - range.NonceStart < range.NonceCount, "the winner's nonce lies in its own range");
        Assert.True(stopsA >= 1 && stopsC >= 1, $"every other host is stopped (a {stopsA}, c {stopsC})");
        Assert.True(a.Searches[0].Stopped.IsCancellationRequested && c.Searches[0].Stopped.IsCancellationRequested);
        Assert.Equal(["Stopped", "Found", "Stopped"], outcome.Hosts.Select(h => h.State));
        Assert.All(outcome.Hosts, h => Assert.True(h.RangeReported));
        Assert.Contains(output.VerboseLines, l => l.StartsWith($"[b] found {s}; every other host stopped ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_solution_carries_the_totals_of_every_host()
    {
        var output = new RecordingOutput();
        var outcome = Run(output, new FakeHost("a", Searches()), new FakeHost("b", Finds(afterMs: 200)));
        var stats = outcome.Solution.Statistics!;

        Assert.Equal(outcome.Hosts.Sum(h => (decimal)h.NoncesTried), stats.NoncesTried);
        Assert.True(outcome.Hosts.All(h => h.NoncesTried >= 1_000));
        Assert.Equal(outcome.Hosts.Sum(h => h.HashRate), stats.HashRate);
        Assert.Equal(2, stats.Workers);
        Assert.Equal(Work.BlockNumber, stats.BlockNumber);
    }

    [Fact]
    public void A_host_that_fails_mid_search_is_a_warning_and_the_others_go_on()
    {
        var output = new RecordingOutput();
        var a = new FakeHost("a", Fails(afterMs: 20, "the device fell off the bus", ErrorIds.PowSolveFailed));
        var outcome = Run(output, a, new FakeHost("b", Finds(afterMs: 400)));

        Assert.Equal("b", outcome.Solution.ComputerName);
        Assert.Contains("Host a dropped out of the search: the device fell off the bus", output.Warnings);
        Assert.Equal("the device fell off the bus", outcome.Hosts[0].State);
    }

    [Fact]
    public void A_host_that_cannot_search_is_a_warning_even_when_another_solves_at_once()
    {
        var bare = new FakeHost("bare", Searches(), notReady: "The BittensorPow module is not installed on this host", prepareMs: 300);
        var output = new RecordingOutput();
        var outcome = Run(output, bare, new FakeHost("b", Finds(afterMs: 0)));

        Assert.Equal("b", outcome.Solution.ComputerName);
        Assert.Contains("Host bare dropped out of the search: The BittensorPow module is not installed on this host", output.Warnings);
        Assert.Empty(bare.Searches);
        Assert.Equal("The BittensorPow module is not installed on this host", outcome.Hosts[0].State);
    }

    [Fact]
    public void Every_search_of_a_plan_gets_every_host_ready_again_and_a_host_not_ready_before_may_take_part()
    {
        // As when a stale solution online is searched for again: one plan, two searches. b solves the first, late the second.
        var late = new FakeHost("late", Finds(afterMs: 100), notReady: "could not open a session: Connection refused", notReadyTimes: 1);
        var b = new FakeHost("b", s => s.Index == 0 ? Finds(afterMs: 100)(s) : Searches()(s));
        var plan = new SpreadPlan([late, b]) { BasePosition = 0 };
        var (first, second) = (new RecordingOutput(), new RecordingOutput());

        Assert.Equal("b", SpreadSearch.Run(plan, Offline, first, CancellationToken.None).Solution.ComputerName);
        Assert.Equal(["Host late dropped out of the search: could not open a session: Connection refused"], first.Warnings);
        Assert.Equal("late", SpreadSearch.Run(plan, Offline, second, CancellationToken.None).Solution.ComputerName);
        Assert.Empty(second.Warnings);
        Assert.Single(late.Searches);
        Assert.Equal((2, 2, 2), (late.Prepares.Count, b.Prepares.Count, b.Searches.Count));
    }

    [Fact]
    public async Task Ctrl_C_while_hosts_get_ready_ends_the_search_within_a_second_and_reaches_every_host()
    {
        // A host that takes long to get ready: a session that does not open (an sshd that never answers).
        var (a, b) = (new FakeHost("a", Searches(), prepareMs: 60_000), new FakeHost("b", Searches()));
        using var cts = new CancellationTokenSource();
        var running = Task.Run(() => SpreadSearch.Run(new SpreadPlan([a, b]), Offline, new RecordingOutput(), cts.Token));
        while (a.Prepares.Count == 0) await Task.Delay(10);
        await Task.Delay(100);

        var clock = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the search ended {clock.Elapsed.TotalMilliseconds:F0} ms after Ctrl+C");
        Assert.True(a.Prepares[0].IsCancellationRequested, "the host getting ready was told");
        Assert.Empty(a.Searches);
        Assert.Empty(b.Searches);
    }

    [Fact]
    public void Every_host_failing_is_AllHostsFailed_with_each_reason()
    {
        var (a, b) = (new FakeHost("a", Fails(20, "the session broke")), new FakeHost("b", Fails(40, "no CUDA device", ErrorIds.DeviceNotFound)));
        var ex = Assert.Throws<PowException>(() => Run(new RecordingOutput(), a, b));

        Assert.Equal(ErrorIds.AllHostsFailed, ex.Error.Id);
        Assert.Equal(PowErrorCategory.ConnectionError, ex.Error.Category);
        Assert.Equal("Every host of the spread search dropped out: a: the session broke; b: no CUDA device", ex.Error.Message);
        Assert.True(a.Stops >= 1 && b.Stops >= 1, "no host is left searching");
    }

    [Fact]
    public void Every_host_running_out_of_its_timeout_is_PowSolveTimeout_naming_each_host()
    {
        var ex = Assert.Throws<PowException>(() => Run(new RecordingOutput(),
            new FakeHost("a", Fails(20, "No solution within 2 s", ErrorIds.PowSolveTimeout)),
            new FakeHost("b", Fails(60, "No solution within 2 s", ErrorIds.PowSolveTimeout))));

        Assert.Equal(ErrorIds.PowSolveTimeout, ex.Error.Id);
        Assert.Equal(PowErrorCategory.OperationTimeout, ex.Error.Category);
        Assert.Equal(PowErrorScope.Pipeline, ex.Error.Scope);
        Assert.Equal("-TimeoutSec ran out on every host of the spread search: a: No solution within 2 s; b: No solution within 2 s",
            ex.Error.Message);
    }

    [Fact]
    public void One_host_timing_out_and_another_failing_otherwise_is_AllHostsFailed()
    {
        var ex = Assert.Throws<PowException>(() => Run(new RecordingOutput(),
            new FakeHost("a", Fails(20, "No solution within 2 s", ErrorIds.PowSolveTimeout)), new FakeHost("b", Fails(40, "the session broke"))));
        Assert.Equal(ErrorIds.AllHostsFailed, ex.Error.Id);
    }

    public static TheoryData<string> WrongAnswers =>
        ["a seal that is not the nonce's", "a nonce that does not meet the difficulty", "another block", "an easier difficulty"];

    [Theory]
    [MemberData(nameof(WrongAnswers))]
    public void A_solution_that_does_not_hold_here_is_refused_and_the_others_go_on(string wrong)
    {
        Solution Answer(FakeSearch s)
        {
            var good = Solve(Work, new Difficulty(1_000), s.Assignment.NonceStart);
            return wrong switch
            {
                "a seal that is not the nonce's" => good with { Seal = new byte[32] },
                "a nonce that does not meet the difficulty" => FirstFailing(good),
                "another block" => Solve(Work.ForBlock(8, BlockHash), new Difficulty(1_000), 0),
                _ => Solve(Work, new Difficulty(2), s.Assignment.NonceStart),
            };
        }
        var b = new FakeHost("b", Finds(afterMs: 400));
        var output = new RecordingOutput();
        var outcome = Run(output, new FakeHost("a", Returns(afterMs: 20, Answer)), b);

        Assert.Equal("b", outcome.Solution.ComputerName);
        Assert.Contains(output.Warnings, w => w.StartsWith(RefusedWarning, StringComparison.Ordinal));
        Assert.StartsWith("it returned a solution that was refused here", outcome.Hosts[0].State, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pow_register_seal_is_judged_against_the_whole_challenge_coldkey_included()
    {
        var work = new PowRegisterChallenge(3, 7, BlockHash, Hotkey, WorkflowNode.Bob.PublicKey);
        var target = SpreadTarget.Offline(new BlockTemplate(work, new Difficulty(1_000)), SealRuleChoice.PowRegisterRule);
        var otherColdkey = new PowRegisterChallenge(3, 7, BlockHash, Hotkey, Hotkey);
        var a = new FakeHost("a", Returns(afterMs: 20, s => Solve(otherColdkey, new Difficulty(1_000), s.Assignment.NonceStart)));
        var b = new FakeHost("b", Finds(afterMs: 400));
        var output = new RecordingOutput();
        var outcome = SpreadSearch.Run(new SpreadPlan([a, b]) { BasePosition = 0 }, target, output, CancellationToken.None);

        Assert.Equal("b", outcome.Solution.ComputerName);
        Assert.Equal(work, outcome.Solution.Challenge);
        Assert.Equal((ushort)3, outcome.Solution.NetUid);
        var refused = Assert.Single(output.Warnings, w => w.StartsWith(RefusedWarning, StringComparison.Ordinal));
        Assert.Contains("coldkey", refused, StringComparison.Ordinal);
        // The winner's nonce is the first passing one of its range in the seal's search order.
        Assert.Equal(Solve(work, new Difficulty(1_000), b.Searches[0].Assignment.NonceStart).Nonce, outcome.Solution.Nonce);
    }

    [Fact]
    public async Task A_stale_solution_online_is_searched_for_again_by_that_host()
    {
        await using var n = await WorkflowNode.StartAsync();
        var difficulty = new Difficulty(10_000);
        // First search: the work as handed out, after the chain has moved three blocks on (stale). Second: the head's.
        var a = new FakeHost("a", Returns(afterMs: 20, s =>
        {
            var chain = s.Assignment.Target.Online!.Chain;
            if (s.Index == 0)
            {
                n.Produce(3);
                return Solve(s.Assignment.Target.Challenge, difficulty, s.Assignment.NonceStart);
            }
            var head = chain.Head(CancellationToken.None);
            return Solve(s.Assignment.Target.Challenge.ForBlock(head.Number, head.Hash.AsSpan()), difficulty, s.Assignment.NonceStart);
        }));
        var b = new FakeHost("b", Searches());
        var output = new RecordingOutput();
        var plan = new SpreadPlan([a, b]) { BasePosition = 0 };
        var request = new SolveRequest(PowBackend.Cpu) { Spread = SpreadSearch.Online(plan, output, CancellationToken.None) };
        ulong start = n.Head;

        var solution = await Task.Run(() => OnlineSolve.Run(n.Chain, new OnlineSolveRequest(1, Hotkey, request), output, CancellationToken.None))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(solution);
        Assert.Equal(start + 3, solution.BlockNumber);
        Assert.Equal("a", solution.ComputerName);
        Assert.Equal(2, a.Searches.Count);
        var again = Assert.Single(output.Warnings, w => w.EndsWith("; it searches again.", StringComparison.Ordinal));
        Assert.StartsWith($"Host a returned a solution that is no longer fresh (block {start} is outside the chain's window", again,
            StringComparison.Ordinal);
        Assert.True(b.Stops >= 1);
        Assert.Equal((ushort)1, solution.NetUid);
        Assert.Equal(n.Chain.Endpoint, solution.Endpoint);
        // Online, each host follows the heads itself: it is told the subnet and node, not a block.
        var parameters = a.Searches[0].Assignment.Parameters;
        Assert.Equal((ushort)1, parameters["NetUid"]);
        Assert.Equal(n.Chain.Endpoint, parameters["Endpoint"]);
        Assert.False(parameters.ContainsKey("BlockHash"));
    }

    [Fact]
    public void Progress_is_written_at_most_once_a_second_however_often_hosts_report()
    {
        // Both hosts report every 5 ms (about 400 reports a second between them) for 2.5 s.
        var output = new RecordingOutput();
        var clock = Stopwatch.StartNew();
        Run(output, new FakeHost("a", Searches(everyMs: 5)), new FakeHost("b", Finds(afterMs: 2_500, everyMs: 5)));
        var elapsed = clock.Elapsed;

        var lines = output.ProgressRecords.Where(p => p.ActivityId == ProgressActivity.SpreadSearch && !p.Completed).ToList();
        // An upper bound over the measured window: a slow machine only makes it easier to meet.
        Assert.InRange(lines.Count, 1, (int)Math.Floor(elapsed.TotalSeconds) + 1);
        Assert.Matches(@"^[\d.]+ [kMG]?H/s total, ~ETA \S+ on 2/2 host\(s\), block 7, [\d,]+ nonces tried, [\d.]+ s$", lines[^1].Status);
        Assert.Equal("a 50.00 kH/s, b 50.00 kH/s", lines[^1].CurrentOperation);
        Assert.Single(output.ProgressRecords, p => p.Completed);
    }

    [Fact]
    public async Task Ctrl_C_stops_every_host_within_a_second()
    {
        var (a, b) = (new FakeHost("a", Searches()), new FakeHost("b", Searches()));
        using var cts = new CancellationTokenSource();
        var running = Task.Run(() => SpreadSearch.Run(new SpreadPlan([a, b]), Offline, new RecordingOutput(), cts.Token));
        while (a.Searches.Count == 0 || b.Searches.Count == 0) await Task.Delay(10);
        await Task.Delay(100);

        var clock = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the search ended {clock.Elapsed.TotalMilliseconds:F0} ms after Ctrl+C");
        Assert.True(a.Searches[0].Stopped.IsCancellationRequested && b.Searches[0].Stopped.IsCancellationRequested, "every host was stopped");
    }

    [Fact]
    public void Each_host_gets_its_own_range_and_the_ranges_cover_the_ring()
    {
        var hosts = Enumerable.Range(0, 3).Select(i => new FakeHost($"h{i}", i == 2 ? Finds(afterMs: 50) : Searches())).ToArray();
        SpreadSearch.Run(new SpreadPlan(hosts) { BasePosition = ulong.MaxValue - 5 }, Offline, new RecordingOutput(), CancellationToken.None);

        var assignments = hosts.Select(h => h.Searches[0].Assignment).ToList();
        Assert.Equal(ulong.MaxValue - 5, assignments[0].NonceStart);
        System.Numerics.BigInteger total = 0;
        for (int i = 0; i < assignments.Count; i++)
        {
            var next = assignments[(i + 1) % assignments.Count];
            Assert.Equal(next.NonceStart, unchecked(assignments[i].NonceStart + assignments[i].NonceCount!.Value));
            total += assignments[i].NonceCount!.Value;
            Assert.Equal(assignments[i].NonceStart, assignments[i].Parameters["NonceStart"]);
            Assert.Equal(assignments[i].NonceCount, assignments[i].Parameters["NonceCount"]);
        }
        Assert.Equal(System.Numerics.BigInteger.One << 64, total);
    }

    private static Solution FirstFailing(Solution good)
    {
        var template = good.Template;
        for (ulong nonce = 0; ; nonce++)
            if (!template.Verify(nonce, out var seal)) return good with { Nonce = nonce, Seal = seal };
    }
}
