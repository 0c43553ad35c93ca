namespace BittensorPow.DevNode.Runtime;

/// <summary>An item of a pallet's storage or constant list: its name and the offsets of its encoding.</summary>
/// <param name="ValueStart">Where its default (storage) or value (constant) bytes begin, after their length prefix.</param>
public sealed record ItemAt(string Name, int Start, int End, int ValueStart, int ValueLength);
