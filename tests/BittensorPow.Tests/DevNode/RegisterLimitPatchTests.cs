using BittensorPow.DevNode.Runtime;
using BittensorPow.DevNode;
using BittensorPow.Subtensor.Chain.Text;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Tests.Subtensor;

namespace BittensorPow.Tests.DevNode;

/// <summary>The localnet metadata: a real file plus exactly register_limit and RegistrationPriceLimitExceeded.</summary>
public class RegisterLimitPatchTests
{
    private const string Pallet = "SubtensorModule";

    [Theory]
    [InlineData("raonet-spec218-v14.scale")]
    [InlineData("subtensor-spec165-v15.scale")]
    [InlineData("finney-spec393-v16.scale")]
    public void ThePatchAddsExactlyTheCallAndTheErrorAndNothingElse(string file)
    {
        var original = MetadataFiles.Get(file);
        var patched = MetadataDecoder.Decode(RegisterLimitPatch.Apply(MetadataFiles.Bytes(file)));

        Assert.Equal(["register_limit"], Names(patched, p => p.CallTypeId).Except(Names(original, p => p.CallTypeId)));
        Assert.Equal(["RegistrationPriceLimitExceeded"], Names(patched, p => p.ErrorTypeId).Except(Names(original, p => p.ErrorTypeId)));
        Assert.Equal(Names(original, p => p.CallTypeId).Count + 1, Names(patched, p => p.CallTypeId).Count);
        Assert.Equal(Names(original, p => p.ErrorTypeId).Count + 1, Names(patched, p => p.ErrorTypeId).Count);
        Assert.Equal(original.Types.Count, patched.Types.Count);
        Assert.Equal(original.Pallets.Select(p => (p.Name, p.Index, p.Storage.Count)),
            patched.Pallets.Select(p => (p.Name, p.Index, p.Storage.Count)));

        var call = patched.Call(Pallet, "register_limit");
        var burned = original.Call(Pallet, "burned_register");
        Assert.Equal(134, call.CallIndex);
        Assert.Equal(["netuid", "hotkey", "limit_price"], call.Arguments.Select(a => a.Name));
        Assert.Equal(burned.Arguments[0].TypeId, call.Arguments[0].TypeId);
        Assert.Equal(burned.Arguments[1].TypeId, call.Arguments[1].TypeId);
        Assert.Equal(new PrimitiveDef(PrimitiveKind.U64), patched.Types[call.Arguments[2].TypeId].Def);

        var error = patched.TryGetError(Pallet, "RegistrationPriceLimitExceeded")!;
        var errors = Cases(original, p => p.ErrorTypeId);
        Assert.Equal(errors.Max(e => e.Index) + 1, error.ErrorIndex);
        // Every error already there keeps its index, so DispatchError::Module still resolves the same names.
        byte palletIndex = original.Pallet(Pallet).Index;
        Assert.All(errors, e => Assert.Equal(e.Name, patched.TryGetError(palletIndex, e.Index)!.Name));
    }

    [Fact]
    public void AFileThatAlreadyListsRegisterLimitIsLeftAlone()
    {
        byte[] once = RegisterLimitPatch.Apply(MetadataFiles.Bytes("raonet-spec218-v14.scale"));
        Assert.Same(once, RegisterLimitPatch.Apply(once));
    }

    [Fact]
    public async Task TheNodeServesThePatchedBytesAndTheClientDecodesThem()
    {
        await using var node = await DevNodeHarness.StartAsync(DevNodeProfiles.Localnet with { BlockMs = 0 });
        await using var rpc = await DevNodeHarness.ConnectAsync(node);
        var served = Hex.Decode((await rpc.CallAsync("state_getMetadata", [])).GetString()!);
        Assert.Equal(RegisterLimitPatch.Apply(MetadataFiles.Bytes("raonet-spec218-v14.scale")), served);

        var client = await SubtensorClient.ConnectAsync(rpc);
        Assert.Equal(134, client.Metadata.Call(Pallet, "register_limit").CallIndex);
        Assert.True(client.RuntimeProfile.HasRegisterLimit);
        Assert.True(client.RuntimeProfile.HasFaucet);
        Assert.False(client.RuntimeProfile.RegisterVerifiesWork);
    }

    private static List<string> Names(RuntimeMetadata m, Func<PalletInfo, int?> enumOf) => Cases(m, enumOf).Select(v => v.Name).ToList();

    private static IReadOnlyList<VariantCase> Cases(RuntimeMetadata m, Func<PalletInfo, int?> enumOf)
        => ((VariantDef)m.Types[enumOf(m.Pallet(Pallet))!.Value].Def).Variants;
}
