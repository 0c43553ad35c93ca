namespace BittensorPow.Subtensor.Rpc;

/// <summary>
/// Which node to talk to, as btcli decides it: an explicit endpoint, then a network name, then
/// BT_SUBTENSOR_CHAIN_ENDPOINT, then BT_SUBTENSOR_NETWORK, then the local node.
/// </summary>
public static class ChainEndpoint
{
    public const string Local = "ws://127.0.0.1:9944";
    public const string Finney = "wss://entrypoint-finney.opentensor.ai:443";
    public const string Test = "wss://test.finney.opentensor.ai:443";

    public static IReadOnlyList<string> Networks { get; } = ["finney", "test", "local"];

    /// <exception cref="ArgumentException">The network name is not known (and is not a URL).</exception>
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
        _ => throw new ArgumentException(
            $"Network '{Hex.Shorten(network)}' is not known; use {string.Join(", ", Networks)} or a ws:// URL.",
            nameof(network)),
    };
}
