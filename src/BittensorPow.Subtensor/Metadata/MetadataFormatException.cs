namespace BittensorPow.Subtensor.Metadata;

/// <summary>The runtime metadata bytes could not be understood (wrong magic, unsupported version, truncated, bad type id).</summary>
public sealed class MetadataFormatException(string message, Exception? inner = null) : FormatException(message, inner);

/// <summary>
/// The metadata is well-formed but lacks something the caller needs (a pallet, call, storage item or constant),
/// e.g. because the node runs a runtime where it was renamed or removed.
/// </summary>
public sealed class MetadataLookupException(string message) : KeyNotFoundException(message);
