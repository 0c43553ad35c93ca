namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// -WalletPath as PowerShell paths go: relative to the current location (Set-Location), ~ for home, drives
/// resolved. The .NET process's own current folder does not follow Set-Location, so without this a relative path
/// would name another folder than the user sees. It must be a file-system path.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WalletPathAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is PSObject wrapped) inputData = wrapped.BaseObject;
        if (inputData is not string path || string.IsNullOrWhiteSpace(path) || path.Contains('\0')) return inputData;
        string resolved;
        ProviderInfo provider;
        try { resolved = engineIntrinsics.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _); }
        catch (Exception e) when (e is ProviderNotFoundException or System.Management.Automation.DriveNotFoundException
            or NotSupportedException or PSArgumentException)
        {
            throw new ArgumentTransformationMetadataException($"-WalletPath '{path}' is not a file-system path: {e.Message}", e);
        }
        if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            throw new ArgumentTransformationMetadataException($"-WalletPath '{path}' names a {provider.Name} path, not a folder.");
        return resolved;
    }
}
