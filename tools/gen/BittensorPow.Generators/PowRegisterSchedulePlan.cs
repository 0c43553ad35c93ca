using System.Numerics;
using BittensorPow.Engine.Hashing;

namespace BittensorPow.Generators;

/// <summary>
/// The message schedule of the third SHA-256 block of the <c>pow_register</c> payload (SPEC §10), the only block that
/// changes inside a span of 2^24 positions: W0 = nonce bytes 5..7 ‖ 0x80 per candidate, W1..W14 = 0, W15 = 1048 (the
/// payload's length in bits). Every W[t] is therefore either a literal, folded here, or a function of W0 alone: a sum of
/// its W0-dependent terms plus one literal for the sum of its constant terms. A W0-dependent word that is one of its
/// terms unchanged (W16 = W0) takes that term's name instead of a copy.
/// </summary>
internal sealed class PowRegisterSchedulePlan
{
    /// <summary>Payload bits (131 bytes): SHA-256's length field, the last word of the last block.</summary>
    public const uint LengthBits = 131 * 8;

    /// <summary>W[t] for t = 0..63: <see cref="Terms"/> empty means the literal <see cref="Literal"/>.</summary>
    public readonly record struct Word(string Name, string[] Terms, uint Literal)
    {
        public bool IsLiteral => Terms.Length == 0;
    }

    public PowRegisterSchedulePlan()
    {
        var words = new Word[64];
        words[0] = new Word("w0", ["w0"], 0);
        for (int t = 1; t < 16; t++) words[t] = new Word("", [], t == 15 ? LengthBits : 0);
        for (int t = 16; t < 64; t++)
        {
            // W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16]
            (string Function, int Index)[] terms = [("SmallSigma1", t - 2), ("", t - 7), ("SmallSigma0", t - 15), ("", t - 16)];
            uint literal = 0;
            var variable = new List<string>();
            foreach (var (function, index) in terms)
            {
                var w = words[index];
                if (w.IsLiteral) literal += Apply(function, w.Literal);
                else variable.Add(function == "" ? w.Name : $"{function}({w.Name})");
            }
            // Named in a window of 16 (x0..x15, W[t] in x[t mod 16]) like the legacy rounds: W[t] is the last word to read
            // W[t − 16], and one name per word would give the JIT more locals than it enregisters.
            bool alias = variable.Count == 1 && literal == 0 && !variable[0].Contains('(');
            words[t] = variable.Count == 0 ? new Word("", [], literal) : new Word(alias ? variable[0] : $"x{t % 16}", [.. variable], literal);
        }
        Words = words;
    }

    public IReadOnlyList<Word> Words { get; }

    /// <summary>K[t] + W[t] of a round whose schedule word is a literal.</summary>
    public uint RoundLiteral(int t) => Sha256Constants.K[t] + Words[t].Literal;

    private static uint Apply(string function, uint x) => function switch
    {
        "" => x,
        "SmallSigma0" => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3),
        _ => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10),
    };
}
