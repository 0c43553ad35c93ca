namespace BittensorPow.Cmdlets.Input;

/// <summary>
/// Refuses text far longer than anything its parameter can hold (<see cref="TextBounds"/>), before PowerShell converts it.
/// Runs first among a parameter's attributes, so the refusal is PowerShell's ParameterArgumentTransformationError
/// (InvalidData), quoting a short prefix.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BoundedTextAttribute(TextKind kind) : ArgumentTransformationAttribute
{
    public TextKind Kind { get; } = kind;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (TextBounds.TooLong(inputData is PSObject p ? p.BaseObject : inputData, Kind) is { } why)
            throw new ArgumentTransformationMetadataException(why);
        return inputData;
    }
}
