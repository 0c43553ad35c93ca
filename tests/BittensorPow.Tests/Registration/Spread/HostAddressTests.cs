using BittensorPow.Registration.Spread;

namespace BittensorPow.Tests.Registration.Spread;

/// <summary>A -HostName entry's name is known before its session opens, and is the one an open session to it would get.</summary>
public sealed class HostAddressTests
{
    [Theory]
    [InlineData("rig1", null, "rig1", null, "rig1")]
    [InlineData("rig2:2222", null, "rig2", 2222, "rig2:2222")]
    [InlineData("rig2:2222", 2200, "rig2", 2222, "rig2:2222")]   // the entry's own port wins over -Port
    [InlineData("rig3", 2200, "rig3", 2200, "rig3:2200")]
    [InlineData("rig3", 22, "rig3", 22, "rig3")]
    [InlineData("rig3:22", null, "rig3", 22, "rig3")]
    [InlineData("miner@rig4:2222", null, "miner@rig4", 2222, "rig4:2222")]   // the user is New-PSSession's, not the name's
    [InlineData("127.0.0.1:40022", null, "127.0.0.1", 40022, "127.0.0.1:40022")]
    public void An_entry_is_its_target_its_port_and_its_name(string entry, int? port, string target, int? ownPort, string name)
    {
        var address = HostAddress.Parse(entry, port);
        Assert.Equal((target, ownPort, name), (address.Target, address.Port, address.Name));
    }

    [Theory]
    [InlineData("rig1", 0, "rig1")]
    [InlineData("rig1", 22, "rig1")]
    [InlineData("rig1", 2222, "rig1:2222")]
    public void An_open_session_is_named_alike(string computer, int port, string name) => Assert.Equal(name, HostAddress.NameOf(computer, port));
}
