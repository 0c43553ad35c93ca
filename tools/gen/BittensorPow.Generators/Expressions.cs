namespace BittensorPow.Generators;

/// <summary>A 32-bit operand of generated code: a literal the generator folds, or a named value the code computes.</summary>
internal abstract class Expr;

internal sealed class Lit(uint value) : Expr
{
    public uint Value { get; } = value;

    public override string ToString() => Hex(Value);

    public static string Hex(uint v) => $"0x{v:x8}u";
}

internal sealed class Var(string name) : Expr
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>A 64-bit Keccak lane as two 32-bit halves (Lo = bits 0..31).</summary>
internal readonly record struct Lane(Expr Lo, Expr Hi);

/// <summary>A launch parameter (<c>c.Name</c>): the same for every thread of a launch, so no statement computes it.
/// <see cref="Word"/> says which chaining-state word it is, or −1.</summary>
internal sealed class Param(string name, int word = -1) : Expr
{
    public string Name { get; } = name;

    public int Word { get; } = word;

    public override string ToString() => $"c.{Name}";
}
