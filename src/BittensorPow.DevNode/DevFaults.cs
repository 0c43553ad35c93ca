namespace BittensorPow.DevNode;

/// <summary>Faults switched on by control RPCs; every session reads them per request.</summary>
public sealed class DevFaults
{
    private int _delayMs;
    private int _notifyFirst;

    private IReadOnlySet<string>? _delayed;

    /// <summary>Milliseconds every non-dev_ reply is held back (dev_setDelay); a huge value makes a node that never answers.</summary>
    public int DelayMs { get => Volatile.Read(ref _delayMs); set => Volatile.Write(ref _delayMs, Math.Max(0, value)); }

    /// <summary>The methods <see cref="DelayMs"/> holds back (dev_setDelay's second parameter); null: every non-dev_ one.</summary>
    public IReadOnlySet<string>? DelayedMethods { get => Volatile.Read(ref _delayed); set => Volatile.Write(ref _delayed, value); }

    /// <summary>How long a reply to <paramref name="method"/> is held back; dev_* calls never are, so a test can undo it.</summary>
    public int DelayFor(string method) =>
        method.StartsWith("dev_", StringComparison.Ordinal) || DelayedMethods is { } only && !only.Contains(method) ? 0 : DelayMs;

    /// <summary>Send a subscription's first notification before the subscribe reply (dev_setNotifyFirst).</summary>
    public bool NotifyFirst { get => Volatile.Read(ref _notifyFirst) != 0; set => Volatile.Write(ref _notifyFirst, value ? 1 : 0); }
}
