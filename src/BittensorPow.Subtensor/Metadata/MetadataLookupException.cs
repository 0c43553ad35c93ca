namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// The metadata is well-formed but lacks something the caller needs (a pallet, call, storage item or constant),
/// e.g. because the node runs a runtime where it was renamed or removed.
/// </summary>
public sealed class MetadataLookupException(string message) : KeyNotFoundException(message);
