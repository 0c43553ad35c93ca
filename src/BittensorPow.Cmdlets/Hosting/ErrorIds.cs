namespace BittensorPow.Cmdlets.Hosting;

/// <summary>Stable error ids: scripts and tests match on FullyQualifiedErrorId, so never rename one.</summary>
internal static class ErrorIds
{
    public const string InvalidBlockHash = nameof(InvalidBlockHash);
    public const string InvalidHotkey = nameof(InvalidHotkey);
    public const string InvalidSeal = nameof(InvalidSeal);
    public const string InvalidDifficulty = nameof(InvalidDifficulty);
    public const string InvalidThreadCount = nameof(InvalidThreadCount);
    public const string InvalidUpdateInterval = nameof(InvalidUpdateInterval);
    public const string InvalidTimeout = nameof(InvalidTimeout);
    public const string WalletNotFound = nameof(WalletNotFound);
    public const string KeyfileNotFound = nameof(KeyfileNotFound);
    public const string KeyfileNotJson = nameof(KeyfileNotJson);
    public const string KeyfileEncrypted = nameof(KeyfileEncrypted);
    public const string KeyfileNoPublicKey = nameof(KeyfileNoPublicKey);
    public const string BackendUnavailable = nameof(BackendUnavailable);
    public const string PowSolveTimeout = nameof(PowSolveTimeout);
    public const string PowSolveFailed = nameof(PowSolveFailed);
    public const string InvalidSolution = nameof(InvalidSolution);
    public const string MissingSolutionField = nameof(MissingSolutionField);
    public const string InvalidEndpoint = nameof(InvalidEndpoint);
    public const string LibsodiumUnavailable = nameof(LibsodiumUnavailable);
}

/// <summary>Error ids of the chain cmdlets.</summary>
internal static class ChainErrorIds
{
    public const string ConnectionFailed = nameof(ConnectionFailed);
    public const string RpcTimeout = nameof(RpcTimeout);
    public const string NodeError = nameof(NodeError);
    public const string MalformedReply = nameof(MalformedReply);
    public const string SubnetNotFound = nameof(SubnetNotFound);
    public const string PowRegistrationClosed = nameof(PowRegistrationClosed);
    public const string RegistrationClosed = nameof(RegistrationClosed);
    public const string BlockNotFound = nameof(BlockNotFound);
}
