namespace BittensorPow.DevNode;

/// <summary>Faults switched on by control RPCs; every session reads them per request.</summary>
public sealed class DevFaults
{
    private int _delayMs;
    private int _notifyFirst;

    /// <summary>Milliseconds every non-dev_ reply is held back (dev_setDelay); a huge value makes a node that never answers.</summary>
    public int DelayMs { get => Volatile.Read(ref _delayMs); set => Volatile.Write(ref _delayMs, Math.Max(0, value)); }

    /// <summary>Send a subscription's first notification before the subscribe reply (dev_setNotifyFirst).</summary>
    public bool NotifyFirst { get => Volatile.Read(ref _notifyFirst) != 0; set => Volatile.Write(ref _notifyFirst, value ? 1 : 0); }
}
