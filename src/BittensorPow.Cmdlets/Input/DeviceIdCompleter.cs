namespace BittensorPow.Cmdlets.Input;

/// <summary>-DeviceId: the ids of the GPU devices present (of the kind -Cuda / -OpenCL / -Backend asks for, when given).</summary>
public sealed class DeviceIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        PowBackend? kind = fakeBoundParameters.Contains("Cuda") ? PowBackend.Cuda
            : fakeBoundParameters.Contains("OpenCL") ? PowBackend.OpenCL
            : fakeBoundParameters["Backend"] is { } b && Enum.TryParse<PowBackend>(b.ToString(), true, out var named) ? named : null;
        var devices = GpuDevices.List(out _).Where(d => d.Kind.IsGpu() && (kind is null || !kind.Value.IsGpu() || d.Kind == kind)).ToList();
        return devices.SelectMany(d => Completion.Matching(
                [d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], wordToComplete, $"{d.Kind} {d.Id}: {d.Name}"))
            .GroupBy(r => r.CompletionText).Select(g => g.First());
    }
}
