using BittensorPow.Subtensor.Chain.Blocks;
using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Tests.Support;
using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>Signed register/faucet/burned_register for the connected runtime, checked by decoding and verifying them.</summary>
public class TransactionBuilderTests
{
    private const string Raonet = "raonet-spec218-v14.scale";
    private static readonly byte[] Work = SubstrateHash.Blake2b256("a seal"u8);

    private static Task<SubtensorClient> Chopsticks() => SubtensorClient.ConnectAsync(TranscriptRpcClient.Chopsticks()
        .Refuse("state_call")
        .Answer("state_getMetadata", [], ChainHex.Encode(MetadataFiles.Bytes(Raonet))));

    [Fact]
    public async Task Register_is_signed_by_the_hotkey_for_this_chain_with_a_mortal_era_at_the_head()
    {
        var client = await Chopsticks();
        using var hotkey = Sr25519KeyPair.FromUri("//Alice");
        using var coldkey = Sr25519KeyPair.FromUri("//Bob");
        var head = HeaderCodec.Parse(Transcript.Results("chain_getHeader")[0]);

        var tx = await SubtensorTransactions.BuildRegisterAsync(client, hotkey, coldkey.PublicKey, 1, head.Number, 42, Work);

        var extensions = RuntimeSignedExtensions.From(client.Metadata);
        var x = ExtrinsicDecoder.Decode(tx.Bytes, extensions);
        Assert.Equal(hotkey.PublicKey, x.Signer);
        var register = client.Metadata.Call("SubtensorModule", "register");
        Assert.Equal(SubtensorCalls.Register(new CallIndex(register.PalletIndex, register.CallIndex), 1, head.Number, 42, Work,
            hotkey.PublicKey, coldkey.PublicKey), x.Call);
        Assert.Equal(Era.Mortal(64, head.Number), x.Extra.Era);
        Assert.Equal(head.Number, tx.BirthBlock);
        Assert.Equal(head.Hash.ToArray(), tx.BirthBlockHash);
        Assert.Equal(Transcript.Results("system_accountNextIndex", $"[\"{hotkey.Ss58Address}\"]")[0].GetUInt64(), x.Extra.Nonce);
        Assert.Equal(0, (int)x.Extra.Tip);
        Assert.Equal((byte)0, x.Extra.MetadataHashMode);
        Assert.True(ExtrinsicDecoder.VerifySignature(x, extensions, client.RuntimeVersion.SpecVersion, client.RuntimeVersion.TransactionVersion,
            client.GenesisHash, head.Hash.ToArray()));
        Assert.False(ExtrinsicDecoder.VerifySignature(x, extensions, client.RuntimeVersion.SpecVersion, client.RuntimeVersion.TransactionVersion,
            client.GenesisHash, client.GenesisHash)); // signed for its birth block, not immortal
        Assert.Equal(SubstrateHash.Blake2b256(tx.Bytes), tx.Hash);
    }

    [Fact]
    public async Task Faucet_and_burned_register_use_the_metadatas_call_indices()
    {
        var client = await Chopsticks();
        using var coldkey = Sr25519KeyPair.FromUri("//Alice");
        var faucet = await SubtensorTransactions.BuildFaucetAsync(client, coldkey, 3, 7, Work, new TransactionOptions { AccountNonce = 9 });
        var extensions = RuntimeSignedExtensions.From(client.Metadata);
        var f = ExtrinsicDecoder.Decode(faucet.Bytes, extensions);
        var info = client.Metadata.Call("SubtensorModule", "faucet");
        Assert.Equal(new CallIndex(info.PalletIndex, info.CallIndex), f.CallIndex);
        Assert.Equal(9UL, f.Extra.Nonce);

        var burned = await SubtensorTransactions.BuildBurnedRegisterAsync(client, coldkey, coldkey.PublicKey, 1);
        var b = ExtrinsicDecoder.Decode(burned.Bytes, extensions);
        var bi = client.Metadata.Call("SubtensorModule", "burned_register");
        Assert.Equal(new CallIndex(bi.PalletIndex, bi.CallIndex), b.CallIndex);
    }

