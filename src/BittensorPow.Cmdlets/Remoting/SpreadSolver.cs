using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BittensorPow.Cmdlets.Output;
using BittensorPow.Engine;
using BittensorPow.Engine.Solving;
using BittensorPow.Registration;
using BittensorPow.Registration.Errors;
using BittensorPow.Registration.Solving;
using BittensorPow.Registration.Workflows;
using BittensorPow.Subtensor.Chain;

namespace BittensorPow.Cmdlets.Remoting;

/// <summary>
/// What New-PowSolution and Register-SubtensorNeuron share for -Session/-HostName: opening (and closing) sessions,
/// per-host parameters, the remote New-PowSolution's parameters for each target, and the local re-verification of the
/// winning solution (and, online, its freshness against the chain).
/// </summary>
internal sealed class SpreadSolver : IDisposable
{
    private static readonly string[] Reserved = ["NonceStart", "NonceCount", "Session", "HostName", "HostParameters", "NetUid", "BlockHash", "BlockNumber", "Difficulty", "Hotkey", "SealByteOrder", "Endpoint", "Network"];
    private readonly List<PSSession> _opened = [];
    private readonly List<PowerShell> _openers = [];
    private readonly List<RemoteHost> _hosts = [];
    private readonly Hashtable _solving;
    private readonly ulong? _nonceStart;
    private readonly IWorkflowOutput _output;
    private readonly CancellationToken _cancellation;

    /// <summary>The hosts of the last search and how quickly the others stopped; for the PowSolution.</summary>
    public PowSearchHost[]? Report { get; private set; }
    public TimeSpan? StoppedIn { get; private set; }

    public SpreadSolver(PSCmdlet cmdlet, PSSession[]? sessions, string[]? hostNames, int? port, string? userName, string? keyFilePath,
        Hashtable? sshOption, Hashtable? hostParameters, Hashtable solving, ulong? nonceStart, IWorkflowOutput output, CancellationToken cancellation)
    {
        _solving = solving;
        _nonceStart = nonceStart;
        _output = output;
        _cancellation = cancellation;
        if (sessions is not null && hostNames is not null)
            throw PowException.Parameter(ErrorIds.InvalidHostParameters, null, "-Session and -HostName cannot be used together.",
                "Pass open sessions with -Session, or host names with -HostName (the cmdlet then opens and closes the sessions itself).");
        var all = sessions ?? Open(hostNames ?? [], port, userName, keyFilePath, sshOption);
        try
        {
            foreach (var session in all)
                _hosts.Add(new RemoteHost(RemoteHost.NameOf(session), session.Runspace, new Hashtable(StringComparer.OrdinalIgnoreCase)));
            ApplyHostParameters(hostParameters);
        }
        catch { Dispose(); throw; }
    }

    public int HostCount => _hosts.Count;

    private PSSession[] Open(string[] hostNames, int? port, string? userName, string? keyFilePath, Hashtable? sshOption)
    {
        // In parallel, each from its own runspace: opening starts a pwsh on the host, which takes seconds. A runspace
        // closes the sessions it opened when it closes, so those runspaces live until Dispose.
        var opening = new List<(string Text, PowerShell Ps, IAsyncResult Async)>();
        foreach (var text in hostNames)
        {
            // "host:port" names a port per host (several sshds on one machine); -Port applies to the rest.
            var (name, hostPort) = text.LastIndexOf(':') is var c and > 0 && int.TryParse(text[(c + 1)..], out var p) ? (text[..c], (int?)p) : (text, port);
            var ps = PowerShell.Create();
            _openers.Add(ps);
            ps.AddCommand("New-PSSession").AddParameter("HostName", name).AddParameter("ErrorAction", ActionPreference.Stop);
            if (hostPort is { } hp) ps.AddParameter("Port", hp);
            if (userName is not null) ps.AddParameter("UserName", userName);
            if (keyFilePath is not null) ps.AddParameter("KeyFilePath", keyFilePath);
            if (sshOption is not null) ps.AddParameter("Options", sshOption);
            opening.Add((text, ps, ps.BeginInvoke()));
        }
        var sw = Stopwatch.StartNew();
        var failures = new List<string>();
        foreach (var (text, ps, async) in opening)
        {
            while (!async.AsyncWaitHandle.WaitOne(100))
                if (_cancellation.IsCancellationRequested) { foreach (var o in opening) o.Ps.BeginStop(null, null); Dispose(); _cancellation.ThrowIfCancellationRequested(); }
            try
            {
                var session = ps.EndInvoke(async).Select(o => o.BaseObject).OfType<PSSession>().SingleOrDefault()
                    ?? throw new RuntimeException(ps.Streams.Error.LastOrDefault()?.ToString() ?? "New-PSSession returned no session");
                _opened.Add(session);
                _output.Verbose($"[{RemoteHost.NameOf(session)}] session opened ({sw.Elapsed.TotalSeconds:F1} s).");
            }
            catch (RuntimeException ex)
            {
                failures.Add($"{text}: {ex.Message}");
                _output.Warning($"Host {text} dropped out of the search: could not open a session: {ex.Message}");
            }
        }
        if (_opened.Count == 0)
            throw new PowException(new PowError(ErrorIds.AllHostsFailed, PowErrorCategory.ConnectionError, string.Join(", ", hostNames),
                hostNames.Length == 0 ? "No host was given." : $"No session could be opened: {string.Join("; ", failures)}",
                "Check that each host runs sshd with the line 'Subsystem powershell <path to pwsh> -sshs -NoLogo' and that -UserName/-KeyFilePath let you in (try: ssh -i <key> user@host)."));
        return [.. _opened];
    }

