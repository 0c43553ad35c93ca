using BittensorPow.Subtensor.Chain.Events;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Metadata;
using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>Events and dispatch errors decoded by each real runtime's own metadata (indices differ between runtimes).</summary>
public class DispatchOutcomeTests
{
    public static TheoryData<string> Runtimes() => MetadataFiles.All();

    [Theory]
    [MemberData(nameof(Runtimes))]
    public void Every_registration_error_decodes_to_its_name_docs_and_advice(string file)
    {
        var m = MetadataFiles.Get(file);
        int decoded = 0;
        foreach (var name in RegistrationErrors.Names)
        {
            if (m.TryGetError("SubtensorModule", name) is not { } info)
                continue; // e.g. RegistrationNotPermittedOnRootSubnet is newer than some files
            decoded++;
            var value = ScaleValueDecoder.DecodeAll(m.Types, EventBytes.DispatchErrorTypeId(m), EventBytes.ModuleError(m, info));
            var error = DispatchError.FromValue(value, m);
            Assert.Equal("Module", error.Kind);
            Assert.Equal("SubtensorModule", error.PalletName);
            Assert.Equal(name, error.ErrorName);
            Assert.Equal(info.Docs, error.Docs);
            Assert.StartsWith($"SubtensorModule.{name}: {RegistrationErrors.Describe(name, info.Docs)}", error.Message);
        }
        Assert.True(decoded >= 10, $"only {decoded} registration errors exist in {file}");
    }

