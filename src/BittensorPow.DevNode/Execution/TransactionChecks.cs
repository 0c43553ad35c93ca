using System.Collections.Immutable;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Runtime;
using BittensorPow.Subtensor.Extrinsics;
using BittensorPow.Subtensor.Hashing;
using BittensorPow.Subtensor.Metadata;
using BittensorPow.Subtensor.Scale;

namespace BittensorPow.DevNode.Execution;

/// <summary>
/// What a runtime checks before a transaction may enter the pool or a block, in the order FRAME does it: decode;
/// the signed extensions' additional data (CheckMortality: the era's birth block must still be known); the signature
/// over the payload; then CheckNonce. Fees are not charged (ChargeTransactionPayment takes nothing here), so there is
/// no "Inability to pay some fees" refusal.
/// </summary>
public sealed class TransactionChecks(RuntimeProfile runtime)
{
    /// <summary>frame_system keeps this many block hashes (BlockHashCount), plus genesis forever.</summary>
    public const ulong BlockHashCount = 4096;

    private RuntimeMetadata Metadata => runtime.Decoded;

    /// <summary>Decodes the extrinsic and its call, and verifies era and signature for a transaction in block <paramref name="current"/>.</summary>
    public PoolEntry Decode(byte[] bytes, ulong current, BlockHashLookup hashes)
    {
        // The node first reads the bytes as an opaque Vec<u8>; only then does the runtime decode what is inside.
        var outer = new ScaleReader(bytes);
        ulong length;
        try { length = outer.Compact(); }
        catch (ScaleFormatException e) { throw TransactionRejected.BadFormat(e.Message); }
        if (length != (ulong)outer.Remaining)
            throw TransactionRejected.BadFormat($"the length prefix says {length} bytes but {outer.Remaining} follow");

        DecodedExtrinsic decoded;
        try { decoded = ExtrinsicDecoder.Decode(bytes, runtime.Extensions); }
        catch (ScaleFormatException e) { throw TransactionRejected.CannotDecode(e.Message); }
        var call = DecodeCall(decoded.Call);
        if (!decoded.IsSigned) throw TransactionRejected.NoUnsignedValidator;

        var era = decoded.Extra.Era;
        ulong birth = era.Birth(current);
        byte[] birthHash = (birth == 0 || current - birth <= BlockHashCount ? hashes(birth) : null) ?? throw TransactionRejected.AncientBirthBlock;
        byte[] genesis = hashes(0)!;
        // A mortal transaction past its window computes a later birth block than the one it signed, so its signature
        // fails: real nodes report an expired era as a bad signature too.
        if (!ExtrinsicDecoder.VerifySignature(decoded, runtime.Extensions, runtime.SpecVersion, runtime.TransactionVersion, genesis, birthHash))
            throw TransactionRejected.BadProof;
        if (decoded.Signer!.All(b => b == 0)) throw TransactionRejected.BadSigner;

        return new PoolEntry(bytes, SubstrateHash.Blake2b256(bytes), decoded.Signer!, decoded.Extra.Nonce, call);
    }

    /// <summary>RuntimeCall by the metadata: the pallet's variant (by its index byte) holding the pallet's call variant.</summary>
    private ScaleVariant DecodeCall(byte[] call)
    {
        var pallet = Metadata.TryGetPallet(call[0]);
        if (pallet?.CallTypeId is not int callType) throw TransactionRejected.CannotDecode($"no pallet with index {call[0]} has calls");
        try
        {
            var inner = (ScaleVariant)ScaleValueDecoder.DecodeAll(Metadata.Types, callType, call.AsSpan(1));
            return new ScaleVariant(pallet.Name, pallet.Index, [new ScaleField(null, inner)]);
        }
        catch (ScaleFormatException e) { throw TransactionRejected.CannotDecode($"{pallet.Name} call: {e.Message}"); }
    }

    /// <summary>CheckNonce's validity: a lower nonce is outdated; a higher one is for the future (kept, not refused).</summary>
    public static bool IsFuture(PoolEntry entry, ulong accountNonce)
        => entry.Nonce < accountNonce ? throw TransactionRejected.Stale : entry.Nonce > accountNonce;

    public ulong AccountNonce(ImmutableSortedDictionary<string, byte[]> state, byte[] account)
        => Accounts.Nonce(new StateOverlay(Metadata, state), account);
}
