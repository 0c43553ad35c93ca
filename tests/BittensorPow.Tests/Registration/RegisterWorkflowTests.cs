using BittensorPow.DevNode;
using BittensorPow.Engine;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Tests.Registration;

/// <summary>Register-SubtensorNeuron's workflow against the DevNode: pre-checks, the staleness re-checks, retries.</summary>
public sealed class RegisterWorkflowTests
{
    private static readonly byte[] Coldkey = WorkflowNode.Bob.PublicKey;

    private static RegisterRequest Request(ushort netUid, Solution? solution = null) =>
        new(netUid, WorkflowNode.Alice, Coldkey, WorkflowNode.Cpu) { Solution = solution };

    private static Solution SolveNow(WorkflowNode n, ushort netUid = 1) =>
        OnlineSolve.Run(n.Chain, new OnlineSolveRequest(netUid, WorkflowNode.Alice.PublicKey, WorkflowNode.Cpu),
            new RecordingOutput(), CancellationToken.None)!;

    [Fact]
    public async Task Solves_and_registers()
    {
        await using var n = await WorkflowNode.StartAsync();
        var output = new RecordingOutput();
        var outcomes = RegisterWorkflow.Run(n.Chain, Request(1), output, CancellationToken.None).ToList();

        var o = Assert.Single(outcomes);
        Assert.Equal(OutcomeStatus.Registered, o.Status);
        Assert.Equal(1, o.Attempts);
        Assert.Equal((ushort)0, o.Uid);
        Assert.Equal((ushort)0, await n.Chain.Client.GetUidAsync(1, WorkflowNode.Alice.PublicKey));
        Assert.Single(output.Questions); // asked once, before any work
    }

    [Fact]
    public async Task Declining_the_question_does_no_work()
    {
        await using var n = await WorkflowNode.StartAsync();
        var output = new RecordingOutput { Answer = false };
        Assert.Empty(RegisterWorkflow.Run(n.Chain, Request(1), output, CancellationToken.None));
        Assert.False(output.Said("solving for subnet"));
        Assert.Null(await n.Chain.Client.GetUidAsync(1, WorkflowNode.Alice.PublicKey));
    }

    [Theory]
    [InlineData(9, ErrorIds.SubnetNotFound)]
    [InlineData(2, ErrorIds.RegistrationClosed)]
    [InlineData(3, ErrorIds.PowRegistrationClosed)]
    public async Task Pre_checks_refuse_before_solving(ushort netUid, string id)
    {
        await using var n = await WorkflowNode.StartAsync();
        var ex = Assert.Throws<PowException>(
            () => RegisterWorkflow.Run(n.Chain, Request(netUid), new RecordingOutput(), CancellationToken.None).ToList());
        Assert.Equal(id, ex.Error.Id);
    }

    [Fact]
    public async Task An_already_registered_hotkey_is_a_warning_and_nothing_is_submitted()
    {
        await using var n = await WorkflowNode.StartAsync(new DevNodeOptions
        {
            BlockMs = 0, Subnets = [new SubnetSpec(1, 10_000)], Registered = [new RegisteredHotkey(1, WorkflowNode.Alice.PublicKey)],
        });
        var output = new RecordingOutput();
        Assert.Empty(RegisterWorkflow.Run(n.Chain, Request(1), output, CancellationToken.None));
        Assert.Contains(output.Warnings, w => w.Contains("already registered on subnet 1 as uid 0"));
    }

    [Fact]
    public async Task A_solution_for_another_hotkey_is_HotkeyMismatch()
    {
        await using var n = await WorkflowNode.StartAsync();
        var mine = SolveNow(n);
        var theirs = mine with
        {
            Challenge = new LegacyChallenge(mine.BlockNumber, mine.Challenge.BlockHash, WorkflowNode.Bob.PublicKey, mine.ByteOrder)
        };
        var ex = Assert.Throws<PowException>(
            () => RegisterWorkflow.Run(n.Chain, Request(1, theirs), new RecordingOutput(), CancellationToken.None).ToList());
        Assert.Equal(ErrorIds.HotkeyMismatch, ex.Error.Id);
    }

    [Fact]
    public async Task A_solution_one_block_behind_the_head_is_submitted_as_it_is()
    {
        await using var n = await WorkflowNode.StartAsync();
        var solution = SolveNow(n);
        n.Produce(1); // head = block + 1: the executing block is 2 ahead, still inside the window
        var o = Assert.Single(RegisterWorkflow.Run(n.Chain, Request(1, solution), new RecordingOutput(), CancellationToken.None));
        Assert.Equal((OutcomeStatus.Registered, 1, solution.BlockNumber), (o.Status, o.Attempts, o.BlockNumber));
    }

