using System.Text.Json;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Events;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Tests.Support;
using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>
/// Submission against the recorded chopsticks run of a real spec-218 runtime: burned_register(1, Bob) signed by
/// Alice, watched to finalization; then the same bytes again (stale nonce) and with a corrupted signature.
/// </summary>
public class TranscriptSubmissionTests
{
    private const string Raonet = "raonet-spec218-v14.scale";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>The extrinsic the recording submitted and watched.</summary>
    private static byte[] Watched => ChainHex.Decode(Request("author_submitAndWatchExtrinsic")[0].GetString()!);

    /// <summary>The block the recording reported it in (its inBlock notification).</summary>
    private static string InBlock => Transcript.Notifications("author_extrinsicUpdate")
        .Single(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("inBlock", out _)).GetProperty("inBlock").GetString()!;

    /// <summary>
    /// The recording read System.Events at the best head right after inclusion, without a block hash; the head then
    /// was the inBlock block (chain_getBlockHash answered its hash just before), so that reply is the events of that
    /// block. The client reads them at the block hash, as it must on a live chain.
    /// </summary>
    private static TranscriptRpcClient Rpc()
    {
        var eventsKey = ChainHex.Encode(SystemEvents.StorageKey);
        Assert.Equal(InBlock, Transcript.Results("chain_getBlockHash")[1].GetString());
        return TranscriptRpcClient.Chopsticks()
            .Refuse("state_call")
            .Answer("state_getMetadata", [], ChainHex.Encode(MetadataFiles.Bytes(Raonet)))
            .Answer("state_getStorage", [eventsKey, InBlock], Transcript.StorageResult(eventsKey).Trim('"'));
    }

    [Theory]
    [InlineData(WaitFor.InBlock, TransactionStatus.InBlock)]
    [InlineData(WaitFor.Finalized, TransactionStatus.Finalized)]
    public async Task Watched_burned_register_succeeds_with_its_uid(WaitFor waitFor, TransactionStatus expected)
    {
        var rpc = Rpc();
        var client = await SubtensorClient.ConnectAsync(rpc);
        var messages = new List<string>();
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, Watched, waitFor, Limit, m => { lock (messages) messages.Add(m); });

        Assert.Equal(expected, result.Status);
        Assert.Equal(InBlock, result.BlockHash);
        Assert.Equal(SubstrateHash.Blake2b256(Watched), result.ExtrinsicHash);
        var block = Transcript.Results("chain_getBlock", $"[\"{InBlock}\"]").Single();
        var listed = block.GetProperty("block").GetProperty("extrinsics").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(listed.IndexOf(ChainHex.Encode(Watched)), (int)result.ExtrinsicIndex!);
        Assert.True(result.Success);
        Assert.Null(result.DispatchError);
        Assert.All(result.Events, e => Assert.Equal(result.ExtrinsicIndex, e.ExtrinsicIndex));
        Assert.Contains(result.Events, e => e.Is("System", "ExtrinsicSuccess"));

        // The uid the event names is the one the chain stored: Uids(1, Bob) read after registration.
        var bob = ChainHex.Decode(block.GetProperty("block").GetProperty("extrinsics")[(int)result.ExtrinsicIndex!].GetString()!)[^32..];
        Assert.NotNull(result.Registration);
        Assert.Equal(bob, result.Registration!.Hotkey);
        Assert.Equal((ushort)1, result.Registration.NetUid);
        var storedUid = Transcript.StorageResult(UidsKey(bob), occurrence: 1);
        Assert.Equal(Convert.ToUInt16(storedUid[2..4], 16) | Convert.ToUInt16(storedUid[4..6], 16) << 8, result.Registration.Uid);

        Assert.Contains(rpc.Calls, c => c.StartsWith("author_submitAndWatchExtrinsic"));
        Assert.Contains(messages, m => m.Contains("InBlock"));
    }

    [Fact]
    public async Task Resubmitting_the_included_extrinsic_is_rejected_as_outdated()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var e = await Assert.ThrowsAsync<TransactionRejectedException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, Submitted(0), WaitFor.None, Limit));
        Assert.Equal(1010, e.Code);
        Assert.Equal(RejectionReason.Outdated, e.Reason);
        Assert.Contains("outdated", e.Message);
        Assert.Contains("stale", e.NodeText); // chopsticks' JSON, kept verbatim
    }

    [Fact]
    public async Task A_corrupted_signature_is_rejected_as_bad_signature()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var e = await Assert.ThrowsAsync<TransactionRejectedException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, Submitted(1), WaitFor.None, Limit));
        Assert.Equal(RejectionReason.BadSignature, e.Reason);
        Assert.Null(e.CustomCode);
    }

    [Fact]
    public async Task Fire_and_forget_returns_the_hash_the_node_computed()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var transfer = Submitted(2);
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, transfer, WaitFor.None, Limit);
        Assert.Equal(TransactionStatus.Submitted, result.Status);
        Assert.Null(result.Success);
        Assert.Null(result.BlockHash);
        var recorded = Transcript.Results("author_submitExtrinsic", $"[\"{ChainHex.Encode(transfer)}\"]").Single().GetString();
        Assert.Equal(recorded, result.ExtrinsicHashHex);
    }

    /// <summary>The n-th extrinsic the recording sent with author_submitExtrinsic.</summary>
    private static byte[] Submitted(int n) => ChainHex.Decode(Requests("author_submitExtrinsic").ElementAt(n)[0].GetString()!);

    private static JsonElement Request(string method) => Requests(method).Single();

    private static IEnumerable<JsonElement> Requests(string method)
    {
        foreach (var e in Transcript.Root.GetProperty("exchanges").EnumerateArray())
        {
            if (!e.TryGetProperty("request", out var req)) continue;
            using var doc = JsonDocument.Parse(req.GetString()!);
            if (doc.RootElement.GetProperty("method").GetString() == method) yield return doc.RootElement.GetProperty("params").Clone();
        }
    }

    private static string UidsKey(byte[] hotkey)
    {
        var entry = MetadataFiles.Get(Raonet).Storage("SubtensorModule", "Uids");
        return ChainHex.Encode(BittensorPow.Subtensor.Storage.StorageKey.For(entry, [1, 0], hotkey));
    }
}
