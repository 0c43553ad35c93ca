using BittensorPow.DevNode;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Execution;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Wallets;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Keys;
using BittensorPow.Subtensor.Wallets;
using BittensorPow.Tests.Wallets;

namespace BittensorPow.Tests.Registration;

/// <summary>
/// pow_register's workflow (SPEC §10) against the finney DevNode (spec 475, blocks on demand, subnets at difficulty
/// 1000, their own floor): the coldkey signs the proof that binds it; a proof that expired or met a raised difficulty
/// before signing is solved again and never submitted; the attempts are bounded; a hotkey of another coldkey is refused
/// before any work; a full head block makes the same proof wait for the next one. The test acts on the chain at a given
/// step through <see cref="RecordingOutput.OnVerbose"/>: "Solved after" is said once a proof is found, before the re-check.
/// </summary>
public sealed class PowRegisterWorkflowTests
{
    private static readonly Sr25519KeyPair Bob = WorkflowNode.Bob;
    private static readonly Sr25519KeyPair Ferdie = Sr25519KeyPair.FromUri("//Ferdie");
    private static readonly byte[] Hot = Sr25519KeyPair.FromUri("//PowRegister//hot").PublicKey;
    private static readonly byte[] Rival = Sr25519KeyPair.FromUri("//PowRegister//rival").PublicKey;
    private const string Found = "Solved after";

    private static DevNodeOptions Finney(params string[] subnets) => DevNodeProfiles.Finney with
    {
        BlockMs = 0,
        Subnets = [.. (subnets.Length == 0 ? ["1:1000:pow=on"] : subnets).Select(s => DevNodeOptions.ParseSubnet(s, powDefault: false))],
    };

    /// <summary>A wallet whose coldkeypub.txt is <paramref name="coldkey"/>'s, the hotkey given by its public key.</summary>
    private static WalletAccess Wallet(TempWalletRoot root, string uri, byte[] hotkey, Action? onUnlock = null)
    {
        var coldkey = Sr25519KeyPair.FromUri(uri);
        string name = uri.TrimStart('/').ToLowerInvariant();
        root.Write(Path.Combine(name, "coldkeypub.txt"), KeyfileJson.Public(coldkey.PublicKey));
        return new WalletAccess(root.Root, name, "default")
        {
            Hotkey = hotkey,
            UnlockColdkey = () => { onUnlock?.Invoke(); return Sr25519KeyPair.FromUri(uri); },
        };
    }

    private static PowRegisterRequest Request(TempWalletRoot root, byte[]? hotkey = null, SolveRequest? solve = null, string coldkey = "//Bob") =>
        new(1, Wallet(root, coldkey, hotkey ?? Hot), solve ?? WorkflowNode.Cpu) { Submission = new() { Timeout = TimeSpan.FromSeconds(30) } };

    private static int Submissions(WorkflowNode n) => n.Node.Methods.CallCounts.GetValueOrDefault("author_submitExtrinsic")
        + n.Node.Methods.CallCounts.GetValueOrDefault("author_submitAndWatchExtrinsic");

    private static StateOverlay HeadState(WorkflowNode n) => new(n.Node.Runtime.Decoded, n.Node.Chain.Head.State);

    private static string Said(RecordingOutput output) => string.Join("\n", output.VerboseLines);