    [Theory]
    [MemberData(nameof(DispatchOutcomeTests.Runtimes), MemberType = typeof(DispatchOutcomeTests))]
    public void Every_runtimes_extension_list_is_read_in_metadata_order(string file)
    {
        var m = MetadataFiles.Get(file);
        var extensions = RuntimeSignedExtensions.From(m);
        Assert.Equal(m.SignedExtensions.Select(e => e.Identifier), extensions.Identifiers);
        Assert.Equal(m.HasCheckMetadataHash, extensions.HasMetadataHash);
        Assert.NotEmpty(extensions.Unknown); // subtensor's own extensions, checked to carry no bytes
    }

    [Fact]
    public async Task A_runtime_without_the_faucet_says_so()
    {
        var file = MetadataFiles.Names().First(n => MetadataFiles.Get(n).TryGetCall("SubtensorModule", "faucet") is null);
        var client = await ScriptedChain.Connect(ScriptedChain.For(file));
        using var key = Sr25519KeyPair.FromUri("//Alice");
        var e = await Assert.ThrowsAsync<UnsupportedRuntimeException>(() => SubtensorTransactions.BuildFaucetAsync(client, key, 1, 1, Work));
        Assert.Contains("pow-faucet", e.Message);
    }

    [Fact]
    public async Task Register_on_a_burning_runtime_is_refused_unless_asked_for()
    {
        var rpc = ScriptedChain.For("finney-spec393-v16.scale", specVersion: 475)
            .On("chain_getHeader", Header(100))
            .On("system_accountNextIndex", 5);
        var client = await ScriptedChain.Connect(rpc);
        using var hotkey = Sr25519KeyPair.FromUri("//Alice");
        var e = await Assert.ThrowsAsync<UnsupportedRuntimeException>(
            () => SubtensorTransactions.BuildRegisterAsync(client, hotkey, hotkey.PublicKey, 1, 100, 1, Work));
        Assert.Contains("burn", e.Message);
        Assert.DoesNotContain("chain_getHeader", rpc.Calls);

        var tx = await SubtensorTransactions.BuildRegisterAsync(client, hotkey, hotkey.PublicKey, 1, 100, 1, Work,
            new TransactionOptions { AllowBurningRegister = true });
        Assert.Equal(5UL, tx.AccountNonce);
    }

    [Fact]
    public async Task A_long_era_is_born_at_its_quantized_block()
    {
        // Periods above 4096 quantize the phase, so the birth block can be before the head; its hash must be fetched.
        var birthHash = SubstrateHash.Blake2b256("block 4098"u8);
        var rpc = ScriptedChain.For("finney-spec365-v16.scale")
            .On("chain_getHeader", Header(4099))
            .On("system_accountNextIndex", 0)
            .On("chain_getBlockHash", p => p.Count == 1 && Convert.ToUInt64(p[0]) == 4098
                ? ChainHex.Encode(birthHash) : ChainHex.Encode(ScriptedChain.Genesis));
        var client = await ScriptedChain.Connect(rpc);
        using var key = Sr25519KeyPair.FromUri("//Alice");
        var tx = await SubtensorTransactions.BuildBurnedRegisterAsync(client, key, key.PublicKey, 1, new TransactionOptions { EraPeriod = 8192 });
        Assert.Equal(4098UL, tx.BirthBlock);
        Assert.Equal(birthHash, tx.BirthBlockHash);
        var extensions = RuntimeSignedExtensions.From(client.Metadata);
        Assert.True(ExtrinsicDecoder.VerifySignature(ExtrinsicDecoder.Decode(tx.Bytes, extensions), extensions,
            client.RuntimeVersion.SpecVersion, client.RuntimeVersion.TransactionVersion, ScriptedChain.Genesis, birthHash));
    }

    private static object Header(ulong number) => new
    {
        parentHash = ChainHex.Encode(new byte[32]),
        number = "0x" + number.ToString("x"),
        stateRoot = ChainHex.Encode(new byte[32]),
        extrinsicsRoot = ChainHex.Encode(new byte[32]),
        digest = new { logs = Array.Empty<string>() },
    };
}
