namespace BittensorPow.Subtensor.Extrinsics;

/// <summary>A call's position in the runtime: pallet index and call index, both read from the metadata.</summary>
public readonly record struct CallIndex(byte Pallet, byte Call);
