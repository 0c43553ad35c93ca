namespace BittensorPow.Registration.Solving;

/// <summary>
/// Where a difficulty the user gave (a parameter, a piped or saved solution) becomes the engine's <see cref="Difficulty"/>:
/// the one place that refuses 0, which the chain would take as "any seal passes".
/// </summary>
public static class Difficulties
{
    /// <exception cref="PowException">ZeroDifficulty, about the record at hand.</exception>
    public static Difficulty FromUser(ulong value) => value != 0 ? new Difficulty(value)
        : throw PowException.Argument(ErrorIds.ZeroDifficulty, value,
            "Difficulty 0 is not a real difficulty: the chain would accept any seal, so there is nothing to solve or check.",
            "Pass the subnet's difficulty (Get-SubtensorBlock -NetUid shows it), at least 1.");
}
