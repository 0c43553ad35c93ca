using BittensorPow.DevNode.Chain;
using BittensorPow.Subtensor.Keys;

namespace BittensorPow.Tests.DevNode;

/// <summary>The DevNode stores values under the keys a real node used in the recorded transcript.</summary>
public class StorageKeysTests
{
    private static readonly byte[] Alice = Ss58.Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    private static readonly byte[] Bob = Ss58.Decode("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");

    [Fact]
    public void NetworksAdded()
        => Assert.Equal(DevBlockHashTests.RecordedRequestParam(111, 0), StorageKeys.Hex(StorageKeys.BySubnet("NetworksAdded", 1)));
    [Fact]
    public void Difficulty()
        => Assert.Equal(DevBlockHashTests.RecordedRequestParam(115, 0), StorageKeys.Hex(StorageKeys.BySubnet("Difficulty", 1)));
    [Fact]
    public void Uids()
        => Assert.Equal(DevBlockHashTests.RecordedRequestParam(119, 0), StorageKeys.Hex(StorageKeys.Uids(1, Bob)));
    [Fact]
    public void IsNetworkMember()
        => Assert.Equal(DevBlockHashTests.RecordedRequestParam(120, 0), StorageKeys.Hex(StorageKeys.IsNetworkMember(Bob, 1)));
    [Fact]
    public void SystemAccount()
        => Assert.Equal(DevBlockHashTests.RecordedRequestParam(110, 0), StorageKeys.Hex(StorageKeys.SystemAccount(Alice)));
}
