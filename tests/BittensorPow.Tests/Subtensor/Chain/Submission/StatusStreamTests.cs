using System.Diagnostics;
using System.Text.Json;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Events;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Rpc;
using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>The status stream of author_submitAndWatchExtrinsic in every shape nodes and test tools send, against a scripted node.</summary>
public class StatusStreamTests
{
    private const string Runtime = "finney-spec393-v16.scale";
    private static readonly byte[] Extrinsic = [0x10, 0x84, 1, 2, 3]; // only hashed and passed along here
    private static readonly string Other = ChainHex.Encode(new byte[] { 0x08, 0x04, 0x00 });
    private static readonly string BlockA = ChainHex.Encode(SubstrateHash.Blake2b256("block A"u8));
    private static readonly string BlockB = ChainHex.Encode(SubstrateHash.Blake2b256("block B"u8));
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>A node that holds the extrinsic at index 1 of every block and reports it succeeded.</summary>
    private static ScriptedRpcClient Node(params string[] statuses)
    {
        var m = MetadataFiles.Get(Runtime);
        var events = EventBytes.Events(m,
            EventBytes.Record(m, 0, "System", "ExtrinsicSuccess"),
            EventBytes.Record(m, 1, "System", "ExtrinsicSuccess"));
        return ScriptedChain.For(Runtime)
            .On("chain_getBlock", _ => new
            {
                block = new { header = new { }, extrinsics = new[] { Other, ChainHex.Encode(Extrinsic) } },
                justifications = (object?)null
            })
            .On("state_getStorage", p => p.Count == 2 && (string?)p[0] == ChainHex.Encode(SystemEvents.StorageKey) ? ChainHex.Encode(events) : null)
            .Watch(statuses);
    }

