namespace BittensorPow.Registration.Workflows;

/// <summary>Get-SubtensorBlock: which node, which block (null: the head), and which subnet to read at it.</summary>
public sealed record BlockQueryRequest(NodeChoice Node, TimeSpan Timeout)
{
    public ulong? Number { get; init; }
    public ushort? NetUid { get; init; }

    /// <summary>With a subnet: also this hotkey's uid there, its owner and its last registration by work.</summary>
    public byte[]? Hotkey { get; init; }
}
