using System.Numerics;

namespace BittensorPow.Generators;

/// <summary>
/// Which SHA-256 schedule words of the seal's one block the host computes. Only W0 (the nonce's low half) changes per
/// GPU thread: W1 (its high half) is fixed for a launch, which never crosses a multiple of 2^32, and W2..W15 for a
/// block. So every W[t] whose terms are all host-known is a host word (W17, W19, W21 through W1's chain), and each
/// other W[t] takes the sum of its host-known terms as one parameter C{t}, or as a literal where those terms are
/// padding words only.
/// </summary>
internal sealed class ShaSchedulePlan
{
    /// <summary>W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]: a term is a function ("s1", "w", "s0") of a word.</summary>
    public readonly record struct Term(string Function, int Index);

    public enum Kind { Host, Literal, Param, None }

    public readonly record struct Word(Kind Kind, Term[] Known, Term[] Thread);

    /// <summary>The 40-byte pre-seal is one block: W0, W1 = nonce, W2..W9 = bah (per block), W10 = 0x80000000
    /// (padding), W11..W14 = 0, W15 = 320 (length in bits).</summary>
    public static readonly IReadOnlyDictionary<int, uint> LiteralWords = new SortedDictionary<int, uint>
    {
        [10] = 0x80000000, [11] = 0, [12] = 0, [13] = 0, [14] = 0, [15] = 320,
    };

    public ShaSchedulePlan()
    {
        for (int t = 1; t < 16; t++) HostWords.Add(t);
        for (int t = 16; t < 64; t++)
        {
            var terms = TermsOf(t);
            var known = terms.Where(tm => HostWords.Contains(tm.Index)).ToArray();
            var thread = terms.Where(tm => !HostWords.Contains(tm.Index)).ToArray();
            if (thread.Length == 0)
            {
                HostWords.Add(t);
                Words[t] = new Word(Kind.Host, known, []);
            }
            else if (known.Length > 0 && known.All(tm => LiteralWords.ContainsKey(tm.Index)))
                Words[t] = new Word(Kind.Literal, known, thread);
            else
                Words[t] = new Word(known.Length > 0 ? Kind.Param : Kind.None, known, thread);
        }
        KwRounds = HostWords.Where(t => !LiteralWords.ContainsKey(t)).Order().ToArray();
        ScheduleParamRounds = Enumerable.Range(16, 48).Where(t => Words[t].Kind == Kind.Param).ToArray();
    }

    public HashSet<int> HostWords { get; } = [];

    /// <summary>W16..W63 (indexed by t).</summary>
    public Dictionary<int, Word> Words { get; } = [];

    /// <summary>Rounds whose K+W is a parameter KW{t}.</summary>
    public int[] KwRounds { get; }

    /// <summary>Rounds whose schedule word takes a parameter C{t}.</summary>
    public int[] ScheduleParamRounds { get; }

    public static Term[] TermsOf(int t) => [new("s1", t - 2), new("w", t - 7), new("s0", t - 15), new("w", t - 16)];

    public static uint ValueOf(Term term, uint word) => term.Function switch
    {
        "w" => word,
        "s0" => BitOperations.RotateRight(word, 7) ^ BitOperations.RotateRight(word, 18) ^ (word >> 3),
        _ => BitOperations.RotateRight(word, 17) ^ BitOperations.RotateRight(word, 19) ^ (word >> 10),
    };
}