    [Fact]
    public async Task Solves_signs_with_the_coldkey_and_registers_with_the_watermark_at_the_work_block()
    {
        await using var n = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();
        ulong head = n.Head;
        int unlocks = 0;
        var request = Request(root) with { Wallet = Wallet(root, "//Bob", Hot, () => unlocks++) };
        var output = new RecordingOutput();

        var o = Assert.Single(PowRegisterWorkflow.Run(n.Chain, request, output, CancellationToken.None));

        Assert.Equal((OutcomeStatus.Registered, 1, (ushort?)0, (ulong?)head), (o.Status, o.Attempts, o.Uid, o.BlockNumber));
        Assert.Null(o.Error);
        Assert.InRange(o.SolvedToSubmitted, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30));
        var s = HeadState(n);
        Assert.Equal(head + 1, n.Head);                                    // one block: the submission's
        Assert.Equal(head, s.GetNumber("SubtensorModule", "LastPowRegistrationBlock", Hot));
        Assert.Equal(Bob.PublicKey, s.Get("SubtensorModule", "Owner", Hot)!.AsBytes());
        // The proof the chain accepted is the seal of the reported nonce on the work block, bound to Bob's coldkey.
        var challenge = new PowRegisterChallenge(1, head, n.Node.Chain.ByNumber(head)!.Hash, Hot, Bob.PublicKey);
        Assert.True(new BlockTemplate(challenge, new Difficulty(1000)).Verify(o.Nonce!.Value, out _));
        Assert.Equal(1, Submissions(n));
        Assert.Single(output.Questions);
        Assert.Equal(1, unlocks);
    }

    [Fact]
    public async Task Declining_the_one_question_unlocks_nothing_hashes_nothing_and_submits_nothing()
    {
        await using var n = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();
        int unlocks = 0;
        var searcher = new ScriptedSearcher((_, t, start, count, _) => ScriptedSearcher.FirstPassing(t, start, count));
        var solve = WorkflowNode.Cpu with { Searchers = () => [searcher] };
        var request = Request(root, solve: solve) with { Wallet = Wallet(root, "//Bob", Hot, () => unlocks++) };
        var output = new RecordingOutput { Answer = false };

        Assert.Empty(PowRegisterWorkflow.Run(n.Chain, request, output, CancellationToken.None));

        var (target, action) = Assert.Single(output.Questions);
        Assert.Contains($"hotkey {Ss58.Encode(Hot)} on subnet 1", target);
        Assert.Contains("Solve the PowRegisterV1 seal at difficulty 1,000, then sign pow_register with coldkey " +
            Ss58.Encode(Bob.PublicKey), action);
        Assert.Equal((0, 0, 0), (unlocks, searcher.Calls, Submissions(n)));
    }

    [Fact]
    public async Task A_proof_that_expires_between_solving_and_signing_is_solved_again_and_never_submitted()
    {
        WorkflowNode? node = null;
        // Five blocks after the first proof is found: at head W+5 the next block is six past the work block.
        var output = RecordingOutput.ActingOnce(Found, () => node!.Produce(5));
        await using var n = node = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();
        ulong work = n.Head;

        var o = Assert.Single(PowRegisterWorkflow.Run(n.Chain, Request(root), output, CancellationToken.None));

        Assert.Equal((OutcomeStatus.Registered, 2, (ulong?)(work + 5)), (o.Status, o.Attempts, o.BlockNumber));
        Assert.True(output.Said($"Attempt 1 of 3: before signing, work on block #{work} is outside the window at head #{work + 5}"), Said(output));
        Assert.True(output.Said("(InvalidWorkBlock); solving again"), Said(output));
        Assert.Equal(1, Submissions(n));                                   // the re-solved proof only
        Assert.Equal(work + 5, HeadState(n).GetNumber("SubtensorModule", "LastPowRegistrationBlock", Hot));
        Assert.Empty(n.Node.DispatchFailures.All);
    }

    [Fact]
    public async Task A_proof_below_a_difficulty_raised_before_signing_is_solved_again_at_the_new_difficulty()
    {
        const ulong Raised = 4000;
        WorkflowNode? node = null;
        // As another registration would (×1.26 and more): the subnet's difficulty rises once the first proof is found.
        var output = RecordingOutput.ActingOnce(Found, () => node!.Node.Chain.Mutate(s => GenesisBuilder.SetDifficulty(s, 1, Raised)));
        // Honest at the raised difficulty; below it, the first proof that meets the template's difficulty but not Raised.
        var searcher = new ScriptedSearcher((_, t, start, count, _) =>
        {
            if (t.Difficulty.Value >= Raised) return ScriptedSearcher.FirstPassing(t, start, count);
            var above = new BlockTemplate(t.Challenge, new Difficulty(Raised));
            for (ulong p = start; p < start + count; p++)
                if (t.Verify(t.Challenge.NonceAt(p), out _) && !above.Verify(t.Challenge.NonceAt(p), out _)) return (true, p);
            return (false, 0);
        });
        var solve = WorkflowNode.Cpu with { Options = new SolverOptions { NonceStart = 0 }, Searchers = () => [searcher] };
        await using var n = node = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();

        var o = Assert.Single(PowRegisterWorkflow.Run(n.Chain, Request(root, solve: solve), output, CancellationToken.None));

        Assert.Equal((OutcomeStatus.Registered, 2), (o.Status, o.Attempts));
        Assert.True(output.Said("before signing, the seal does not meet the subnet's difficulty now, 4,000 (it was solved for 1,000) " +
            "(InvalidDifficulty); solving again"), Said(output));
        var challenge = new PowRegisterChallenge(1, o.BlockNumber!.Value, n.Node.Chain.ByNumber(o.BlockNumber.Value)!.Hash, Hot, Bob.PublicKey);
        Assert.True(new BlockTemplate(challenge, new Difficulty(Raised)).Verify(o.Nonce!.Value, out _));
        Assert.Equal(1, Submissions(n));
        // Both proofs were the script's, not a reference-check rejection's chance survivor.
        Assert.Equal(2, output.VerboseLines.Count(l => l.StartsWith(Found, StringComparison.Ordinal)));
        Assert.DoesNotContain(output.VerboseLines, l => l.StartsWith("Device fault", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MaxAttempts_bounds_the_re_solving_with_RegistrationAttemptsExhausted_and_nothing_submitted()
    {
        WorkflowNode? node = null;
        // Every proof expires before it is signed.
        var output = new RecordingOutput { OnVerbose = line => { if (line.StartsWith(Found, StringComparison.Ordinal)) node!.Produce(5); } };
        await using var n = node = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();
        var request = Request(root) with { Submission = new() { MaxAttempts = 2, Timeout = TimeSpan.FromSeconds(30) } };

        var ex = Assert.Throws<PowException>(() => PowRegisterWorkflow.Run(n.Chain, request, output, CancellationToken.None).ToList());

        Assert.Equal((ErrorIds.RegistrationAttemptsExhausted, PowErrorCategory.LimitsExceeded), (ex.Error.Id, ex.Error.Category));
        Assert.Contains("after 2 attempt(s)", ex.Error.Message);
        Assert.Contains("-MaxAttempts", ex.Error.RecommendedAction);
        Assert.Equal(2, output.VerboseLines.Count(l => l.StartsWith(Found, StringComparison.Ordinal)));
        Assert.True(output.Said("Attempt 2 of 2: before signing, work on block"), Said(output));
        Assert.Equal(0, Submissions(n));
        Assert.Null(await n.Chain.Client.GetUidAsync(1, Hot));
    }

    [Fact]
    public async Task PoW_turned_off_between_solving_and_signing_is_refused_as_it_is_before_solving_and_nothing_is_submitted()
    {
        WorkflowNode? node = null;
        var output = new RecordingOutput
        {
            // The owner turns registration by work off once the proof is found, before the re-check that precedes signing.
            OnVerbose = line =>
            {
                if (line.StartsWith(Found, StringComparison.Ordinal))
                    node!.Node.Chain.Mutate(s => GenesisBuilder.Set(s, StorageKeys.BySubnet("NetworkPowRegistrationAllowed", 1), [0]));
            },
        };
        await using var n = node = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();

        var ex = Assert.Throws<PowException>(() => PowRegisterWorkflow.Run(n.Chain, Request(root), output, CancellationToken.None).ToList());

        Assert.Equal((ErrorIds.PowRegistrationClosed, PowErrorCategory.PermissionDenied), (ex.Error.Id, ex.Error.Category));
        Assert.Contains("Proof-of-work registration on subnet 1 is off", ex.Error.Message);
        Assert.True(output.Said(Found), Said(output));
        Assert.Equal(0, Submissions(n));
    }

    [Fact]
    public async Task A_hotkey_of_another_coldkey_is_NonAssociatedColdKey_before_any_question_unlock_or_hashing()
    {
        await using var n = await WorkflowNode.StartAsync(Finney("1:1000:pow=on", "2:1000:pow=on"));
        using var root = new TempWalletRoot();
        // Ferdie's coldkey owns the hotkey: it registered it on subnet 2.
        var theirs = Request(root, coldkey: "//Ferdie") with { NetUid = 2 };
        Assert.Equal(OutcomeStatus.Registered,
            Assert.Single(PowRegisterWorkflow.Run(n.Chain, theirs, new RecordingOutput(), CancellationToken.None)).Status);
        int submitted = Submissions(n), unlocks = 0, searchersMade = 0;
        var searcher = new ScriptedSearcher((_, t, start, count, _) => ScriptedSearcher.FirstPassing(t, start, count));
        var solve = WorkflowNode.Cpu with { Searchers = () => { searchersMade++; return [searcher]; } };
        var request = Request(root, solve: solve) with { Wallet = Wallet(root, "//Bob", Hot, () => unlocks++) };
        var output = new RecordingOutput();

        var ex = Assert.Throws<PowException>(() => PowRegisterWorkflow.Run(n.Chain, request, output, CancellationToken.None).ToList());

        Assert.Equal(("NonAssociatedColdKey", PowErrorCategory.PermissionDenied), (ex.Error.Id, ex.Error.Category));
        Assert.Contains($"belongs to coldkey {Ss58.Encode(Ferdie.PublicKey)}, not to {Ss58.Encode(Bob.PublicKey)}", ex.Error.Message);
        Assert.Equal((0, 0, 0), (searchersMade, searcher.Calls, unlocks));
        Assert.Empty(output.Questions);
        Assert.Equal(submitted, Submissions(n));
        Assert.Null(await n.Chain.Client.GetUidAsync(1, Hot));
    }

    [Fact]
    public async Task A_full_head_block_makes_the_same_proof_wait_for_the_next_block_where_it_lands_in_one_attempt()
    {
        await using var n = await WorkflowNode.StartAsync(Finney());
        using var root = new TempWalletRoot();
        // The rival's registration fills block F, the head: the subnet's one registration per block.
        Assert.Equal(OutcomeStatus.Registered, Assert.Single(PowRegisterWorkflow.Run(
            n.Chain, Request(root, Rival, coldkey: "//Ferdie"), new RecordingOutput(), CancellationToken.None)).Status);
        ulong full = n.Head;
        int submitted = Submissions(n);
        // The next block comes a little later, from elsewhere, as a chain's would.
        var output = RecordingOutput.ActingOnce("already holds this subnet's registration",
            () => _ = Task.Run(async () => { await Task.Delay(200); n.Produce(1); }));

        var o = Assert.Single(PowRegisterWorkflow.Run(n.Chain, Request(root), output, CancellationToken.None));

        Assert.Equal((OutcomeStatus.Registered, 1, (ulong?)full), (o.Status, o.Attempts, o.BlockNumber));
        Assert.True(output.Said($"block #{full} already holds this subnet's registration; the proof waits for the next block"), Said(output));
        Assert.Single(output.VerboseLines, l => l.StartsWith(Found, StringComparison.Ordinal));
        Assert.Equal(submitted + 1, Submissions(n));
        Assert.Equal(full + 2, n.Head);                                    // the block produced here, then the submission's
    }
}
