using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace BittensorPow.Cmdlets.Remoting;

/// <summary>One host of a spread search: the name it is reported under, its open runspace, and its own parameters.</summary>
internal sealed record RemoteHost(string Name, Runspace Runspace, Hashtable Overrides)
{
    /// <summary>"host" on the default port, "host:port" otherwise, so two sshds on one machine stay apart.</summary>
    public static string NameOf(PSSession session)
    {
        // Read by name: the SSH connection type is not in the reference assemblies this module builds against.
        var info = PSObject.AsPSObject(session.Runspace.ConnectionInfo);
        string computer = session.ComputerName;
        int port = info.Properties["Port"]?.Value is int p ? p : 0;
        return port is 0 or 22 or 5985 or 5986 ? computer : $"{computer}:{port}";
    }
}
