namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// A signed extrinsic ready to submit, with what went into it. <see cref="Hash"/> is blake2b-256 of
/// <see cref="Bytes"/>: the hash the node reports and blocks list.
/// </summary>
public sealed record SignedTransaction(
    string Call, byte[] Bytes, byte[] Signer, ulong AccountNonce, Era Era, ulong BirthBlock, byte[] BirthBlockHash)
{
    public byte[] Hash { get; } = SubstrateHash.Blake2b256(Bytes);
    /// <summary>The runtime version it was signed for: a node that has moved on refuses it as a bad signature.</summary>
    public Runtime.RuntimeVersion? SignedFor { get; init; }
    public string Hex => Chain.Text.Hex.Encode(Bytes);
    public string HashHex => Chain.Text.Hex.Encode(Hash);
    public override string ToString() => $"{Call} by {Keys.Ss58.Encode(Signer)}, nonce {AccountNonce}, {Era} from #{BirthBlock}, hash {HashHex}";
}
