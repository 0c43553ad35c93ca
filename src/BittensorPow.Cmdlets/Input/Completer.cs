namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// Tab completion of one parameter: its <see cref="CompletionCandidates"/>, those that start with the word typed, sorted,
/// and quoted where PowerShell would read the value otherwise.
/// </summary>
public abstract class Completer(Func<Func<string, object?>, IEnumerable<CompletionCandidate>> candidates) : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = wordToComplete.Trim('\'', '"');
        return candidates(name => fakeBoundParameters[name]).DistinctBy(c => c.Value)
            .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(Quoted(c.Value), c.Value, CompletionResultType.ParameterValue, c.Tooltip ?? c.Value));
    }

    private static string Quoted(string v) =>
        v.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or ';' or '(' or ')' or '{' or '}' or '@' or '#' or ',')
            ? "'" + v.Replace("'", "''") + "'" : v;
}
