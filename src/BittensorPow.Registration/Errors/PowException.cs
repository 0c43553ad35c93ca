namespace BittensorPow.Registration.Errors;

/// <summary>Carries a <see cref="PowError"/> out of a workflow; the cmdlet writes or throws it as its scope says.</summary>
public sealed class PowException(PowError error) : Exception(error.Message, error.Inner)
{
    public PowError Error { get; } = error;

    public static PowException Argument(string id, object? target, string message, string action) =>
        new(new PowError(id, PowErrorCategory.InvalidArgument, target, message, action));

    /// <summary>A bad parameter (not a piped value): no later record can succeed with it.</summary>
    public static PowException Parameter(string id, object? target, string message, string action) =>
        Pipeline(id, PowErrorCategory.InvalidArgument, target, message, action);

    /// <summary>A failure that makes every later record pointless (no back end, no wallet folder): it ends the pipeline.</summary>
    public static PowException Pipeline(string id, PowErrorCategory category, object? target, string message, string action) =>
        new(new PowError(id, category, target, message, action) { Scope = PowErrorScope.Pipeline });
}
