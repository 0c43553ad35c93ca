namespace BittensorPow.DevNode;

/// <summary>A hotkey registered on a subnet at genesis (UIDs are handed out in order, from 0).</summary>
public sealed record RegisteredHotkey(ushort NetUid, byte[] Hotkey);
