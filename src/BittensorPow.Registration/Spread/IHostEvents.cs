namespace BittensorPow.Registration.Spread;

/// <summary>What one search on a host tells the coordinator, from any thread; the coordinator acts on it on its own thread.</summary>
public interface IHostEvents
{
    /// <summary>A line the host's search wrote: verbose, or a warning.</summary>
    void Said(string message, bool warning = false);

    /// <summary>The search's numbers: its range as its engine holds it, nonces tried, rate, block.</summary>
    void Reported(SolveReport report);

    /// <summary>The solution the host returned, read from its output; it wins only once it holds here.</summary>
    void Found(Solution candidate);

    /// <summary>The search ended without a solution, or could not start; <paramref name="errorId"/>: the id it ended with.</summary>
    void Failed(string reason, string? errorId = null);
}
