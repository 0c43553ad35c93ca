namespace BittensorPow.DevNode;

/// <summary>An account funded at genesis (free balance in rao).</summary>
public sealed record Endowment(byte[] Account, ulong Rao);
