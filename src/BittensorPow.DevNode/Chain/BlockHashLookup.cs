namespace BittensorPow.DevNode.Chain;

/// <summary>The number → hash lookup a runtime has through System.BlockHash: null for blocks that do not exist (yet).</summary>
public delegate byte[]? BlockHashLookup(ulong number);