    private void ApplyHostParameters(Hashtable? hostParameters)
    {
        if (hostParameters is null) return;
        foreach (DictionaryEntry e in hostParameters)
        {
            string key = e.Key?.ToString() ?? "";
            var matches = _hosts.Where(h => string.Equals(h.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0) matches = _hosts.Where(h => string.Equals(h.Name.Split(':')[0], key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
                throw PowException.Parameter(ErrorIds.InvalidHostParameters, key, $"-HostParameters names host '{key}', which is not one of this search's hosts ({string.Join(", ", _hosts.Select(h => h.Name))}).",
                    "Use the host names as listed (host, or host:port when the port is not 22).");
            if (PSObject.AsPSObject(e.Value).BaseObject is not IDictionary values)
                throw PowException.Parameter(ErrorIds.InvalidHostParameters, key, $"-HostParameters['{key}'] must be a hashtable of New-PowSolution parameters, such as @{{ Cuda = $true; DeviceId = 0,1 }}.",
                    "Give each host a hashtable.");
            foreach (DictionaryEntry v in values)
            {
                string name = v.Key?.ToString() ?? "";
                if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
                    throw PowException.Parameter(ErrorIds.InvalidHostParameters, name, $"-HostParameters cannot set {name} for a host: the search sets it the same for every host or partitions it.",
                        "Set only solving parameters per host (Backend, Cuda, OpenCL, DeviceId, ThreadCount, ThreadsPerBlock, UpdateInterval, TimeoutSec).");
                foreach (var h in matches) h.Overrides[name] = v.Value;
            }
        }
    }

    /// <summary>New-PowSolution -BlockHash on every host; the winner is checked here against the block it was asked to solve.</summary>
    public Solution Offline(BlockTemplate template, string sealRule)
    {
        var target = new Hashtable
        {
            ["BlockHash"] = Hex.Encode(template.BlockHash), ["BlockNumber"] = template.BlockNumber, ["Difficulty"] = template.Difficulty.Value,
            ["Hotkey"] = Hex.Encode(template.Challenge.Hotkey), ["SealByteOrder"] = template.ByteOrder.ToString(),
        };
        return Solve(target, $"Solving registration PoW on {_hosts.Count} host(s)", o =>
        {
            var s = Parse(o, null, sealRule);
            if (!s.Challenge.Equals(template.Challenge) || s.Difficulty.Value != template.Difficulty.Value)
                return (null, $"it is for {s}, not the block, difficulty, hotkey and byte order asked for");
            return Check(s, null);
        });
    }

    /// <summary>New-PowSolution -NetUid on every host (each follows the heads itself); the winner is checked here, fresh against the chain.</summary>
    public Solution Online(OnlineSolveTarget t)
    {
        var target = new Hashtable
        {
            ["NetUid"] = t.NetUid, ["Endpoint"] = t.Chain.Endpoint, ["Hotkey"] = Hex.Encode(t.Challenge.Hotkey),
            ["SealByteOrder"] = t.Challenge.ByteOrder.ToString(),
        };
        return Solve(target, $"Solving registration PoW for subnet {t.NetUid} on {_hosts.Count} host(s)", o =>
        {
            var s = Parse(o, t.NetUid, t.SealRule) with { Endpoint = t.Chain.Endpoint };
            if (!s.Challenge.Hotkey.SequenceEqual(t.Challenge.Hotkey) || s.ByteOrder != t.Challenge.ByteOrder)
                return (null, $"it is for another hotkey or byte order ({s})");
            return Check(s, t.Chain);
        });
    }

    private (Solution?, string?) Check(Solution s, Registration.Chain.ChainSession? chain)
    {
        var verdict = SolutionCheck.Check(s.Template, s.Nonce, s.Seal, chain, _cancellation);
        return verdict.IsValid ? (s, null) : (null, verdict.Reason);
    }

    private Solution Solve(Hashtable target, string activity, Func<PSObject, (Solution?, string?)> accept)
    {
        var common = new Hashtable(_solving, StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in target) common[e.Key] = e.Value;
        var search = new SpreadSearch(_hosts, _output);
        var clock = Stopwatch.StartNew();
        Solution? won = null;
        HostRun? winner = null;
        try
        {
            (won, winner) = search.Run(common, _nonceStart ?? NonceAllocator.RandomStart(), activity, o =>
            {
                try { return accept(o); }
                catch (Exception ex) when (ex is PSInvalidCastException or FormatException or ArgumentException or InvalidOperationException)
                {
                    return (null, $"it is not a readable PowSolution: {ex.Message}");
                }
            }, _cancellation);
            StoppedIn = search.StoppedIn;
            var runs = search.Runs;
            var stats = won.Statistics! with
            {
                Elapsed = clock.Elapsed, NoncesTried = (ulong)runs.Sum(r => (decimal)r.NoncesTried), HashRate = runs.Sum(r => r.HashRate),
                HashRateAverage = clock.Elapsed.TotalSeconds > 0 ? (double)runs.Sum(r => (decimal)r.NoncesTried) / clock.Elapsed.TotalSeconds : 0,
                Workers = runs.Count,
            };
            return won with { Statistics = stats };
        }
        finally
        {
            Report = [.. search.Runs.Select(r => new PowSearchHost
            {
                ComputerName = r.Name, NonceStart = r.NonceStart, NonceCount = r.NonceCount, RangeReported = r.RangeReported,
                NoncesTried = r.NoncesTried, HashRate = r.HashRate, BlockNumber = r.BlockNumber,
                State = r == winner ? "Found" : r.Failure ?? "Stopped",
            })];
        }
    }

    private static Solution Parse(PSObject o, ushort? netUid, string sealRule)
    {
        T Get<T>(string name) => LanguagePrimitives.ConvertTo<T>(o.Properties[name]?.Value ?? throw new InvalidOperationException($"it has no {name}"));
        var challenge = new LegacyChallenge(Get<ulong>("BlockNumber"), BlockHash.Parse(Get<string>("BlockHash")).AsSpan(),
            Hex.Decode(Get<string>("HotkeyPublicKey")), Get<SealByteOrder>("SealByteOrder"));
        var s = new Solution(challenge, new Difficulty(Get<ulong>("Difficulty")), Get<ulong>("Nonce"), Hex.Decode(Get<string>("Seal")))
        {
            NetUid = netUid, Backend = Get<string>("Backend"), SealRule = sealRule,
        };
        return s with
        {
            Statistics = new SolverStatistics
            {
                Elapsed = TimeSpan.Zero, Rounds = 0, NoncesTried = Get<ulong>("NoncesTried"), HashRate = Get<double>("HashRate"), HashRateAverage = 0,
                Difficulty = s.Difficulty.Value, BlockNumber = s.BlockNumber, BlockHash = s.BlockHash.AsSpan().ToArray(), Workers = 1,
                BlocksSeen = Get<int>("BlocksSeen"), DeviceFaults = 0,
            },
        };
    }

    /// <summary>Closes the sessions this search opened itself (-HostName); the caller's own -Session stay open.</summary>
    public void Dispose()
    {
        foreach (var session in _opened)
        {
            try { session.Runspace.Close(); session.Runspace.Dispose(); }
            catch (Exception ex) when (ex is InvalidOperationException or RuntimeException or ObjectDisposedException) { }
        }
        _opened.Clear();
        foreach (var ps in _openers) ps.Dispose();
        _openers.Clear();
    }
}
