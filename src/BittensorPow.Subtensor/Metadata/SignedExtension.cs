namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// A signed (V14/V15) or transaction (V16) extension. <see cref="TypeId"/> is what goes into the extrinsic,
/// <see cref="AdditionalSignedTypeId"/> (V16: "implicit") what goes only into the signing payload.
/// </summary>
public sealed record SignedExtension(string Identifier, int TypeId, int AdditionalSignedTypeId);
