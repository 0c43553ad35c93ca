namespace BittensorPow.Registration.Workflows;

/// <summary>TAO as users write it and rao as the chain counts it (1 TAO = 10^9 rao).</summary>
public static class Tao
{
    public const ulong RaoPerTao = 1_000_000_000;

    /// <summary>Rounds down to whole rao, so a cap never allows more than was written.</summary>
    /// <exception cref="OverflowException">Negative, or more rao than a u64 holds.</exception>
    public static ulong ToRao(decimal tao) => tao < 0
        ? throw new OverflowException("A TAO amount cannot be negative.")
        : checked((ulong)decimal.Floor(tao * RaoPerTao));

    public static decimal FromRao(UInt128 rao) => (decimal)rao / RaoPerTao;

    /// <summary>"1.000000001" for 1000000001 rao: every rao shown, trailing zeros dropped.</summary>
    public static string Format(UInt128 rao) => FromRao(rao).ToString("0.#########", CultureInfo.InvariantCulture);
}
