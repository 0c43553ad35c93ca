namespace BittensorPow.Fuzz;

/// <summary>Runs one input; returns normally for accepted and for expected-rejection inputs, throws for a finding.</summary>
public delegate void FuzzEntry(ReadOnlySpan<byte> input);

/// <summary>A fuzz target: its entry point and where its seed corpus comes from.</summary>
public sealed record FuzzTarget(string Name, FuzzEntry Run, Func<IEnumerable<byte[]>> Seeds);
