using System.Numerics;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Scale;
using static BittensorPow.Tests.Extrinsics.ExtrinsicVectors;
using static BittensorPow.Tests.Support.SharedFiles;

namespace BittensorPow.Tests.Extrinsics;

public class SignedExtrinsicTests
{
    private static byte[] Bob => Hex(SubstrateVectors.GetProperty("sr25519_keys").GetProperty("//Bob public").GetString()!);

    [Fact]
    public void Signing_payload_matches_spec218()
    {
        var (name, value) = Entry(Spec218, "signing_payload");
        var call = HexEntry(Spec218, "call transfer_keep_alive");
        var hash = Enumerable.Repeat(Convert.FromHexString(Group(name, @"genesis=blockhash=0x([0-9a-f]{2})"))[0], 32).ToArray();
        var p = TransactionParameters.Immortal(uint.Parse(Group(name, @"spec=(\d+)")), uint.Parse(Group(name, @"tx=(\d+)")), hash,
            ulong.Parse(Group(name, @"nonce=(\d+)")), BigInteger.Parse(Group(name, @"tip=(\d+)")));
        var payload = ExtrinsicBuilder.SigningPayload(call, Subtensor218, p);
        Assert.Equal(Hex(value.GetString()!), payload);
        Assert.Equal(int.Parse(Group(name, @"\((\d+) bytes\)")), payload.Length);
        Assert.Same(payload, ExtrinsicBuilder.SignatureInput(payload)); // short payloads are signed as they are
    }

    [Fact]
    public void Long_set_weights_payload_matches_and_is_signed_through_blake2b_256()
    {
        var (lengthName, lengthValue) = Entry(Offline, "call set_weights(");
        var (name, v) = Entry(Offline, "set_weights payload");
        // set_weights(netuid u16, dests Vec<u16>, weights Vec<u16>, version_key u64) at 7/0, the arguments its vector names.
        ushort n = (ushort)(ushort.Parse(Group(lengthName, @"dests=0\.\.(\d+)")) + 1);
        var call = new ScaleWriter().U8(7).U8(0).U16(ushort.Parse(Group(lengthName, @"set_weights\((\d+),")));
        call.Compact(n);
        for (ushort i = 0; i < n; i++) call.U16(i);
        call.Compact(n);
        for (ushort i = 0; i < n; i++) call.U16((ushort)(65535 - i));
        call.U64(ulong.Parse(Group(lengthName, @"version_key=(\d+)")));
        Assert.Equal(lengthValue.GetInt32(), call.Length);

        var genesis = Hex(Json("rpc", "real-node-replies.json").GetProperty("bitgo_mainnet_material").GetProperty("genesisHash").GetString()!);
        var p = TransactionParameters.Immortal(uint.Parse(Group(name, @"spec=(\d+)")), uint.Parse(Group(name, @"tx=(\d+)")), genesis,
            ulong.Parse(Group(name, @"nonce=(\d+)")));
        var payload = ExtrinsicBuilder.SigningPayload(call.WrittenSpan, Subtensor218, p);
        Assert.Equal(v.GetProperty("payloadLen").GetInt32(), payload.Length);
        var prefix = Hex(v.GetProperty("payloadHexPrefix").GetString()!.TrimEnd('.'));
        Assert.Equal(prefix, payload[..prefix.Length]);
        var tail = Hex(v.GetProperty("payloadTailHex").GetString()!);
        Assert.Equal(tail, payload[^tail.Length..]);
        Assert.Equal(Hex(v.GetProperty("signInput_blake2_256").GetString()!), ExtrinsicBuilder.SignatureInput(payload));
        Assert.Equal(256, ExtrinsicBuilder.SignatureInput(new byte[256]).Length); // exactly 256 bytes is signed as is
    }

    [Fact]
    public void Chopsticks_accepted_burned_register_decodes_and_verifies()
    {
        var (name, value) = Entry(Spec218, "signed burned_register");
        var bytes = Hex(value.GetString()!);
        var x = ExtrinsicDecoder.Decode(bytes, Subtensor218);
        Assert.True(x.IsSigned);
        using var alice = Sr25519KeyPair.FromUri("//Alice");
        Assert.Equal(alice.PublicKey, x.Signer);
        Assert.Equal(ExtrinsicBuilder.SignatureSr25519, x.SignatureType);
        Assert.True(x.Extra.Era.IsImmortal);
        Assert.Equal(ulong.Parse(Group(name, @"nonce=(\d+)")), x.Extra.Nonce);
        Assert.Equal((byte)0, x.Extra.MetadataHashMode);
        Assert.Equal(HexEntry(Offline, "call burned_register("), x.Call);
        Assert.Equal(new CallIndex(7, 7), x.CallIndex);

        var genesis = ChopsticksGenesis();
        Assert.True(ExtrinsicDecoder.VerifySignature(x, Subtensor218, 218, 1, genesis, genesis));
        Assert.False(ExtrinsicDecoder.VerifySignature(x, Subtensor218, 219, 1, genesis, genesis));

        // Our own extrinsic for the same call: identical except for the (randomized) signature.
        var p = TransactionParameters.Immortal(218, 1, genesis, x.Extra.Nonce);
        var ours = ExtrinsicBuilder.BuildSigned(x.Call, Subtensor218, p, alice);
        Assert.Equal(bytes.Length, ours.Length);
        Assert.Equal(bytes[..37], ours[..37]);   // length, version, signer, signature type
        Assert.Equal(bytes[101..], ours[101..]); // extra and call
        Assert.True(ExtrinsicDecoder.VerifySignature(ExtrinsicDecoder.Decode(ours, Subtensor218), Subtensor218, 218, 1, genesis, genesis));
    }

