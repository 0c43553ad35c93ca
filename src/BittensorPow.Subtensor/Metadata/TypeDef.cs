namespace BittensorPow.Subtensor.Metadata;

/// <summary>The shape of a type, one case per scale-info <c>TypeDef</c> variant.</summary>
public abstract record TypeDef;
