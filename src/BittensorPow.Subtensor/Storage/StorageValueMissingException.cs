namespace BittensorPow.Subtensor.Storage;

/// <summary>A storage item the client needs has no value and no default in this runtime.</summary>
public sealed class StorageValueMissingException(string message) : Exception(message);
