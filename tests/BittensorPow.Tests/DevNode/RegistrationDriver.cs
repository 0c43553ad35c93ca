using System.Text.Json;
using BittensorPow.DevNode;
using BittensorPow.DevNode.Chain;
using BittensorPow.Engine;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Subtensor.Storage;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// Drives registrations against an in-process DevNode the way a client would: solve with the ENGINE's seal code,
/// sign with a real sr25519 key, submit over JSON-RPC; then read storage and System.Events back by the metadata.
/// </summary>
public sealed class RegistrationDriver(DevNodeServer node, WebSocketRpcClient client)
{
    public static readonly Sr25519KeyPair Alice = Sr25519KeyPair.FromUri("//Alice");
    public static readonly Sr25519KeyPair Bob = Sr25519KeyPair.FromUri("//Bob");

    public DevNodeServer Node { get; } = node;
    public WebSocketRpcClient Client { get; } = client;
    public RuntimeMetadata Metadata => Node.Runtime.Decoded;

    public static async Task<RegistrationDriver> StartAsync(DevNodeOptions options)
    {
        var node = await DevNodeHarness.StartAsync(options);
        return new RegistrationDriver(node, await DevNodeHarness.ConnectAsync(node));
    }

    public SealByteOrder ByteOrder => Node.Runtime.SealRule == BittensorPow.Subtensor.Runtime.SealRule.BigEndian
        ? SealByteOrder.BigEndian : SealByteOrder.LittleEndian;

    /// <summary>
    /// The smallest nonce whose seal passes (or, with <paramref name="pass"/> false, fails) the difficulty in
    /// <paramref name="order"/>.
    /// </summary>
    public (ulong Nonce, byte[] Work) Solve(ulong blockNumber, byte[] hotkey, ulong difficulty, SealByteOrder order, bool pass = true)
    {
        byte[] bah = Seal.BlockAndHotkeyHash(Node.Chain.ByNumber(blockNumber)!.Hash, hotkey);
        for (ulong nonce = 0; ; nonce++)
        {
            byte[] seal = Seal.Compute(bah, nonce);
            if (Difficulty.ChainRule(seal, difficulty, order) == pass) return (nonce, seal);
        }
    }

    public byte[] RegisterCall(ushort netuid, ulong blockNumber, ulong nonce, byte[] work, byte[] hotkey, byte[] coldkey)
    {
        var call = Metadata.Call("SubtensorModule", "register");
        return SubtensorCalls.Register(new CallIndex(call.PalletIndex, call.CallIndex), netuid, blockNumber, nonce, work, hotkey, coldkey);
    }

    public byte[] FaucetCall(ulong blockNumber, ulong nonce, byte[] work)
    {
        var call = Metadata.Call("SubtensorModule", "faucet");
        return SubtensorCalls.Faucet(new CallIndex(call.PalletIndex, call.CallIndex), blockNumber, nonce, work);
    }

    public byte[] BurnedRegisterCall(ushort netuid, byte[] hotkey)
    {
        var call = Metadata.Call("SubtensorModule", "burned_register");
        return SubtensorCalls.BurnedRegister(new CallIndex(call.PalletIndex, call.CallIndex), netuid, hotkey);
    }

    /// <summary>A solved, signed register for the head block, signer = hotkey = <paramref name="key"/>.</summary>
    public byte[] SolvedRegister(Sr25519KeyPair key, ushort netuid = 1, ulong? txNonce = null)
    {
        ulong head = Node.Chain.Head.Number;
        var (nonce, work) = Solve(head, key.PublicKey, DifficultyOf(netuid), ByteOrder);
        return Sign(RegisterCall(netuid, head, nonce, work, key.PublicKey, Alice.PublicKey), key, txNonce);
    }

    public ulong DifficultyOf(ushort netuid) => Node.Options.Subnets.First(s => s.NetUid == netuid).Difficulty;

    /// <summary>Signs an immortal transaction with the node's versions and genesis (the next nonce unless given).</summary>
    public byte[] Sign(byte[] call, Sr25519KeyPair signer, ulong? txNonce = null, Era? era = null)
    {
        ulong nonce = txNonce ?? Node.Chain.NextIndex(signer.PublicKey);
        var genesis = Node.Chain.Genesis.Hash;
        var p = era is { IsImmortal: false } e
            ? new TransactionParameters(Node.Runtime.SpecVersion, Node.Runtime.TransactionVersion, genesis,
                Node.Chain.ByNumber(e.Birth(Node.Chain.Head.Number))!.Hash, e, nonce)
            : TransactionParameters.Immortal(Node.Runtime.SpecVersion, Node.Runtime.TransactionVersion, genesis, nonce);
        return ExtrinsicBuilder.BuildSigned(call, Node.Runtime.Extensions, p, signer);
    }

    public async Task<string> SubmitAsync(byte[] extrinsic)
        => (await Client.CallAsync("author_submitExtrinsic", [Hex(extrinsic)])).GetString()!;

    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public byte[]? Storage(string pallet, string item, params byte[][] keys) => StorageAt(null, pallet, item, keys);

    public byte[]? StorageAt(DevBlock? at, string pallet, string item, params byte[][] keys)
        => Node.Chain.Read("0x" + Convert.ToHexStringLower(StorageKey.For(Metadata.Storage(pallet, item), keys)), at);

    /// <summary>System.Events of a block, decoded: (pallet, event name, the event value) per record.</summary>
    public List<(string Pallet, string Name, ScaleVariant Event)> Events(DevBlock block)
    {
        var entry = Metadata.Storage("System", "Events");
        var bytes = StorageAt(block, "System", "Events") ?? [0];
        var records = (ScaleSequence)ScaleValueDecoder.DecodeAll(Metadata.Types, entry.ValueTypeId, bytes);
        return records.Items.Select(r =>
        {
            var outer = (ScaleVariant)r["event"];
            var inner = (ScaleVariant)outer.Fields[0].Value;
            return (outer.Name, inner.Name, inner);
        }).ToList();
    }

    /// <summary>The name of the module error in the block's ExtrinsicFailed, or null when the extrinsic succeeded.</summary>
    public string? FailureOf(DevBlock block)
    {
        var failed = Events(block).Where(e => e.Name == "ExtrinsicFailed").Select(e => e.Event).SingleOrDefault();
        if (failed is null)
        {
            Assert.Contains(Events(block), e => e.Name == "ExtrinsicSuccess");
            return null;
        }
        var module = (ScaleVariant)failed["dispatch_error"];
        Assert.Equal("Module", module.Name);
        var m = module.Fields[0].Value;
        return Metadata.TryGetError((byte)m["index"].AsUInt64(), m["error"].AsBytes()[0])!.Name;
    }

    /// <summary>Submits and returns the head block, which (block-ms 0) is the one that included the extrinsic.</summary>
    public async Task<DevBlock> IncludeAsync(byte[] extrinsic)
    {
        ulong before = Node.Chain.Head.Number;
        await SubmitAsync(extrinsic);
        // The block is produced just after the reply is queued, so wait for it (bounded).
        Assert.True(await DevNodeHarness.EventuallyAsync(() => Node.Chain.Head.Number > before, TimeSpan.FromSeconds(5)));
        var block = Node.Chain.Head;
        Assert.Contains(block.Extrinsics, e => e.AsSpan().SequenceEqual(extrinsic));
        return block;
    }

    public static async Task<RpcException> RejectedAsync(Func<Task> action) => await Assert.ThrowsAsync<RpcException>(action);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Node.DisposeAsync();
    }

    public static ushort UidOf(byte[] value) => BitConverter.ToUInt16(value);
    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
