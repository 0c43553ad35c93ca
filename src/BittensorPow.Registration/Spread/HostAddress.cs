namespace BittensorPow.Registration.Spread;

/// <summary>
/// Where a spread host's session goes (-HostName: "host", "user@host" or "host:port", several sshds on one machine apart),
/// and the name lines, warnings and -HostParameters give it, known before its session opens.
/// </summary>
/// <param name="Target">What New-PSSession -HostName gets: the entry without its port.</param>
/// <param name="Port">The entry's own port, else -Port; null: the SSH default.</param>
public sealed record HostAddress(string Target, int? Port)
{
    /// <summary>"host" on the default port, "host:port" otherwise; as <see cref="NameOf"/> names an open session.</summary>
    public string Name => NameOf(Target[(Target.LastIndexOf('@') + 1)..], Port ?? 0);

    public static HostAddress Parse(string entry, int? port) =>
        entry.LastIndexOf(':') is var c and > 0 && int.TryParse(entry[(c + 1)..], out var own) ? new(entry[..c], own) : new(entry, port);

    /// <summary>The name of a session to <paramref name="computer"/> on <paramref name="port"/> (0: unknown, the default).</summary>
    public static string NameOf(string computer, int port) => port is 0 or 22 or 5985 or 5986 ? computer : $"{computer}:{port}";
}
