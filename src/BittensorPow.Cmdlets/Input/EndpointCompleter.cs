namespace BittensorPow.Cmdlets.Input;

/// <summary>-Endpoint: BT_SUBTENSOR_CHAIN_ENDPOINT, then the known networks' URLs.</summary>
public sealed class EndpointCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var env = Environment.GetEnvironmentVariable("BT_SUBTENSOR_CHAIN_ENDPOINT");
        string[] known = [ChainEndpoint.Local, ChainEndpoint.Finney, ChainEndpoint.Test];
        return Completion.Matching(string.IsNullOrWhiteSpace(env) ? known : [env.Trim(), .. known], wordToComplete);
    }
}
