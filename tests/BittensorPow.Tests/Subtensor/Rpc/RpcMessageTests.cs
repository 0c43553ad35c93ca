using System.Text;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Tests.Rpc;

/// <summary>The reply shapes real nodes and test tools send (SPEC §4) are all understood.</summary>
public class RpcMessageTests
{
    private static RpcIncomingMessage Parse(string json) => RpcIncomingMessage.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("{\"id\":104,\"jsonrpc\":\"2.0\",\"result\":\"0x01\"}", "104")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":\"abc\"}", "abc")]
    public void RepliesWithNumberOrStringIds(string json, string id)
    {
        var m = Parse(json);
        Assert.Equal(RpcIncomingKind.Response, m.Kind);
        Assert.Equal(id, m.Id);
    }

    [Fact]
    public void ErrorWithTextDataAsRealNodesSendIt()
    {
        var m = Parse("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1010,\"message\":\"Invalid Transaction\","
            + "\"data\":\"Transaction is outdated\"},\"id\":3}");
        Assert.Equal(RpcErrorKind.Remote, m.Error!.Kind);
        Assert.Equal(1010, m.Error.Code);
        Assert.Equal("Transaction is outdated", m.Error.ErrorData);
    }

    [Fact]
    public void ErrorWithoutDataAsChopsticksSendsIt()
    {
        var m = Parse("{\"id\":133,\"jsonrpc\":\"2.0\",\"error\":{\"code\":1010,\"message\":\"{\\\"invalid\\\":{\\\"stale\\\":null}}\"}}");
        Assert.Equal(1010, m.Error!.Code);
        Assert.Null(m.Error.ErrorData);
        Assert.Contains("stale", m.Error.Message);
    }

    [Fact]
    public void NotificationRoutedBySubscriptionId()
    {
        var m = Parse("{\"jsonrpc\":\"2.0\",\"method\":\"author_extrinsicUpdate\","
            + "\"params\":{\"result\":{\"ready\":null},\"subscription\":\"k4fmjdcz528\"}}");
        Assert.Equal(RpcIncomingKind.Notification, m.Kind);
        Assert.Equal("k4fmjdcz528", m.SubscriptionId);
        Assert.True(m.Result.TryGetProperty("ready", out _));
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x0", "7")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7}", "7")]
    [InlineData("garbage", null)]
    [InlineData("[1,2]", null)]
    public void MalformedMessagesKeepTheirIdWhenItCanBeRead(string json, string? id)
    {
        var m = Parse(json);
        Assert.Equal(RpcIncomingKind.Malformed, m.Kind);
        Assert.Equal(id, m.Id);
    }

    [Theory]
    [InlineData(1, 250)]
    [InlineData(2, 500)]
    [InlineData(5, 4000)]
    [InlineData(6, 8000)]
    [InlineData(60, 8000)]
    public void BackoffDoublesUpToTheCap(int attempt, int expectedMs)
        => Assert.Equal(TimeSpan.FromMilliseconds(expectedMs),
            ReconnectBackoff.DelayBefore(attempt, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(8)));
}
