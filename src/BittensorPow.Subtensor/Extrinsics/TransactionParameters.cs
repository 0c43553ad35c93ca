namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>
/// What the signed extensions carry besides the call. <see cref="BirthBlockHash"/> is the hash of block
/// <c>Era.Birth(current)</c> for a mortal era, and the genesis hash for an immortal one.
/// </summary>
public sealed record TransactionParameters(
    uint SpecVersion,
    uint TransactionVersion,
    byte[] GenesisHash,
    byte[] BirthBlockHash,
    Era Era,
    ulong Nonce,
    BigInteger Tip = default)
{
    /// <summary>An immortal transaction: the birth hash is the genesis hash.</summary>
    public static TransactionParameters Immortal(
        uint specVersion, uint transactionVersion, byte[] genesisHash, ulong nonce, BigInteger tip = default) =>
        new(specVersion, transactionVersion, genesisHash, genesisHash, Era.Immortal, nonce, tip);
}