    [Fact]
    public void InvalidSeal_has_different_indices_in_different_runtimes()
    {
        var indices = MetadataFiles.Names()
            .Select(n => MetadataFiles.Get(n).TryGetError("SubtensorModule", "InvalidSeal")!.ErrorIndex).Distinct().ToList();
        Assert.True(indices.Count > 1,
            "the runtimes agree on InvalidSeal's index, so the test could not tell a hard-coded index from a metadata lookup");
        // Decoding one runtime's InvalidSeal with another runtime's metadata gives a different error.
        var a = MetadataFiles.Get("finney-spec219-v14.scale");
        var b = MetadataFiles.Get("finney-spec393-v16.scale");
        var bytes = EventBytes.ModuleError(a, a.TryGetError("SubtensorModule", "InvalidSeal")!);
        var asB = DispatchError.FromValue(ScaleValueDecoder.DecodeAll(b.Types, EventBytes.DispatchErrorTypeId(b), bytes), b);
        Assert.NotEqual("InvalidSeal", asB.ErrorName);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public void Errors_without_a_pallet_are_named_by_their_variants(string file)
    {
        var m = MetadataFiles.Get(file);
        var type = EventBytes.DispatchErrorTypeId(m);
        var badOrigin = DispatchError.FromValue(ScaleValueDecoder.DecodeAll(m.Types, type, EventBytes.PlainError(m, "BadOrigin")), m);
        Assert.Equal(("BadOrigin", null, "BadOrigin"), (badOrigin.Kind, badOrigin.PalletName, badOrigin.ErrorName));
        Assert.Equal("BadOrigin", badOrigin.Message);
        var token = DispatchError.FromValue(ScaleValueDecoder.DecodeAll(m.Types, type, EventBytes.PlainError(m, "Token", "FundsUnavailable")), m);
        Assert.Equal(("Token", "FundsUnavailable"), (token.Kind, token.ErrorName));
        Assert.Equal("Token.FundsUnavailable", token.Message);
        var overflow = DispatchError.FromValue(ScaleValueDecoder.DecodeAll(m.Types, type, EventBytes.PlainError(m, "Arithmetic", "Overflow")), m);
        Assert.Equal("Arithmetic.Overflow", overflow.Message);
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public void Failed_register_in_a_block_is_reported_with_its_error(string file)
    {
        var m = MetadataFiles.Get(file);
        var invalidSeal = m.TryGetError("SubtensorModule", "InvalidSeal")!;
        var raw = EventBytes.Events(m,
            EventBytes.Record(m, 0, "System", "ExtrinsicSuccess"),
            EventBytes.Record(m, 2, "System", "ExtrinsicFailed",
                (f, _) => f.Name == "dispatch_error" ? EventBytes.ModuleError(m, invalidSeal) : null),
            EventBytes.Record(m, 3, "System", "ExtrinsicSuccess"));
        var events = SystemEvents.Decode(m, raw);
        Assert.Equal([0u, 2u, 3u], events.Select(e => e.ExtrinsicIndex!.Value));
        var mine = events.Where(e => e.ExtrinsicIndex == 2).ToList();
        var judged = InclusionInspector.Judge(2, mine, m);
        Assert.False(judged.Success);
        Assert.Equal("InvalidSeal", judged.DispatchError!.ErrorName);
        Assert.Contains("solve again", judged.DispatchError.Message);
        Assert.Null(judged.Registration);
    }

    [Fact]
    public async Task Submitter_reports_a_failed_register_from_the_block_events()
    {
        const string file = "testnet-spec233-v14.scale";
        var m = MetadataFiles.Get(file);
        byte[] extrinsic = [0x0c, 0x84, 0xaa, 0xbb];
        var block = ChainHex.Encode(SubstrateHash.Blake2b256("failing block"u8));
        var raw = EventBytes.Events(m,
            EventBytes.Record(m, 1, "System", "ExtrinsicFailed",
                (f, _) => f.Name == "dispatch_error" ? EventBytes.ModuleError(m, m.TryGetError("SubtensorModule", "InvalidWorkBlock")!) : null));
        var rpc = ScriptedChain.For(file)
            .On("chain_getBlock", _ => new { block = new { extrinsics = new[] { "0x0400", ChainHex.Encode(extrinsic) } } })
            .On("state_getStorage", p => p[1]?.ToString() == block ? ChainHex.Encode(raw) : null)
            .Watch("\"ready\"", $"{{\"inBlock\":\"{block}\"}}");
        var client = await ScriptedChain.Connect(rpc);
        var result = await ExtrinsicSubmitter.SubmitAndWatchAsync(client, extrinsic, WaitFor.InBlock, TimeSpan.FromSeconds(20));
        Assert.False(result.Success);
        Assert.Equal(1u, result.ExtrinsicIndex);
        Assert.Equal("InvalidWorkBlock", result.DispatchError!.ErrorName);
        Assert.Contains("outside the chain's window", result.ToString());
    }

    [Fact]
    public void Real_events_of_the_recorded_burned_register_decode()
    {
        var m = MetadataFiles.Get("raonet-spec218-v14.scale");
        var raw = ChainHex.Decode(Transcript.StorageResult(ChainHex.Encode(SystemEvents.StorageKey)));
        var events = SystemEvents.Decode(m, raw);
        Assert.Contains(events, e => e.Phase == EventPhase.ApplyExtrinsic && e.ExtrinsicIndex == 0 && e.Is("System", "ExtrinsicSuccess"));
        var mine = events.Where(e => e.ExtrinsicIndex == 1).ToList();
        Assert.Contains(mine, e => e.Is("SubtensorModule", "NeuronRegistered"));
        var judged = InclusionInspector.Judge(1, mine, m);
        Assert.True(judged.Success);
        Assert.Equal((ushort)1, judged.Registration!.NetUid);
    }

    [Fact]
    public void Every_registration_error_has_advice_and_the_list_follows_the_spec()
    {
        Assert.Equal(12, RegistrationErrors.Names.Count);
        Assert.All(RegistrationErrors.Names, n => Assert.True(RegistrationErrors.IsKnown(n), n));
        // Every name is a real SubtensorModule error of the newest runtime we hold.
        var newest = MetadataFiles.Get("finney-spec393-v16.scale");
        Assert.All(RegistrationErrors.Names, n => Assert.NotNull(newest.TryGetError("SubtensorModule", n)));
        Assert.Contains("solve again", RegistrationErrors.Describe("InvalidWorkBlock", []));
        Assert.Contains("runtime: Some docs.", RegistrationErrors.Describe("InvalidSeal", ["Some docs."]));
        Assert.Equal("Docs only.", RegistrationErrors.Describe("SomethingElse", ["Docs only."]));
    }
}
