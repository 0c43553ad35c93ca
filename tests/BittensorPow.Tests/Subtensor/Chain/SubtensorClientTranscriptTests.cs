using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;
using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Runtime;
using BittensorPow.Subtensor.Scale;
using BittensorPow.Subtensor.Storage;
using BittensorPow.Tests.Support;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Subtensor;

/// <summary>The client against real replies of a subtensor runtime (spec 218 under chopsticks), replayed.</summary>
public class SubtensorClientTranscriptTests
{
    private const string Raonet = "raonet-spec218-v14.scale";
    private static readonly byte[] Alice = Key("alice"), Bob = Key("bob");

    /// <summary>
    /// The transcript does not record state_getMetadata; the raonet file was recorded with state_getMetadata from the
    /// same chopsticks run (PROVENANCE.md), so it stands in for that reply. state_call is refused, so the client must
    /// fall back to state_getMetadata.
    /// </summary>
    private static TranscriptRpcClient Rpc() => TranscriptRpcClient.Chopsticks()
        .Refuse("state_call")
        .Answer("state_getMetadata", [], ChainHex.Encode(MetadataFiles.Bytes(Raonet)));

    [Fact]
    public async Task Connect_reads_runtime_version_genesis_and_metadata()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var recorded = Transcript.Results("state_getRuntimeVersion")[0];
        Assert.Equal(recorded.GetProperty("specVersion").GetUInt32(), client.RuntimeVersion.SpecVersion);
        Assert.Equal(recorded.GetProperty("transactionVersion").GetUInt32(), client.RuntimeVersion.TransactionVersion);
        Assert.Equal(Transcript.Results("chain_getBlockHash", "[0]")[0].GetString(), ChainHex.Encode(client.GenesisHash));
        Assert.Equal(14, client.Metadata.Version);
        Assert.Equal(SealRule.BigEndian, client.RuntimeProfile.SealRule);
        Assert.True(client.RuntimeProfile.RegisterVerifiesWork);
        Assert.True(client.RuntimeProfile.HasFaucet);
        Assert.True(client.RuntimeProfile.HasCheckMetadataHash);
    }

    [Fact]
    public async Task Heads_come_with_their_real_hashes()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var head = await client.GetHeadAsync();
        Assert.Equal(Transcript.Results("chain_getBlockHash")[0].GetString(), head.Hash.ToString());
        var finalized = await client.GetFinalizedHeadAsync();
        Assert.Equal(Transcript.Results("chain_getFinalizedHead")[0].GetString(), finalized.Hash.ToString());
        var next = await client.GetHeadAsync(); // the chain moved on after the extrinsic
        Assert.Equal(head.Number + 1, next.Number);
        Assert.Equal(head.Hash.ToString(), next.ParentHash.ToString());
    }

    [Fact]
    public async Task New_heads_are_pushed()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var received = new TaskCompletionSource<BlockHeader>();
        await using var subscription = await client.SubscribeNewHeadsAsync(h => received.TrySetResult(h));
        var header = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HeaderCodec.Parse(Transcript.Notifications("chain_newHead").Single()).Hash.ToString(), header.Hash.ToString());
        Assert.Equal(Transcript.Results("chain_getBlockHash")[1].GetString(), header.ParentHash.ToString());
    }

    [Fact]
    public async Task Subnet_reads_use_recorded_values_and_metadata_defaults()
    {
        var rpc = Rpc();
        // Rate-limit items the transcript did not read: answered as absent, so they must come from the metadata.
        foreach (var item in new[] { "RegistrationsThisBlock", "MaxRegistrationsPerBlock", "RegistrationsThisInterval",
            "TargetRegistrationsPerInterval" })
            rpc.Answer("state_getStorage", [ChainHex.Encode([.. StorageKey.Prefix("SubtensorModule", item), 1, 0])], null);
        var client = await SubtensorClient.ConnectAsync(rpc);
        var m = client.Metadata;

        var info = await client.GetSubnetInfoAsync(1);
        Assert.True(info.Exists);
        Assert.True(info.RegistrationAllowed);                        // recorded 0x01
        Assert.Equal(DefaultOf(m, "Difficulty").AsUInt64(), info.Difficulty); // recorded null
        Assert.Equal(10_000_000UL, info.Difficulty);
        Assert.Equal(DefaultOf(m, "NetworkPowRegistrationAllowed").AsBool(), info.PowRegistrationAllowed);
        Assert.Equal(DefaultOf(m, "MaxRegistrationsPerBlock").AsUInt16(), info.MaxRegistrationsPerBlock);
        Assert.Equal(DefaultOf(m, "TargetRegistrationsPerInterval").AsUInt16(), info.TargetRegistrationsPerInterval);
        Assert.Equal(0, info.RegistrationsThisBlock);

        Assert.False(await client.Subtensor.NetworksAddedAsync(7)); // recorded null → default false
    }

    [Fact]
    public async Task A_recorded_value_wins_over_a_different_default()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var key = StorageKey.For(client.Metadata.Storage("SubtensorModule", "MaxAllowedUids"), SubtensorStorage.NetUid(1));
        var recorded = new ScaleReader(ChainHex.Decode(Transcript.StorageResult(ChainHex.Encode(key)))).U16();
        var read = await client.Subtensor.U16ItemAsync("MaxAllowedUids", 1);
        Assert.Equal(recorded, read);
        Assert.NotEqual(DefaultOf(client.Metadata, "MaxAllowedUids").AsUInt16(), read);
    }

    [Fact]
    public async Task Registration_shows_in_uids_membership_nonce_and_balance()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        Assert.Null(await client.GetUidAsync(1, Bob));
        Assert.False(await client.IsNetworkMemberAsync(1, Bob));
        Assert.Equal(0UL, await client.GetAccountNextIndexAsync(Alice));
        var before = await client.Subtensor.AccountAsync(Alice);

        // The second recorded answers are after burned_register(1, Bob) was included.
        var uidKey = StorageKey.For(client.Metadata.Storage("SubtensorModule", "Uids"), SubtensorStorage.NetUid(1), Bob);
        var expectedUid = new ScaleReader(ChainHex.Decode(Transcript.StorageResult(ChainHex.Encode(uidKey), 1))).U16();
        Assert.Equal(expectedUid, await client.GetUidAsync(1, Bob));
        Assert.True(await client.IsNetworkMemberAsync(1, Bob));
        Assert.Equal(1UL, await client.GetAccountNextIndexAsync(Alice));
        var after = await client.Subtensor.AccountAsync(Alice);
        Assert.Equal(before.Nonce + 1, after.Nonce);
        Assert.True(after.Free < before.Free, "the burn and fee were paid");
    }

    [Fact]
    public async Task System_events_decode_by_the_metadata()
    {
        var client = await SubtensorClient.ConnectAsync(Rpc());
        var key = StorageKey.Prefix("System", "Events");
        var events = (ScaleSequence)(await client.Storage.ReadAsync("System", "Events", []))!;
        Assert.Equal(Transcript.StorageResult(ChainHex.Encode(key)), ChainHex.Encode((await client.Storage.GetRawAsync(key))!));
        var names = events.Items.Select(e => (ScaleVariant)e["event"]).Select(v => $"{v.Name}.{((ScaleVariant)v.Fields[0].Value).Name}").ToList();
        Assert.Contains("SubtensorModule.NeuronRegistered", names);
        Assert.Contains("System.ExtrinsicSuccess", names);
    }

    [Fact]
    public async Task Newer_metadata_is_fetched_through_the_runtime_api_when_offered()
    {
        // Synthetic replies: the runtime API offers V14 and V15, and answers V15 as Option<OpaqueMetadata>.
        var v15 = MetadataFiles.Bytes("subtensor-spec165-v15.scale");
        var rpc = TranscriptRpcClient.Chopsticks()
            .Answer("state_call", ["Metadata_metadata_versions", "0x"], ChainHex.Encode(new ScaleWriter().Compact(2UL).U32(14).U32(15).ToArray()))
            .Answer("state_call", ["Metadata_metadata_at_version", "0x0f000000"], ChainHex.Encode(new ScaleWriter().U8(1).Bytes(v15).ToArray()));
        var client = await SubtensorClient.ConnectAsync(rpc);
        Assert.Equal(15, client.Metadata.Version);
        Assert.DoesNotContain(rpc.Calls, c => c.StartsWith("state_getMetadata"));
    }

    [Fact]
    public async Task Only_v14_offered_means_state_getMetadata()
    {
        var rpc = TranscriptRpcClient.Chopsticks()
            .Answer("state_call", ["Metadata_metadata_versions", "0x"], ChainHex.Encode(new ScaleWriter().Compact(1UL).U32(14).ToArray()))
            .Answer("state_getMetadata", [], ChainHex.Encode(MetadataFiles.Bytes(Raonet)));
        var client = await SubtensorClient.ConnectAsync(rpc);
        Assert.Equal(14, client.Metadata.Version);
        Assert.Contains(rpc.Calls, c => c.StartsWith("state_getMetadata"));
    }

    [Fact]
    public async Task Recorded_rpc_errors_surface_as_rpc_exceptions()
    {
        var rpc = Rpc();
        var stale = Transcript.Root.GetProperty("exchanges").EnumerateArray()
            .Where(e => e.TryGetProperty("request", out var r) && r.GetString()!.Contains("author_submitExtrinsic")).First();
        using var req = System.Text.Json.JsonDocument.Parse(stale.GetProperty("request").GetString()!);
        var ex = await Assert.ThrowsAsync<BittensorPow.Subtensor.Rpc.RpcException>(() =>
            rpc.CallAsync("author_submitExtrinsic", [req.RootElement.GetProperty("params")[0].GetString()]));
        Assert.Equal(1010, ex.Code);
    }

    private static ScaleValue DefaultOf(RuntimeMetadata m, string item) =>
        new StorageReader(null!, m).Decode(m.Storage("SubtensorModule", item), null)!;

    private static byte[] Key(string name) => Hex(PowVectors.GetProperty("keys").GetProperty(name).GetProperty("publicKeyHex").GetString()!);
}
