namespace BittensorPow.Cmdlets.Hosting;

/// <summary>
/// Which node to talk to, as btcli decides it: -Endpoint, then -Network, then BT_SUBTENSOR_CHAIN_ENDPOINT,
/// then BT_SUBTENSOR_NETWORK, then the local node.
/// </summary>
internal static class ChainEndpoint
{
    public const string Local = "ws://127.0.0.1:9944";
    public const string Finney = "wss://entrypoint-finney.opentensor.ai:443";
    public const string Test = "wss://test.finney.opentensor.ai:443";

    public static string Resolve(string? endpoint, string? network)
    {
        if (!string.IsNullOrWhiteSpace(endpoint)) return endpoint.Trim();
        if (!string.IsNullOrWhiteSpace(network)) return FromNetwork(network);
        var env = Environment.GetEnvironmentVariable("BT_SUBTENSOR_CHAIN_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(env)) return env.Trim();
        var envNetwork = Environment.GetEnvironmentVariable("BT_SUBTENSOR_NETWORK");
        if (!string.IsNullOrWhiteSpace(envNetwork)) return FromNetwork(envNetwork);
        return Local;
    }

    private static string FromNetwork(string network) => network.Trim().ToLowerInvariant() switch
    {
        "finney" => Finney,
        "test" => Test,
        "local" => Local,
        // btcli also lets BT_SUBTENSOR_NETWORK hold a URL.
        var other when other.Contains("://") => network.Trim(),
        _ => throw new PowErrorRecordException(PowErrors.InvalidArgument(ErrorIds.InvalidEndpoint, network,
            $"Network '{network}' is not known.", "Use finney, test or local, or give -Endpoint ws://host:port.")),
    };
}
