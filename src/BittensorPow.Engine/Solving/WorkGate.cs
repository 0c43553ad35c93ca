namespace BittensorPow.Engine.Solving;

/// <summary>
/// Whether a template source has work worth hashing. A source closes it when its work can no longer be submitted and
/// nothing newer is known (the chain's node is away and the work has left the window); workers then block on it — no
/// spinning, no hashing — until the source opens it with new work, or until the solve is stopped, which ends the wait
/// at once.
/// </summary>
public sealed class WorkGate
{
    // No spinning before blocking: a closed gate stays closed for seconds, and spinning would be the CPU use it avoids.
    private readonly ManualResetEventSlim _open = new(initialState: true, spinCount: 0);

    public bool IsOpen => _open.IsSet;

    public void Open() => _open.Set();

    public void Close() => _open.Reset();

    /// <summary>Blocks until the gate is open.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled first.</exception>
    public void Wait(CancellationToken cancellation) => _open.Wait(cancellation);
}
