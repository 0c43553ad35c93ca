namespace BittensorPow.DevNode.Runtime;

/// <summary>A SCALE compact in a blob: where it starts and ends and the count it holds.</summary>
public readonly record struct CompactAt(int Start, int End, int Value);
