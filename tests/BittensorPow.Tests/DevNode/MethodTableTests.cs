using System.Text.Json.Nodes;
using BittensorPow.DevNode.Methods;
using BittensorPow.DevNode.Transport;

namespace BittensorPow.Tests.DevNode;

/// <summary>The DevNode's method table is built from [RpcMethod] handlers and refuses a malformed set outright.</summary>
public sealed class MethodTableTests
{
    [Fact]
    public void EveryNameOnAHandlerReachesIt()
    {
        var handlers = MethodTable.FindHandlers([typeof(Aliased)]);

        Assert.Equal(["test_one", "test_two"], handlers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("answer", handlers["test_one"](null!)!.GetValue<string>());
        Assert.Equal("answer", handlers["test_two"](null!)!.GetValue<string>());
    }

    [Fact]
    public void ANameClaimedTwiceIsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => MethodTable.FindHandlers([typeof(Aliased), typeof(Clashing)]));

        Assert.Contains("test_two", e.Message);
        Assert.Contains(nameof(Clashing), e.Message);
    }

    [Theory]
    [InlineData(typeof(ReturnsText))]
    [InlineData(typeof(TakesNothing))]
    [InlineData(typeof(OnAnInstance))]
    public void AHandlerOfTheWrongShapeIsRefused(Type group)
    {
        var e = Assert.Throws<InvalidOperationException>(() => MethodTable.FindHandlers([group]));

        Assert.Contains(group.Name + ".Handle", e.Message);
    }

    private static class Aliased
    {
        [RpcMethod("test_one")]
        [RpcMethod("test_two")]
        public static JsonNode? Handle(RpcCall _) => "answer";
    }

    private static class Clashing
    {
        [RpcMethod("test_two")]
        public static JsonNode? Handle(RpcCall _) => "another";
    }

    private static class ReturnsText
    {
        [RpcMethod("test_text")]
        public static string Handle(RpcCall _) => "text";
    }

    private static class TakesNothing
    {
        [RpcMethod("test_nothing")]
        public static JsonNode? Handle() => null;
    }

    private sealed class OnAnInstance
    {
        [RpcMethod("test_instance")]
        public JsonNode? Handle(RpcCall _) => null;
    }
}
