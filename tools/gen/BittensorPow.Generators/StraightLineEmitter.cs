namespace BittensorPow.Generators;

/// <summary>
/// Straight-line statements <c>uint name = expr;</c>, folding literals as it goes, with dead-code elimination at the
/// end. Names are a prefix and a counter that never repeats, so pieces emitted into one kernel cannot clash.
/// </summary>
internal sealed class StraightLineEmitter(int counter = 0)
{
    private readonly List<(string Name, string Text, Var[] Deps)> _statements = [];

    public int Counter { get; private set; } = counter;

    public Var Let(string prefix, string text, params Expr[] deps)
    {
        Counter++;
        var name = $"{prefix}{Counter}";
        _statements.Add((name, text, deps.OfType<Var>().ToArray()));
        return new Var(name);
    }

    public Expr Xor(params Expr[] operands)
    {
        uint literal = 0;
        var vars = new List<Expr>();
        foreach (var o in operands)
        {
            if (o is Lit l) literal ^= l.Value;
            else vars.Add(o);
        }
        if (vars.Count == 0) return new Lit(literal);
        if (literal != 0) vars.Add(new Lit(literal));
        if (vars.Count == 1) return vars[0];
        return Let("x", string.Join(" ^ ", vars), [.. vars]);
    }

    /// <summary>~a &amp; b</summary>
    public Expr AndNot(Expr a, Expr b)
    {
        if (a is Lit la && b is Lit lb) return new Lit(~la.Value & lb.Value);
        if (b is Lit { Value: 0 }) return new Lit(0);
        if (a is Lit { Value: uint.MaxValue }) return new Lit(0);
        if (a is Lit { Value: 0 }) return b;
        return Let("n", $"~{a} & {b}", a, b);
    }

    /// <summary>a ^ (~b &amp; c)</summary>
    public Expr Chi(Expr a, Expr b, Expr c)
    {
        var andNot = AndNot(b, c);
        return Xor(a, andNot);
    }

    /// <summary>(hi &lt;&lt; n) | (lo &gt;&gt; (32 - n)) for 0 &lt; n &lt; 32: one SHF on the GPU.</summary>
    public Expr Funnel(Expr hi, Expr lo, int n)
    {
        if (hi is Lit lh && lo is Lit ll) return new Lit((lh.Value << n) | (ll.Value >> (32 - n)));
        if (hi is Lit { Value: 0 }) return Let("r", $"{lo} >> {32 - n}", lo);
        if (lo is Lit { Value: 0 }) return Let("r", $"{hi} << {n}", hi);
        return Let("r", $"Bits.Funnel({hi}, {lo}, {n})", hi, lo);
    }

    public Lane RotateLeft(Lane lane, int n)
    {
        var (lo, hi) = (lane.Lo, lane.Hi);
        if (n == 0) return lane;
        if (n >= 32)
        {
            (lo, hi) = (hi, lo);
            n -= 32;
            if (n == 0) return new Lane(lo, hi);
        }
        var newLo = Funnel(lo, hi, n);
        var newHi = Funnel(hi, lo, n);
        return new Lane(newLo, newHi);
    }

    /// <summary>The statements the outputs need, in order.</summary>
    public List<(string Name, string Text)> Prune(IEnumerable<Expr> outputs)
    {
        var live = outputs.OfType<Var>().Select(v => v.Name).ToHashSet();
        var kept = new List<(string, string)>();
        for (int i = _statements.Count - 1; i >= 0; i--)
        {
            var (name, text, deps) = _statements[i];
            if (!live.Contains(name)) continue;
            kept.Add((name, text));
            foreach (var d in deps) live.Add(d.Name);
        }
        kept.Reverse();
        return kept;
    }
}
