namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>
/// A decoded version-4 extrinsic. For a signed one, <see cref="ExtraBytes"/> are kept verbatim so that the signature
/// check rebuilds exactly the payload the signer saw.
/// </summary>
public sealed record DecodedExtrinsic(
    bool IsSigned,
    byte[]? Signer,
    byte? SignatureType,
    byte[]? Signature,
    ExtraFields Extra,
    byte[] ExtraBytes,
    byte[] Call)
{
    /// <summary>Pallet index and call index: the call's first two bytes.</summary>
    public CallIndex CallIndex => new(Call[0], Call[1]);
}
