using BittensorPow.DevNode;
using BittensorPow.Engine;
using BittensorPow.Engine.Backends;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Workflows;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// The node upgrades its runtime (DevNodeServer.UpgradeRuntime, what dev_upgradeRuntime calls) while a workflow runs:
/// the seal rule follows the new runtime, a runtime whose register ignores work stops the search, and what is signed
/// is signed for the runtime the node runs when it is submitted.
/// </summary>
public sealed class RuntimeUpgradeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static DevNodeOptions At(uint spec) => new() { BlockMs = 0, SpecVersion = spec, Subnets = [new SubnetSpec(1, 10_000)] };

    private static SolveRequest With(ScriptedSearcher searcher) =>
        new(PowBackend.Cpu, Options: new SolverOptions { NonceStart = 0, Timeout = Limit }) { Searchers = () => [searcher] };

    private static RegisterRequest Register(SolveRequest solve) => new(1, WorkflowNode.Alice, WorkflowNode.Bob.PublicKey, solve);

    [Fact]
    public async Task An_upgrade_from_spec_271_to_272_mid_solve_switches_the_seal_rule_and_the_registration_passes()
    {
        await using var n = await WorkflowNode.StartAsync(At(271));
        int upgrades = 0;
        // Under the big-endian rule it finds nothing and upgrades the node once; only little-endian work is answered.
        var searcher = new ScriptedSearcher((_, t, s, c, ct) =>
        {
            if (t.ByteOrder == SealByteOrder.LittleEndian) return ScriptedSearcher.FirstPassing(t, s, c);
            if (Interlocked.Increment(ref upgrades) == 1) n.Node.UpgradeRuntime(272);
            Thread.Sleep(5);
            return (false, 0);
        });
        var output = new RecordingOutput();

        var outcome = Assert.Single(RegisterWorkflow.Run(n.Chain, Register(With(searcher)), output, CancellationToken.None).ToList());

        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.True(output.Said("upgraded its runtime from spec 271 to spec 272"), string.Join("\n", output.VerboseLines));
        Assert.True(output.Said("Seal byte order now LittleEndian from the next template on"));
        Assert.Equal(272u, n.Chain.Client.RuntimeProfile.SpecVersion);
    }

    [Fact]
    public async Task An_upgrade_to_a_runtime_whose_register_burns_stops_the_search()
    {
        await using var n = await WorkflowNode.StartAsync(At(396));
        int calls = 0;
        var searcher = new ScriptedSearcher((_, _, _, _, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1) n.Node.UpgradeRuntime(397);
            Thread.Sleep(5);
            return (false, 0);
        });
        var started = DateTime.UtcNow;

        var e = Assert.Throws<PowException>(
            () => RegisterWorkflow.Run(n.Chain, Register(With(searcher)), new RecordingOutput(), CancellationToken.None).ToList());

        Assert.Equal(ErrorIds.PowRegistrationRemovedDuringSolve, e.Error.Id);
        Assert.Equal(PowErrorCategory.InvalidOperation, e.Error.Category);
        Assert.Contains("from spec 396 to spec 397", e.Error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "stopped by the upgrade, not by the solve's timeout");
        Assert.Null(await n.Chain.Client.GetUidAsync(1, WorkflowNode.Alice.PublicKey));
    }

    [Fact]
    public async Task A_register_is_signed_for_the_runtime_the_node_runs_when_it_is_submitted()
    {
        await using var n = await WorkflowNode.StartAsync(At(300));
        var solution = OnlineSolve.Run(n.Chain, new OnlineSolveRequest(1, WorkflowNode.Alice.PublicKey, WorkflowNode.Cpu),
            new RecordingOutput(), CancellationToken.None)!;
        // No solve is running, so nothing follows the runtime: only signing can notice the new spec and transaction version.
        n.Node.UpgradeRuntime(301, transactionVersion: 2);
        Assert.Equal(300u, n.Chain.Client.RuntimeVersion.SpecVersion);

        var outcome = Assert.Single(RegisterWorkflow.Run(
            n.Chain, Register(WorkflowNode.Cpu) with { Solution = solution }, new RecordingOutput(), CancellationToken.None).ToList());

        Assert.Equal(OutcomeStatus.Registered, outcome.Status);
        Assert.Equal(301u, n.Chain.Client.RuntimeVersion.SpecVersion);
        Assert.Equal(2u, n.Chain.Client.RuntimeVersion.TransactionVersion);
    }

    [Fact]
    public async Task A_faucet_drip_across_an_upgrade_is_signed_for_the_new_runtime()
    {
        await using var n = await WorkflowNode.StartAsync(At(272));
        int upgrades = 0;
        // The upgrade lands as the solution is found: between the solve and the signing.
        var searcher = new ScriptedSearcher((_, t, s, c, ct) =>
        {
            if (Interlocked.Increment(ref upgrades) == 1) n.Node.UpgradeRuntime(273, transactionVersion: 3);
            return ScriptedSearcher.FirstPassing(t, s, c);
        });
        var request = new FaucetRequest(WorkflowNode.Alice.PublicKey,
            () => BittensorPow.Subtensor.Crypto.Sr25519KeyPair.FromUri("//Alice"), With(searcher))
        { Submission = new() { MaxAttempts = 1 } };

        var outcome = Assert.Single(FaucetWorkflow.Run(n.Chain, request, new RecordingOutput(), CancellationToken.None).ToList());

        Assert.Equal(OutcomeStatus.Funded, outcome.Status);
        Assert.Equal(3u, n.Chain.Client.RuntimeVersion.TransactionVersion);
    }
}
