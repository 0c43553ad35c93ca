namespace BittensorPow.Subtensor.Keys;

public sealed class Ss58FormatException(string message) : FormatException(message);
