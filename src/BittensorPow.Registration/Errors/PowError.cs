namespace BittensorPow.Registration.Errors;

/// <summary>
/// A failure as users see it: a stable id (<see cref="ErrorIds"/>, or the pallet's own error name), a category, the
/// offending value, what was wrong and what to do about it. Never carries a secret.
/// </summary>
public sealed record PowError(string Id, PowErrorCategory Category, object? Target, string Message, string RecommendedAction)
{
    /// <summary>The exception behind it, kept for -Debug and $Error[0].Exception.InnerException; never shown as a trace.</summary>
    public Exception? Inner { get; init; }

    public PowErrorScope Scope { get; init; } = PowErrorScope.Record;
}
