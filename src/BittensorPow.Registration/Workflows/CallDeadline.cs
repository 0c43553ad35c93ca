using BittensorPow.Registration.Errors;

namespace BittensorPow.Registration.Workflows;

/// <summary>
/// One -TimeoutSec for a whole span of work — connecting, every RPC, solving — rather than one per step, so that a node
/// that accepts connections but never answers cannot stretch the call past it. Each step names its phase, and running
/// out says which phase it was.
/// </summary>
public sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _user;
    private readonly TimeSpan? _limit;

    /// <param name="limit">Null: no limit, only the user's cancellation.</param>
    public CallDeadline(TimeSpan? limit, CancellationToken user)
    {
        _user = user;
        _limit = limit;
        _source = CancellationTokenSource.CreateLinkedTokenSource(user);
        if (limit is { } l) _source.CancelAfter(l);
    }

    public CancellationToken Token => _source.Token;

    private bool Expired => _source.IsCancellationRequested && !_user.IsCancellationRequested;

    /// <summary>Runs one phase; when the deadline passes inside it, the error names the phase.</summary>
    public T Run<T>(string phase, string id, Func<CancellationToken, T> step)
    {
        try { return step(Token); }
        catch (Exception ex) when (Expired && ex is OperationCanceledException or PowException or AggregateException)
        {
            throw new PowException(new PowError(id, PowErrorCategory.OperationTimeout, phase,
                $"-TimeoutSec {_limit!.Value.TotalSeconds:0.###} ran out while {phase}.",
                id == ErrorIds.PowSolveTimeout
                    ? "Give -TimeoutSec more seconds (it bounds the whole call, connecting included), or solve on a faster back end (-Cuda)."
                    : "The node did not answer in time: check the endpoint (it must be a subtensor node's WebSocket port), or give -TimeoutSec more seconds.",
                ex, PowErrorScope.Pipeline));
        }
    }

    public void Dispose() => _source.Dispose();
}
