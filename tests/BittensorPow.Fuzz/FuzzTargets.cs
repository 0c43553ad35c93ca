using BittensorPow.Fuzz.Targets;

namespace BittensorPow.Fuzz;

/// <summary>Every target, by name; AFL, the regression replay and the xunit smoke all go through these entries.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("scale", ScaleTarget.Run, ScaleTarget.Seeds),
        new("metadata", MetadataTarget.Run, MetadataTarget.Seeds),
        new("value", ValueTarget.Run, ValueTarget.Seeds),
        new("events", EventsTarget.Run, EventsTarget.Seeds),
        new("rpc", RpcTarget.Run, RpcTarget.Seeds),
        new("header", HeaderTarget.Run, HeaderTarget.Seeds),
        new("extrinsic", ExtrinsicTarget.Run, ExtrinsicTarget.Seeds),
        new("keyfile", KeyfileTarget.Run, KeyfileTarget.Seeds),
        new("nacl", NaclTarget.Run, NaclTarget.Seeds),
        new("ss58", Ss58Target.Run, Ss58Target.Seeds),
        new("pwvar", PasswordVariableTarget.Run, PasswordVariableTarget.Seeds),
    ];

    public static FuzzTarget Get(string name) => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"No fuzz target '{name}'; known: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
}