    [Fact]
    public void Mortal_register_round_trips_and_tampering_is_caught()
    {
        var v = PowVectors.GetProperty("registerCall");
        var call = Hex(v.GetProperty("callHex").GetString()!);
        using var alice = Sr25519KeyPair.FromUri("//Alice");
        var genesis = ChopsticksGenesis();
        var birthHash = SubstrateHash.Blake2b256("block 960"u8);
        var era = Era.Mortal(64, 1000);
        var p = new TransactionParameters(218, 1, genesis, birthHash, era, Nonce: 300, Tip: 7);
        var fixedRandom = new byte[32];
        var a = ExtrinsicBuilder.BuildSigned(call, Subtensor218, p, alice, fixedRandom);
        Assert.Equal(a, ExtrinsicBuilder.BuildSigned(call, Subtensor218, p, alice, fixedRandom));

        var x = ExtrinsicDecoder.Decode(a, Subtensor218);
        Assert.Equal(era, x.Extra.Era);
        Assert.Equal(300UL, x.Extra.Nonce);
        Assert.Equal(new BigInteger(7), x.Extra.Tip);
        Assert.Equal(call, x.Call);
        Assert.True(ExtrinsicDecoder.VerifySignature(x, Subtensor218, 218, 1, genesis, birthHash));
        Assert.False(ExtrinsicDecoder.VerifySignature(x, Subtensor218, 218, 1, genesis, genesis)); // wrong birth block

        var tampered = (byte[])a.Clone();
        tampered[^1] ^= 1; // the coldkey's last byte
        Assert.False(ExtrinsicDecoder.VerifySignature(ExtrinsicDecoder.Decode(tampered, Subtensor218), Subtensor218, 218, 1, genesis, birthHash));
    }

    [Fact]
    public void Runtime_without_metadata_hash_omits_the_mode_bytes()
    {
        var without = new SignedExtensions(Subtensor218.Identifiers.Where(i => i != SignedExtensions.CheckMetadataHash));
        var genesis = new byte[32];
        var p = TransactionParameters.Immortal(165, 1, genesis, 0);
        var with = ExtrinsicBuilder.SigningPayload([7, 7], Subtensor218, p);
        var withoutPayload = ExtrinsicBuilder.SigningPayload([7, 7], without, p);
        Assert.Equal(with.Length - 2, withoutPayload.Length);
        Assert.Equal(["SubtensorSignedExtension", "CommitmentsSignedExtension"], Subtensor218.Unknown);
    }

    [Fact]
    public void Real_ed25519_testnet_transfer_decodes()
    {
        var bytes = Hex(Json("rpc", "real-node-replies.json").GetProperty("bitgo_signed_tao_testnet_transfer_ed25519").GetString()!);
        var x = ExtrinsicDecoder.Decode(bytes, Subtensor218);
        Assert.Equal(ExtrinsicBuilder.SignatureEd25519, x.SignatureType);
        Assert.Equal(64, x.Signature!.Length);
        Assert.False(x.Extra.Era.IsImmortal);
        Assert.Equal(64UL, x.Extra.Era.Period);
        Assert.Equal((byte)0, x.Extra.MetadataHashMode);
        Assert.Equal(new CallIndex(5, 3), x.CallIndex); // Balances.transfer_keep_alive
        // Re-encoding the decoded parts gives the same bytes.
        var extra = new ScaleWriter();
        x.Extra.Era.WriteTo(extra);
        extra.Compact(x.Extra.Nonce).Compact(x.Extra.Tip).U8(0);
        Assert.Equal(extra.ToArray(), x.ExtraBytes);
    }

    [Fact]
    public void Ed25519_signed_extrinsics_verify_too()
    {
        var seed = SubstrateHash.Blake2b256("ed25519 test seed"u8);
        var pub = new byte[32];
        Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.GeneratePublicKey(seed, 0, pub, 0);
        var genesis = ChopsticksGenesis();
        var p = TransactionParameters.Immortal(218, 1, genesis, 3);
        var call = SubtensorCalls.BurnedRegister(new CallIndex(7, 7), 1, Bob);
        var message = ExtrinsicBuilder.SignatureInput(ExtrinsicBuilder.SigningPayload(call, Subtensor218, p));
        var sig = new byte[64];
        Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Sign(seed, 0, message, 0, message.Length, sig, 0);
        var body = new ScaleWriter().U8(ExtrinsicBuilder.SignedV4).U8(ExtrinsicBuilder.AddressId).Raw(pub)
            .U8(ExtrinsicBuilder.SignatureEd25519).Raw(sig);
        Subtensor218.WriteExtra(body, p);
        body.Raw(call);
        var bytes = new ScaleWriter().Compact((ulong)body.Length).Raw(body.WrittenSpan).ToArray();
        var x = ExtrinsicDecoder.Decode(bytes, Subtensor218);
        Assert.True(ExtrinsicDecoder.VerifySignature(x, Subtensor218, 218, 1, genesis, genesis));
        Assert.False(ExtrinsicDecoder.VerifySignature(x, Subtensor218, 218, 2, genesis, genesis));
    }

    [Fact]
    public void Malformed_extrinsics_are_rejected()
    {
        var bytes = HexEntry(Spec218, "signed burned_register");
        Assert.Throws<ScaleFormatException>(() => ExtrinsicDecoder.Decode(bytes[..^1], Subtensor218));
        var v5 = (byte[])bytes.Clone(); v5[2] = 0x85;
        Assert.Throws<ScaleFormatException>(() => ExtrinsicDecoder.Decode(v5, Subtensor218));
        var badAddress = (byte[])bytes.Clone(); badAddress[3] = 0x01;
        Assert.Throws<ScaleFormatException>(() => ExtrinsicDecoder.Decode(badAddress, Subtensor218));
    }
}
