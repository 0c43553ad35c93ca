namespace BittensorPow.Subtensor.Metadata;

/// <summary>The runtime metadata bytes could not be understood (wrong magic, unsupported version, truncated, bad type id).</summary>
public sealed class MetadataFormatException(string message, Exception? inner = null) : FormatException(message, inner);
