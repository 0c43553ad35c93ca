namespace BittensorPow.DevNode.Execution;

/// <summary>A subnet owner's PoW switch taking effect at a block (<c>--subnet N:D:pow=on@B</c>, dev_setPowRegistration).</summary>
public sealed record PowSwitch(ushort NetUid, bool On, ulong AtBlock);