    [Fact]
    public async Task A_solution_two_blocks_behind_the_head_is_solved_again()
    {
        await using var n = await WorkflowNode.StartAsync();
        var solution = SolveNow(n);
        n.Produce(2); // the executing block would be 3 ahead: InvalidWorkBlock
        var output = new RecordingOutput();
        var o = Assert.Single(RegisterWorkflow.Run(n.Chain, Request(1, solution), output, CancellationToken.None));
        Assert.Equal((OutcomeStatus.Registered, 2), (o.Status, o.Attempts));
        Assert.True(o.BlockNumber > solution.BlockNumber);
        Assert.True(output.Said("stale; solving again"));
    }

    [Fact]
    public async Task A_solution_that_goes_stale_between_the_checks_and_submitting_is_solved_again()
    {
        WorkflowNode? node = null;
        // The chain moves on while the first solution is being signed.
        var output = RecordingOutput.ActingOnce("Attempt 1 of 3: signing register", () => node!.Produce(3));
        await using var n = node = await WorkflowNode.StartAsync();
        var o = Assert.Single(RegisterWorkflow.Run(n.Chain, Request(1), output, CancellationToken.None));
        Assert.Equal((OutcomeStatus.Registered, 2), (o.Status, o.Attempts));
        Assert.True(output.Said("went stale at head"), string.Join("\n", output.VerboseLines));
    }

    [Fact]
    public async Task The_chains_InvalidWorkBlock_is_reported_and_solved_again()
    {
        await using var n = await WorkflowNode.StartAsync();
        var solution = SolveNow(n);
        n.Produce(3);
        var request = Request(1, solution) with { SkipValidation = true };
        var outcomes = RegisterWorkflow.Run(n.Chain, request, new RecordingOutput(), CancellationToken.None).ToList();

        Assert.Equal(2, outcomes.Count);
        Assert.Equal((OutcomeStatus.Failed, "InvalidWorkBlock", "Solving again."),
            (outcomes[0].Status, outcomes[0].Error!.Id, outcomes[0].Error!.RecommendedAction));
        Assert.Equal((OutcomeStatus.Registered, 2), (outcomes[1].Status, outcomes[1].Attempts));
    }

    [Fact]
    public async Task MaxAttempts_bounds_the_re_solving_with_RegistrationAttemptsExhausted()
    {
        await using var n = await WorkflowNode.StartAsync();
        var solution = SolveNow(n);
        n.Produce(3);
        var output = new RecordingOutput();
        var ex = Assert.Throws<PowException>(() => RegisterWorkflow.Run(
            n.Chain, Request(1, solution) with { Submission = new() { MaxAttempts = 1 } }, output, CancellationToken.None).ToList());
        Assert.Equal(ErrorIds.RegistrationAttemptsExhausted, ex.Error.Id);
        Assert.False(output.Said("solving for subnet"));
        Assert.Null(await n.Chain.Client.GetUidAsync(1, WorkflowNode.Alice.PublicKey));
    }

    [Fact]
    public async Task A_seal_that_is_not_the_nonces_is_refused_in_the_pallets_words()
    {
        await using var n = await WorkflowNode.StartAsync();
        var solution = SolveNow(n);
        var tampered = solution with { Seal = [.. solution.Seal.Select(b => (byte)~b)] };
        var ex = Assert.Throws<PowException>(
            () => RegisterWorkflow.Run(n.Chain, Request(1, tampered), new RecordingOutput(), CancellationToken.None).ToList());
        Assert.Equal("InvalidSeal", ex.Error.Id);
        Assert.Contains(Hex.Encode(solution.Seal), ex.Error.Message);
    }

    [Fact]
    public async Task The_faucet_funds_the_coldkey_once_per_drip_and_unlocks_it_once()
    {
        await using var n = await WorkflowNode.StartAsync();
        var coldkey = WorkflowNode.Bob;
        var before = (await n.Chain.Client.Subtensor.AccountAsync(coldkey.PublicKey)).Free;
        int unlocks = 0;
        var request = new FaucetRequest(coldkey.PublicKey,
            () => { unlocks++; return global::BittensorPow.Subtensor.Crypto.Sr25519KeyPair.FromUri("//Bob"); },
            WorkflowNode.Cpu)
        { Count = 2 };
        var output = new RecordingOutput();
        var outcomes = FaucetWorkflow.Run(n.Chain, request, output, CancellationToken.None).ToList();

        Assert.Equal([OutcomeStatus.Funded, OutcomeStatus.Funded], outcomes.Select(o => o.Status));
        Assert.All(outcomes, o => Assert.Equal(Ss58.Encode(coldkey.PublicKey), Ss58.Encode(o.Coldkey)));
        Assert.Equal(1, unlocks);
        Assert.Single(output.Questions);
        Assert.Single(output.VerboseLines, l => l.StartsWith("Unlocking coldkey"));
        var after = (await n.Chain.Client.Subtensor.AccountAsync(coldkey.PublicKey)).Free;
        Assert.True(after > before, $"{before} -> {after}");
    }
}