    [Theory]
    [InlineData("\"ready\"", "\"broadcast\"")]                   // Substrate: unit statuses as strings
    [InlineData("{\"ready\":null}", "{\"broadcast\":[\"peer\"]}")] // chopsticks: unit statuses as objects
    [InlineData("\"future\"", "\"Ready\"")]
    public async Task Both_status_shapes_lead_to_the_block(string first, string second)
    {
        var rpc = Node(first, second, $"{{\"inBlock\":\"{BlockA}\"}}");
        var client = await ScriptedChain.Connect(rpc);
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.InBlock, Limit);
        Assert.Equal(TransactionStatus.InBlock, result.Status);
        Assert.Equal(BlockA, result.BlockHash);
        Assert.Equal(1u, result.ExtrinsicIndex);
        Assert.True(result.Success);
        Assert.Single(result.Events); // only the record of phase ApplyExtrinsic(1)
        Assert.Equal(1, rpc.Unwatched);
    }

    [Fact]
    public async Task Waiting_for_finality_follows_a_retraction_to_the_final_block()
    {
        var rpc = Node("\"ready\"", $"{{\"inBlock\":\"{BlockA}\"}}", $"{{\"retracted\":\"{BlockA}\"}}",
            $"{{\"inBlock\":\"{BlockB}\"}}", $"{{\"finalized\":\"{BlockB}\"}}");
        var client = await ScriptedChain.Connect(rpc);
        var seen = new List<string>();
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.Finalized, Limit, seen.Add);
        Assert.Equal(TransactionStatus.Finalized, result.Status);
        Assert.Equal(BlockB, result.BlockHash);
        Assert.True(result.Success);
        Assert.Contains(seen, s => s.Contains("Retracted"));
    }

    [Fact]
    public async Task Finality_timeout_still_reports_what_the_extrinsic_did()
    {
        var client = await ScriptedChain.Connect(Node($"{{\"inBlock\":\"{BlockA}\"}}", $"{{\"finalityTimeout\":\"{BlockA}\"}}"));
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.Finalized, Limit);
        Assert.Equal(TransactionStatus.FinalityTimeout, result.Status);
        Assert.Equal(BlockA, result.BlockHash);
        Assert.True(result.Success);
    }

    [Theory]
    [InlineData("\"dropped\"", TransactionStatus.Dropped)]
    [InlineData("{\"dropped\":null}", TransactionStatus.Dropped)]
    [InlineData("\"invalid\"", TransactionStatus.Invalid)]
    [InlineData("{\"usurped\":\"0x1234\"}", TransactionStatus.Usurped)]
    public async Task Ending_without_a_block_gives_no_outcome(string final, TransactionStatus expected)
    {
        var rpc = Node("\"ready\"", final);
        var client = await ScriptedChain.Connect(rpc);
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.Finalized, Limit);
        Assert.Equal(expected, result.Status);
        Assert.Null(result.Success);
        Assert.Null(result.BlockHash);
        Assert.Empty(result.Events);
        Assert.DoesNotContain("chain_getBlock", rpc.Calls);
    }

    [Fact]
    public async Task An_unreadable_notification_is_skipped()
    {
        var client = await ScriptedChain.Connect(Node("{\"somethingNew\":1}", "42", $"{{\"inBlock\":\"{BlockA}\"}}"));
        var seen = new List<string>();
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.InBlock, Limit, seen.Add);
        Assert.Equal(TransactionStatus.InBlock, result.Status);
        Assert.Contains(seen, s => s.Contains("somethingNew"));
    }

    [Fact]
    public async Task A_silent_node_times_out_with_the_last_status()
    {
        var rpc = Node("\"ready\"", $"{{\"inBlock\":\"{BlockA}\"}}"); // never finalized
        var client = await ScriptedChain.Connect(rpc);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SubmissionTimeoutException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.Finalized, TimeSpan.FromMilliseconds(300)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(TransactionStatus.InBlock, e.LastStatus);
        Assert.Equal(BlockA, e.LastBlockHash);
        Assert.Equal(SubstrateHash.Blake2b256(Extrinsic), e.ExtrinsicHash);
        Assert.Contains("may still be included", e.Message);
        Assert.Equal(1, rpc.Unwatched);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_timeout()
    {
        var client = await ScriptedChain.Connect(Node("\"ready\""));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.InBlock, TimeSpan.FromMinutes(5), null, cancel.Token));
    }

    [Fact]
    public async Task A_rejected_watch_throws_the_rejection()
    {
        var rpc = Node().WatchFails(new RpcException(RpcErrorKind.Remote, "Invalid Transaction", 1010, "Custom error: 6"));
        var client = await ScriptedChain.Connect(rpc);
        var e = await Assert.ThrowsAsync<TransactionRejectedException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.InBlock, Limit));
        Assert.Equal(RejectionReason.Custom, e.Reason);
        Assert.Equal(6, e.CustomCode);
        Assert.Contains("RateLimitExceeded", e.Message);
        Assert.Equal(0, rpc.Unwatched);
    }

    [Fact]
    public async Task A_block_without_the_extrinsic_is_a_reply_error()
    {
        var rpc = Node($"{{\"inBlock\":\"{BlockA}\"}}")
            .On("chain_getBlock", _ => new { block = new { extrinsics = new[] { Other } } });
        var client = await ScriptedChain.Connect(rpc);
        var e = await Assert.ThrowsAsync<ChainReplyException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, Extrinsic, WaitFor.InBlock, Limit));
        Assert.Contains(BlockA, e.Message);
    }

    [Theory]
    [InlineData("\"ready\"", TransactionStatus.Ready, null)]
    [InlineData("{\"future\":null}", TransactionStatus.Future, null)]
    [InlineData("{\"inBlock\":\"0xab\"}", TransactionStatus.InBlock, "0xab")]
    [InlineData("{\"InBlock\":{\"hash\":\"0xab\",\"index\":2}}", TransactionStatus.InBlock, "0xab")]
    [InlineData("{\"finalized\":\"0xcd\"}", TransactionStatus.Finalized, "0xcd")]
    [InlineData("{\"retracted\":\"0xcd\"}", TransactionStatus.Retracted, "0xcd")]
    [InlineData("{\"finalityTimeout\":\"0xcd\"}", TransactionStatus.FinalityTimeout, "0xcd")]
    public void Statuses_parse(string json, TransactionStatus status, string? block)
    {
        using var doc = JsonDocument.Parse(json);
        var update = TransactionStatusUpdate.Parse(doc.RootElement);
        Assert.Equal(status, update.Status);
        Assert.Equal(block, update.BlockHash);
    }

    [Theory]
    [InlineData("\"pending\"")]
    [InlineData("{}")]
    [InlineData("{\"ready\":null,\"dropped\":null}")]
    [InlineData("{\"inBlock\":null}")]
    [InlineData("[\"ready\"]")]
    public void Unknown_statuses_are_reply_errors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Throws<ChainReplyException>(() => TransactionStatusUpdate.Parse(doc.RootElement));
    }
}
