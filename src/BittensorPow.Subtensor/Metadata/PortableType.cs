namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// One entry of the runtime's portable type registry (scale-info). Values on chain are decoded by walking these
/// definitions, so the client never hard-codes a layout that a runtime upgrade could change.
/// </summary>
public sealed record PortableType(int Id, IReadOnlyList<string> Path, IReadOnlyList<TypeParameter> Parameters, TypeDef Def)
{
    /// <summary>The Rust path joined with "::", e.g. "sp_core::crypto::AccountId32"; empty for anonymous types.</summary>
    public string PathText => string.Join("::", Path);
    public override string ToString() => $"#{Id} {(Path.Count > 0 ? PathText : Def.GetType().Name)}";
}
