namespace BittensorPow.Subtensor.Metadata;

/// <summary>
/// A SCALE value decoded by a metadata type: a small tree (like a JSON document) that storage values, events and
/// constants turn into. Sequences and arrays of u8 become <see cref="ScaleBytes"/> (hashes, account ids, Vec&lt;u8&gt;).
/// </summary>
public abstract record ScaleValue
{
    /// <summary>The value of a named field of a composite or variant; throws when it is not there.</summary>
    public ScaleValue this[string field] => Field(field)
        ?? throw new KeyNotFoundException($"The value has no field '{field}' ({this}).");

    public virtual ScaleValue? Field(string name) => null;

    public bool AsBool() => Unwrapped() is ScaleBool b ? b.Value : throw Mismatch("bool");
    public BigInteger AsBigInteger() => Unwrapped() is ScaleNumber n ? n.Value : throw Mismatch("number");
    public ulong AsUInt64() => checked((ulong)AsBigInteger());
    public ushort AsUInt16() => checked((ushort)AsBigInteger());
    public byte[] AsBytes() => Unwrapped() is ScaleBytes b ? b.Value : throw Mismatch("bytes");

    /// <summary>For Option&lt;T&gt; values: null for None, the inner value for Some.</summary>
    public ScaleValue? AsOption() => this switch
    {
        ScaleVariant { Name: "None", Fields.Count: 0 } => null,
        ScaleVariant { Name: "Some", Fields.Count: 1 } s => s.Fields[0].Value,
        _ => throw Mismatch("Option"),
    };

    /// <summary>Looks through newtype wrappers (a composite with one field), e.g. AccountId32([u8; 32]).</summary>
    public ScaleValue Unwrapped()
    {
        var v = this;
        while (v is ScaleComposite { Fields.Count: 1 } c) v = c.Fields[0].Value;
        return v;
    }

    private InvalidCastException Mismatch(string wanted) => new($"Expected a {wanted} value but found {this}.");
}
