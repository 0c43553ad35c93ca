namespace BittensorPow.Subtensor.Rpc;

/// <summary>Checks node URLs up front, so a typo is a BadEndpoint error and not a slow series of failed connects.</summary>
public static class RpcEndpoint
{
    public static Uri Parse(string endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
            throw new RpcException(RpcErrorKind.BadEndpoint, "The node endpoint is empty; give a ws:// or wss:// URL such as ws://127.0.0.1:9944.");
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri))
        {
            // System.Uri refuses a port above 65535 without saying so; name the port rather than call it "not a URL".
            var port = System.Text.RegularExpressions.Regex.Match(endpoint, @"^\s*wss?://[^/:]+:(\d+)");
            if (port.Success && (!int.TryParse(port.Groups[1].Value, out var n) || n > 65535))
                throw new RpcException(RpcErrorKind.BadEndpoint,
                    $"'{EndpointDisplay.Show(endpoint)}': port {Hex.Shorten(port.Groups[1].Value)} "
                    + "is out of range 1–65535; a subtensor node listens on 9944 unless told otherwise "
                    + "(ws://127.0.0.1:9944).");
            throw new RpcException(RpcErrorKind.BadEndpoint,
                $"'{EndpointDisplay.Show(endpoint)}' is not a URL; give a ws:// or wss:// URL such as ws://127.0.0.1:9944.");
        }
        Validate(uri);
        return uri;
    }

    public static void Validate(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
            throw new RpcException(RpcErrorKind.BadEndpoint,
                $"'{EndpointDisplay.Show(endpoint.OriginalString)}' is not an absolute URL; give a ws:// or wss:// URL.");
        if (endpoint.Scheme is "http" or "https")
        {
            // The same node's WebSocket URL differs only in the scheme: name it, so that the fix can be copied.
            string ws = (endpoint.Scheme == "https" ? "wss" : "ws") + endpoint.OriginalString.Trim()[endpoint.Scheme.Length..];
            throw new RpcException(RpcErrorKind.BadEndpoint,
                $"'{EndpointDisplay.Show(endpoint.OriginalString)}': {endpoint.Scheme}:// is not a WebSocket scheme; "
                + "subtensor nodes speak JSON-RPC over WebSocket: use ws:// (or wss:// for TLS), "
                + $"e.g. {EndpointDisplay.Show(ws)}.");
        }
        if (endpoint.Scheme is not ("ws" or "wss"))
            throw new RpcException(RpcErrorKind.BadEndpoint,
                $"'{EndpointDisplay.Show(endpoint.OriginalString)}' uses scheme '{endpoint.Scheme}'; "
                + "subtensor nodes speak JSON-RPC over WebSocket, so use ws:// (or wss:// for TLS).");
        if (string.IsNullOrEmpty(endpoint.Host))
            throw new RpcException(RpcErrorKind.BadEndpoint,
                $"'{EndpointDisplay.Show(endpoint.OriginalString)}' names no host.");
    }
}
