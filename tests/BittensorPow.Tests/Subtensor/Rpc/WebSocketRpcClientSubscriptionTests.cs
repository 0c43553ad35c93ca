using System.Collections.Concurrent;
using System.Text.Json;
using BittensorPow.DevNode;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Rpc;

/// <summary>New heads are pushed, survive a dropped socket, and early notifications are not lost.</summary>
public class WebSocketRpcClientSubscriptionTests
{
    private static ulong Number(JsonElement header) => Convert.ToUInt64(header.GetProperty("number").GetString(), 16);

    [Fact]
    public async Task NewHeadsArrivePushedWithinTheBlockInterval()
    {
        await using var node = await DevNodeHarness.StartAsync(new DevNodeOptions { BlockMs = 200 });
        await using var client = await DevNodeHarness.ConnectAsync(node);
        var heads = new ConcurrentQueue<ulong>();

        await using (await client.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads", h => heads.Enqueue(Number(h))))
        {
            // The current head at once, then one per 200 ms block: three within ~1 s even on a busy machine.
            Assert.True(await DevNodeHarness.EventuallyAsync(() => heads.Count >= 4, TimeSpan.FromSeconds(5)), $"got {heads.Count} heads");
        }
        var seen = heads.ToArray();
        Assert.Equal(seen.OrderBy(n => n), seen);
        Assert.Equal(seen.Length, seen.Distinct().Count());
    }

    [Fact]
    public async Task ResubscribesAfterTheSocketDropsAndNotificationsContinue()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        var heads = new ConcurrentQueue<ulong>();
        var events = new ConcurrentQueue<string>();
        client.ConnectionChanged += e => events.Enqueue(e.Text);

        await using var subscription = await client.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads",
            h => heads.Enqueue(Number(h)));
        Assert.True(await DevNodeHarness.EventuallyAsync(() => heads.Contains(0UL), TimeSpan.FromSeconds(5)));

        node.DropConnections();
        Assert.True(await DevNodeHarness.EventuallyAsync(() => events.Any(e => e.StartsWith("resubscribed 1 of 1")), TimeSpan.FromSeconds(10)),
            string.Join(" | ", events));
        node.Chain.ProduceBlock();
        node.Chain.ProduceBlock();

        Assert.True(await DevNodeHarness.EventuallyAsync(() => heads.Contains(2UL), TimeSpan.FromSeconds(5)), string.Join(",", heads));
        Assert.Contains(events, e => e.StartsWith("disconnected"));
        // Plain calls work on the new connection too.
        Assert.Equal(node.Chain.Head.HashHex, (await client.CallAsync("chain_getBlockHash", [])).GetString());
    }

    [Fact]
    public async Task SubscriptionsWithAnEffectAreNotSentAgainAfterAReconnect()
    {
        await using var node = await DevNodeHarness.StartAsync();
        // Treat new heads as if subscribing had an effect (as author_submitAndWatchExtrinsic does) to observe the rule.
        var options = DevNodeHarness.FastOptions with { NonResumableSubscriptions = new HashSet<string> { "chain_subscribeNewHeads" } };
        await using var client = await DevNodeHarness.ConnectAsync(node, options);
        var heads = new ConcurrentQueue<ulong>();
        var events = new ConcurrentQueue<string>();
        client.ConnectionChanged += e => events.Enqueue(e.Text);

        await using var subscription = await client.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads",
            h => heads.Enqueue(Number(h)));
        Assert.True(await DevNodeHarness.EventuallyAsync(() => heads.Contains(0UL), TimeSpan.FromSeconds(5)));

        node.DropConnections();
        Assert.True(await DevNodeHarness.EventuallyAsync(
                () => events.Any(e => e.StartsWith("not resubscribing chain_subscribeNewHeads")), TimeSpan.FromSeconds(10)),
            string.Join(" | ", events));
        Assert.Equal(node.Chain.Head.HashHex, (await client.CallAsync("chain_getBlockHash", [])).GetString());
        node.Chain.ProduceBlock();
        await Task.Delay(300);
        Assert.DoesNotContain(1UL, heads);
    }

    [Fact]
    public async Task NotificationsThatArriveBeforeTheSubscribeReplyAreDelivered()
    {
        await using var node = await DevNodeHarness.StartAsync();
        node.Faults.NotifyFirst = true;
        await using var client = await DevNodeHarness.ConnectAsync(node);
        var heads = new ConcurrentQueue<ulong>();

        await using var subscription = await client.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads",
            h => heads.Enqueue(Number(h)));

        Assert.True(await DevNodeHarness.EventuallyAsync(() => heads.Contains(0UL), TimeSpan.FromSeconds(5)), "the early head was lost");
    }

    [Fact]
    public async Task DisposingTheSubscriptionUnsubscribesAtTheNode()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        int count = 0;
        var subscription = await client.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads",
            _ => Interlocked.Increment(ref count));
        Assert.True(await DevNodeHarness.EventuallyAsync(() => Volatile.Read(ref count) == 1, TimeSpan.FromSeconds(5)));

        await subscription.DisposeAsync();
        node.Chain.ProduceBlock();
        await Task.Delay(300);

        Assert.Equal(1, Volatile.Read(ref count));
    }

    [Fact]
    public async Task AThrowingHandlerIsReportedAndDoesNotStopTheSubscription()
    {
        await using var node = await DevNodeHarness.StartAsync();
        await using var client = await DevNodeHarness.ConnectAsync(node);
        var events = new ConcurrentQueue<string>();
        client.ConnectionChanged += e => events.Enqueue(e.Text);
        int count = 0;
        await using var subscription = await client.SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads",
            _ => { Interlocked.Increment(ref count); throw new InvalidOperationException("boom"); });
        // The handler throws on the first head; the next block must still reach it.
        node.Chain.ProduceBlock();
        Assert.True(await DevNodeHarness.EventuallyAsync(() => Volatile.Read(ref count) >= 1, TimeSpan.FromSeconds(10)));
        int afterFirstThrow = Volatile.Read(ref count);
        node.Chain.ProduceBlock();

        Assert.True(await DevNodeHarness.EventuallyAsync(() => Volatile.Read(ref count) > afterFirstThrow, TimeSpan.FromSeconds(10)));
        Assert.Contains(events, e => e.Contains("boom"));
    }
}
