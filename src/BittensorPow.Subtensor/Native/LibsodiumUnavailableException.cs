namespace BittensorPow.Subtensor.Native;

/// <summary>
/// libsodium (which unlocks $NACL coldkeys) could not be loaded or is not the version Sodium.Core was built for.
/// There is deliberately no managed fallback: a silent one would make unlocking three times slower unnoticed.
/// </summary>
public sealed class LibsodiumUnavailableException(string message, IReadOnlyList<string> searched, Exception inner)
    : Exception(message, inner)
{
    /// <summary>The files looked for beside the module before the system's library search.</summary>
    public IReadOnlyList<string> SearchedPaths { get; } = searched;
}
