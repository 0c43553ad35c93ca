using System.Numerics;

namespace BittensorPow.Generators;

/// <summary>
/// Which SHA-256 schedule words of the block a GPU thread compresses are computed where. Only W0 changes per thread;
/// every other message word is a literal (padding, length, zeros: <see cref="ShaBlock.LiteralWords"/>) or known to the
/// host for a whole launch (<see cref="ShaBlock.HostWords"/>). So every W[t] whose terms are all literals is a literal
/// too (folded here), every other W[t] whose terms are all known is a host word (the legacy seal's W17, W19, W21 through
/// W1's chain), and each remaining W[t] takes the sum of its known terms as one parameter C{t}, or as a literal where
/// those terms are literals only.
/// </summary>
internal sealed class ShaSchedulePlan
{
    /// <summary>W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]: a term is a function ("s1", "w", "s0") of a word.</summary>
    public readonly record struct Term(string Function, int Index);

    /// <summary>Host: all terms known, some per launch. Constant: all terms literal. Literal, Param: some terms vary per
    /// thread, the known ones are literals only / include host words. None: no known term.</summary>
    public enum Kind { Host, Constant, Literal, Param, None }

    public readonly record struct Word(Kind Kind, Term[] Known, Term[] Thread);

    private readonly SortedDictionary<int, uint> _literal;

    public ShaSchedulePlan(ShaBlock block)
    {
        _literal = new SortedDictionary<int, uint>(block.LiteralWords.ToDictionary());
        foreach (var t in block.HostWords.Concat(block.LiteralWords.Keys)) HostWords.Add(t);
        for (int t = 16; t < 64; t++)
        {
            var terms = TermsOf(t);
            var known = terms.Where(tm => HostWords.Contains(tm.Index)).ToArray();
            var thread = terms.Where(tm => !HostWords.Contains(tm.Index)).ToArray();
            if (thread.Length == 0)
            {
                HostWords.Add(t);
                if (known.All(tm => _literal.ContainsKey(tm.Index)))
                {
                    _literal[t] = known.Aggregate(0u, (sum, tm) => sum + ValueOf(tm, _literal[tm.Index]));
                    Words[t] = new Word(Kind.Constant, known, []);
                }
                else Words[t] = new Word(Kind.Host, known, []);
            }
            else if (known.Length > 0 && known.All(tm => _literal.ContainsKey(tm.Index)))
                Words[t] = new Word(Kind.Literal, known, thread);
            else
                Words[t] = new Word(known.Length > 0 ? Kind.Param : Kind.None, known, thread);
        }
        KwRounds = HostWords.Where(t => !_literal.ContainsKey(t)).Order().ToArray();
        ScheduleParamRounds = Enumerable.Range(16, 48).Where(t => Words[t].Kind == Kind.Param).ToArray();
    }

    /// <summary>Every word known before a thread runs: the literals and the host's words, given and derived.</summary>
    public HashSet<int> HostWords { get; } = [];

    /// <summary>The block's literal words and the schedule words that follow from them alone.</summary>
    public IReadOnlyDictionary<int, uint> LiteralWords => _literal;

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
