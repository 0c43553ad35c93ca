namespace BittensorPow.Subtensor.Chain.Text;

/// <summary>
/// A node URL as people see it, in messages, verbose lines and output objects: the user-info of "ws://user:password@host"
/// never leaves the process, so it is shown as "ws://***@host". Connecting always uses the URL as given.
/// </summary>
public static class EndpointDisplay
{
    public const string Mask = "***";

    /// <summary>The URL with its user-info masked and nothing else changed (the output objects' Endpoint).</summary>
    public static string Masked(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        int scheme = endpoint.IndexOf("://", StringComparison.Ordinal);
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = endpoint.IndexOfAny(['/', '?', '#'], start);
        if (end < 0) end = endpoint.Length;
        // The last '@' of the authority ends the user-info: a password may itself hold '@'.
        int at = end == start ? -1 : endpoint.LastIndexOf('@', end - 1, end - start);
        return at < 0 ? endpoint : string.Concat(endpoint.AsSpan(0, start), Mask, endpoint.AsSpan(at));
    }

    /// <summary>As messages show it: masked, control characters escaped, and cut (a 20,000-character URL is not echoed whole).</summary>
    public static string Show(string? endpoint) => PeerText.Quote(Masked(endpoint ?? ""), 80);
}
