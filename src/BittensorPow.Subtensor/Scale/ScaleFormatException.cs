namespace BittensorPow.Subtensor.Scale;

public sealed class ScaleFormatException(string message) : FormatException(message);
