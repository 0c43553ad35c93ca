namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>The values a signed extrinsic's extra bytes carry.</summary>
public readonly record struct ExtraFields(Era Era, ulong Nonce, BigInteger Tip, byte? MetadataHashMode);
