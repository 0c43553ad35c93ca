namespace BittensorPow.Cmdlets.Remoting;

/// <summary>How New-PSSession logs in to the hosts given by -HostName: -Port, -UserName, -KeyFilePath, -SshOption.</summary>
internal sealed record SshLogin(int? Port, string? UserName, string? KeyFilePath, Hashtable? Options);
