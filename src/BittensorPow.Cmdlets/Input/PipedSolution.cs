namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// A piped object's properties as a <see cref="SolutionRecord"/>: a PowSolution, or one read back from JSON or CSV. A
/// spread search's hosts send their solutions back through it too (Remoting/PSSessionHost).
/// </summary>
internal static class PipedSolution
{
    public static SolutionRecord Of(PSObject input) => new(name => input.Properties[name]?.Value switch
    {
        PSObject o => o.BaseObject,
        var v => v,
    }, input);

    public static Solution Read(PSObject input, SealByteOrder? orderParameter) => Of(input).Read(orderParameter);
}
