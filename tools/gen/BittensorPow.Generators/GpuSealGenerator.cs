using System.Numerics;
using BittensorPow.Engine.Hashing;
using static BittensorPow.Generators.ShaSchedulePlan;

namespace BittensorPow.Generators;

/// <summary>
/// The per-seal math of the GPU kernels as straight-line C#, from one template: SealMath.g.cs for the legacy seal
/// (SPEC §1: one SHA-256 block, then Keccak-256) and PowRegisterSealMath.g.cs for pow_register's (SPEC §10: the third
/// SHA-256 block of the 131-byte payload, then the same Keccak-256).
/// ILGPU 1.5.3 does not unroll loops, so a round loop over arrays would put the state in local memory; this writes the
/// 64 SHA-256 and 24 Keccak rounds out, folds what is known at generation time (literal message words and the schedule
/// words that follow from them, the SHA-256 IV in round 0, Keccak's zero lanes in round 1), drops everything the last
/// Keccak round does not need (only lanes 0..3 are the seal), splits that round into the half-lane the early reject
/// reads and the rest (for candidates), and moves everything that does not depend on W0 (the one message word that
/// varies per thread) into a parameter struct computed on the host: per launch for the legacy seal (SealConstants),
/// per 2^24-position span for pow_register (PowRegisterSpan: the chaining state after block 2 with round 0 folded in).
/// Keccak works on 32-bit halves so that every 64-bit rotate is two 32-bit funnel shifts, which ptxas turns into one
/// SHF each.
/// </summary>
public sealed class GpuSealGenerator
{
    public const string EngineFolder = "src/BittensorPow.Engine/Backends/Gpu";

    /// <summary>The seal lanes 0..3 of the last round read only row 0 of ρ∘π's output, i.e. the input lanes 0, 6, 12,
    /// 18, 24 (θ-applied), and the five column parities.</summary>
    private static readonly int[] LastRoundLanes = [0, 6, 12, 18, 24];

    private readonly ShaBlock _block;
    private readonly ShaSchedulePlan _plan;

    /// <summary>Rounds 1..3 whose h is still an IV word: the host adds it to KW{t}, one addition less per seal.</summary>
    private readonly SortedDictionary<int, uint> _hFold = [];

    /// <summary>Rounds whose h is still a chaining-state word and whose K+W is a literal: the host adds them into one
    /// per-span parameter KW{t} (state word, literal K+W).</summary>
    private readonly SortedDictionary<int, (int Word, uint KW)> _spanFold = [];

    private GpuSealGenerator(ShaBlock block)
    {
        _block = block;
        _plan = new ShaSchedulePlan(block);
    }

    public static IReadOnlyList<GeneratedFile> Generate()
    {
        var (legacy, legacySummary) = new GpuSealGenerator(ShaBlock.Legacy).WriteLegacy();
        var (powRegister, powRegisterSummary) = new GpuSealGenerator(ShaBlock.PowRegisterThird).WritePowRegister();
        return
        [
            new GeneratedFile("SealMath.g.cs", legacy, legacySummary),
            new GeneratedFile("PowRegisterSealMath.g.cs", powRegister, powRegisterSummary),
        ];
    }

    private static string RotrText(Expr x, int n) => $"Bits.Rotr({x}, {n})";

    private static string SwapText(object x) => $"Bits.Swap32({x})";

    private static string Hex(uint v) => Lit.Hex(v);

    // ---------------------------------------------------------------- SHA-256

    /// <summary>The 8 output words (chaining state added).</summary>
    private Expr[] Sha256(StraightLineEmitter em)
    {
        ReadOnlySpan<uint> k = Sha256Constants.K, iv = Sha256Constants.InitialState;
        var w = new Dictionary<int, Expr> { [0] = new Var("W0") };   // upper case: never a generated name
        Var S0(Expr x) => em.Let("s", $"{RotrText(x, 7)} ^ {RotrText(x, 18)} ^ ({x} >> 3)", x);
        Var S1(Expr x) => em.Let("s", $"{RotrText(x, 17)} ^ {RotrText(x, 19)} ^ ({x} >> 10)", x);
        for (int t = 16; t < 64; t++)
        {
            var word = _plan.Words[t];
            if (word.Kind is Kind.Host or Kind.Constant) continue;
            var parts = new List<string>();
            var deps = new List<Expr>();
            foreach (var term in word.Thread)
            {
                var v = w[term.Index];
                var sv = term.Function switch { "w" => v, "s0" => S0(v), _ => S1(v) };
                parts.Add(sv.ToString()!);
                deps.Add(sv);
            }
            if (word.Kind == Kind.Param) parts.Add($"c.C{t}");
            else if (word.Kind == Kind.Literal)
            {
                uint literal = 0;
                foreach (var term in word.Known) literal += ValueOf(term, _plan.LiteralWords[term.Index]);
                if (literal != 0) parts.Add(Hex(literal));
            }
            // A word that is another word plus literal zeros (pow_register's W16 = W0) is that word, not a copy.
            w[t] = parts.Count == 1 && deps.Count == 1 ? deps[0] : em.Let("w", string.Join(" + ", parts), [.. deps]);
        }

        Expr[] state = _block.StartsFromIv ? Round0OverIv(em, w[0], iv, k) : Round0OverSpan(em, w[0]);
        for (int t = 1; t < 64; t++) state = ShaRound(em, state, t, w, k);
        var outputs = new Expr[8];
        for (int i = 0; i < 8; i++)
            outputs[i] = em.Let("o", $"{state[i]} + {(_block.StartsFromIv ? Hex(iv[i]) : new Param($"H{i}", i).ToString())}", state[i]);
        return outputs;
    }

    /// <summary>Round 0 runs on the IV only: fold everything but W0 here.</summary>
    private static Expr[] Round0OverIv(StraightLineEmitter em, Expr w0, ReadOnlySpan<uint> iv, ReadOnlySpan<uint> k)
    {
        uint a = iv[0], b = iv[1], c = iv[2], d = iv[3], e = iv[4], f = iv[5], g = iv[6], h = iv[7];
        uint bigS1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
        uint ch = (e & f) ^ (~e & g);
        uint bigS0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
        uint maj = (a & b) ^ (a & c) ^ (b & c);
        var t1 = em.Let("t", $"{Hex(h + bigS1 + ch + k[0])} + W0", w0);
        var na = em.Let("a", $"{t1} + {Hex(bigS0 + maj)}", t1);
        var ne = em.Let("e", $"{t1} + {Hex(d)}", t1);
        return [na, new Lit(a), new Lit(b), new Lit(c), ne, new Lit(e), new Lit(f), new Lit(g)];
    }

    /// <summary>Round 0 on a chaining state the host knows: a and e are W0 plus a per-span parameter each
    /// (PowRegisterSpan.A1, E1); the other six words are the state's, shifted.</summary>
    private static Expr[] Round0OverSpan(StraightLineEmitter em, Expr w0)
    {
        var na = em.Let("a", $"W0 + {new Param("A1")}", w0);
        var ne = em.Let("e", $"W0 + {new Param("E1")}", w0);
        Param H(int i) => new($"H{i}", i);
        return [na, H(0), H(1), H(2), ne, H(4), H(5), H(6)];
    }

    private Expr[] ShaRound(StraightLineEmitter em, Expr[] state, int t, Dictionary<int, Expr> w, ReadOnlySpan<uint> k)
    {
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]);
        string kText;
        Expr[] kDeps = [];
        bool literalKw = _plan.LiteralWords.TryGetValue(t, out var literal);
        if (literalKw) kText = Hex(k[t] + literal);
        else if (_plan.KwRounds.Contains(t)) kText = $"c.KW{t}";
        else
        {
            kText = $"{Hex(k[t])} + {w[t]}";
            kDeps = [w[t]];
        }
        var bigS1 = em.Let("s", $"{RotrText(e, 6)} ^ {RotrText(e, 11)} ^ {RotrText(e, 25)}", e);
        var ch = em.Let("h", $"({e} & {f}) ^ (~{e} & {g})", e, f, g);
        Var t1;
        if (h is Lit hl && _plan.KwRounds.Contains(t))
        {
            _hFold[t] = hl.Value;
            t1 = em.Let("t", $"{bigS1} + {ch} + {kText}", [bigS1, ch, .. kDeps]);
        }
        else if (h is Param { Word: >= 0 } hp && literalKw)
        {
            _spanFold[t] = (hp.Word, k[t] + literal);
            t1 = em.Let("t", $"{bigS1} + {ch} + {new Param($"KW{t}")}", bigS1, ch);
        }
        else
            t1 = em.Let("t", $"{h} + {bigS1} + {ch} + {kText}", [h, bigS1, ch, .. kDeps]);
        var bigS0 = em.Let("s", $"{RotrText(a, 2)} ^ {RotrText(a, 13)} ^ {RotrText(a, 22)}", a);
        var maj = em.Let("m", $"({a} & {b}) ^ ({a} & {c}) ^ ({b} & {c})", a, b, c);
        var na = em.Let("a", $"{t1} + {bigS0} + {maj}", t1, bigS0, maj);
        var ne = em.Let("e", $"{d} + {t1}", d, t1);
        return [na, a, b, c, ne, e, f, g];
    }

    // ---------------------------------------------------------------- Keccak-f[1600]

    private static Lane[] Columns(StraightLineEmitter em, Lane?[] lanes)
    {
        var cols = new Lane[5];
        for (int x = 0; x < 5; x++)
        {
            var lo = em.Xor([.. Enumerable.Range(0, 5).Select(y => lanes[x + 5 * y]!.Value.Lo)]);
            var hi = em.Xor([.. Enumerable.Range(0, 5).Select(y => lanes[x + 5 * y]!.Value.Hi)]);
            cols[x] = new Lane(lo, hi);
        }
        return cols;
    }

    private static Lane?[] RoundFromColumns(StraightLineEmitter em, Lane?[] lanes, Lane[] cols, int round)
    {
        // D[x] = C[x-1] ^ rot(C[x+1], 1) is not materialised: a ^ C[x-1] ^ rot(C[x+1]) is one LOP3 per half-lane,
        // where D first and then a ^ D costs 10 more LOP3s per round.
        var rots = new Lane[5];
        for (int x = 0; x < 5; x++) rots[x] = em.RotateLeft(cols[(x + 1) % 5], 1);
        var a = new Lane?[25];
        for (int i = 0; i < 25; i++)
        {
            if (lanes[i] is not { } lane) continue;
            var lo = em.Xor(lane.Lo, cols[(i + 4) % 5].Lo, rots[i % 5].Lo);
            var hi = em.Xor(lane.Hi, cols[(i + 4) % 5].Hi, rots[i % 5].Hi);
            a[i] = new Lane(lo, hi);
        }
        var b = new Lane?[25];
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                if (a[x + 5 * y] is { } lane)
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = em.RotateLeft(lane, KeccakConstants.RotationOffsets[x + 5 * y]);
        var next = new Lane?[25];
        for (int y = 0; y < 5; y++)
            for (int x = 0; x < 5; x++)
            {
                if (b[x + 5 * y] is not { } b0 || b[(x + 1) % 5 + 5 * y] is not { } b1 || b[(x + 2) % 5 + 5 * y] is not { } b2) continue;
                var lo = em.Chi(b0.Lo, b1.Lo, b2.Lo);
                var hi = em.Chi(b0.Hi, b1.Hi, b2.Hi);
                next[x + 5 * y] = new Lane(lo, hi);
            }
        ulong rc = KeccakConstants.RoundConstants[round];
        var first = next[0]!.Value;
        var iotaLo = em.Xor(first.Lo, new Lit((uint)rc));
        var iotaHi = em.Xor(first.Hi, new Lit((uint)(rc >> 32)));
        next[0] = new Lane(iotaLo, iotaHi);
        return next;
    }

    /// <summary>Keccak-f up to the last round's θ: the column parities and the five lanes the seal reads (SealState),
    /// in field order.</summary>
    private static List<(string Field, Expr Value)> KeccakState(StraightLineEmitter em, Expr[] sha)
    {
        var lanes = new Lane?[25];
        for (int i = 0; i < 25; i++) lanes[i] = new Lane(new Lit(0), new Lit(0));
        for (int i = 0; i < 4; i++)
        {
            var lo = em.Let("k", SwapText(sha[2 * i]), sha[2 * i]);
            var hi = em.Let("k", SwapText(sha[2 * i + 1]), sha[2 * i + 1]);
            lanes[i] = new Lane(lo, hi);
        }
        lanes[4] = new Lane(new Lit(0x01), new Lit(0));            // original Keccak padding byte 0x01 after 32 bytes
        lanes[16] = new Lane(new Lit(0), new Lit(0x80000000));     // final bit of the 136-byte rate
        for (int round = 0; round < 23; round++) lanes = RoundFromColumns(em, lanes, Columns(em, lanes), round);
        var cols = Columns(em, lanes);
        var fields = new List<(string, Expr)>();
        for (int x = 0; x < 5; x++) { fields.Add(($"C{x}L", cols[x].Lo)); fields.Add(($"C{x}H", cols[x].Hi)); }
        foreach (var i in LastRoundLanes) { fields.Add(($"A{i}L", lanes[i]!.Value.Lo)); fields.Add(($"A{i}H", lanes[i]!.Value.Hi)); }
        return fields;
    }

    /// <summary>The last round from SealState fields (named s.X), reduced to the seal lanes 0..3.</summary>
    private static Lane[] LastRound(StraightLineEmitter em)
    {
        var lanes = new Lane?[25];
        foreach (var i in LastRoundLanes) lanes[i] = new Lane(new Var($"s.A{i}L"), new Var($"s.A{i}H"));
        var cols = Enumerable.Range(0, 5).Select(x => new Lane(new Var($"s.C{x}L"), new Var($"s.C{x}H"))).ToArray();
        return RoundFromColumns(em, lanes, cols, 23).Take(4).Select(l => l!.Value).ToArray();
    }

    /// <summary>Body of SealConstants.FromWords: the host words in order, then the fields.</summary>
    private List<string> HostPrecompute()
    {
        static string TermText(Term tm) => tm.Function == "w" ? $"w{tm.Index}" : $"{tm.Function.ToUpperInvariant()}(w{tm.Index})";
        string Sum(Term[] terms) => string.Join(" + ", terms.Select(TermText));
        var lines = new List<string> { "        uint " + string.Join(", ", _block.LiteralWords.Select(kv => $"w{kv.Key} = {Hex(kv.Value)}")) + ";" };
        foreach (var t in _plan.HostWords.Order())
            if (t >= 16 && _plan.Words[t].Kind == Kind.Host) lines.Add($"        uint w{t} = {Sum(_plan.Words[t].Known)};");
        lines.Add("        return new()");
        lines.Add("        {");
        foreach (var t in _plan.KwRounds)
        {
            var extra = _hFold.TryGetValue(t, out var h) ? $" + {Hex(h)}" : "";
            lines.Add($"            KW{t} = {Hex(Sha256Constants.K[t])} + w{t}{extra},");
        }
        foreach (var t in _plan.ScheduleParamRounds) lines.Add($"            C{t} = {Sum(_plan.Words[t].Known)},");
        lines.Add("        };");
        return lines;
    }

    /// <summary>Body of PowRegisterSpan.FromState: round 0 without W0, the folded h + K of the next rounds, the state.</summary>
    private List<string> SpanPrecompute()
    {
        if (_plan.KwRounds.Length > 0 || _plan.ScheduleParamRounds.Length > 0)
            throw new InvalidOperationException("A block that starts from a span's state has no per-launch message words here.");
        var lines = new List<string>
        {
            $"        uint t = h[7] + BigS1(h[4]) + Ch(h[4], h[5], h[6]) + {Hex(Sha256Constants.K[0])};",
            "        return new()",
            "        {",
            "            A1 = t + BigS0(h[0]) + Maj(h[0], h[1], h[2]),",
            "            E1 = h[3] + t,",
        };
        foreach (var (t, (word, kw)) in _spanFold) lines.Add($"            KW{t} = h[{word}] + {Hex(kw)},");
        for (int i = 0; i < 8; i++) lines.Add($"            H{i} = h[{i}],");
        lines.Add("        };");
        return lines;
    }

    /// <summary>The span parameters in field order.</summary>
    private IEnumerable<string> SpanFields() =>
        new[] { "A1", "E1" }.Concat(_spanFold.Keys.Select(t => $"KW{t}")).Concat(Enumerable.Range(0, 8).Select(i => $"H{i}"));

    // ---------------------------------------------------------------- the files

    private sealed class Text
    {
        private readonly System.Text.StringBuilder _s = new();

        public void L(string line = "") => _s.Append(line).Append('\n');

        public void Body(List<(string Name, string Text)> statements)
        {
            foreach (var (name, text) in statements) L($"        uint {name} = {text};");
        }

        public void Header()
        {
            L("// <auto-generated>");
            L("// Written by tools/gen/GenerateGpuSeal.cs; edit the generator, not this file.");
            L("// </auto-generated>");
            L("using System.Numerics;");
            L("using System.Runtime.CompilerServices;");
            L();
            L("namespace BittensorPow.Engine.Backends.Gpu;");
            L();
        }

        /// <summary>ComputeState's body after W0: the statements, then the SealState fields.</summary>
        public void StateBody(List<(string Name, string Text)> body, List<(string Field, Expr Value)> state)
        {
            Body(body);
            L("        SealState s;");
            foreach (var (field, value) in state) L($"        s.{field} = {value};");
            L("        return s;");
        }

        public override string ToString() => _s.ToString();
    }

    private (string Text, string Summary) WritePowRegister()
    {
        var em = new StraightLineEmitter();
        var sha = Sha256(em);
        var state = KeccakState(em, sha);
        var body = em.Prune(state.Select(s => s.Value));
        var s = new Text();
        void L(string line = "") => s.L(line);
        s.Header();
        L("/// <summary>");
        L("/// What the third SHA-256 block of pow_register's payload (SPEC §10) shares across a span, the 2^24 positions whose");
        L("/// top 40 bits (the nonce's bytes 0..4, in block 2) are the same: the chaining state after block 2 (H0..H7, added");
        L("/// back at the end), round 0 folded into it (A1, E1: a and e after round 0, less W0) and the h + K of the rounds");
        L("/// whose h is still a state word (KW1..KW3; their W is zero).");
        L("/// </summary>");
        L("public struct PowRegisterSpan");
        L("{");
        L("    public uint " + string.Join(", ", SpanFields()) + ";");
        L();
        L("    /// <summary>From the SHA-256 state after block 2 (eight words).</summary>");
        L("    internal static PowRegisterSpan FromState(ReadOnlySpan<uint> h)");
        L("    {");
        foreach (var line in SpanPrecompute()) L(line);
        L("    }");
        L();
        L("    private static uint BigS0(uint x) =>");
        L("        BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);");
        L();
        L("    private static uint BigS1(uint x) =>");
        L("        BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);");
        L();
        L("    private static uint Ch(uint e, uint f, uint g) => (e & f) ^ (~e & g);");
        L();
        L("    private static uint Maj(uint a, uint b, uint c) => (a & b) ^ (a & c) ^ (b & c);");
        L("}");
        L();
        L("internal static class PowRegisterSealMath");
        L("{");
        L($"    /// <summary>SHA-256's third block and Keccak-f up to its last round in {body.Count} straight-line statements.</summary>");
        L("    /// <param name=\"paddedPosition\">The position's bytes 0..2 (the nonce's bytes 5..7) and the padding byte 0x80 as");
        L("    /// byte 3 (<see cref=\"PowRegisterMidstate.PaddedPosition\"/>): read big-endian, W0.</param>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static SealState ComputeState(uint paddedPosition, PowRegisterSpan c)");
        L("    {");
        L($"        uint W0 = {SwapText("paddedPosition")};");
        s.StateBody(body, state);
        L("    }");
        L();
        L("    /// <summary>pow_register's seal as four lanes: the position's low 24 bits are in paddedPosition, its top 40 in c.</summary>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static SealLanes Compute(uint paddedPosition, PowRegisterSpan c) => SealMath.Finish(ComputeState(paddedPosition, c));");
        L("}");
        return (s.ToString(), $"{body.Count} statements, {SpanFields().Count()} span parameters (the last round: SealMath.g.cs)");
    }

    private (string Text, string Summary) WriteLegacy()
    {
        var em = new StraightLineEmitter();
        var sha = Sha256(em);
        var state = KeccakState(em, sha);
        var body = em.Prune(state.Select(s => s.Value));

        // The last round in three pruned pieces: the early reject reads one 32-bit half of one lane, so the hot path
        // computes only what feeds that half, and the rest of the four lanes is computed for candidates only.
        (List<(string, string)> Body, Expr[] Outputs) LastRoundPiece(Func<Lane[], Expr[]> pick)
        {
            var e = new StraightLineEmitter(em.Counter);   // names distinct from ComputeState's, inlined into the same kernel
            var outputs = pick(LastRound(e));
            return (e.Prune(outputs), outputs);
        }
        var (topLeBody, topLe) = LastRoundPiece(seal => [seal[3].Hi]);   // hi half of lane 3
        var (topBeBody, topBe) = LastRoundPiece(seal => [seal[0].Lo]);   // lo half of lane 0 (ι included)
        var (finishBody, finishOutputs) = LastRoundPiece(seal => [.. seal.SelectMany(l => new[] { l.Lo, l.Hi })]);

        var fields = _plan.KwRounds.Select(t => $"KW{t}").Concat(_plan.ScheduleParamRounds.Select(t => $"C{t}"));
        var s = new Text();
        void L(string line = "") => s.L(line);
        void Body(List<(string Name, string Text)> statements) => s.Body(statements);
        s.Header();
        L("/// <summary>");
        L("/// What the SHA-256 block of a launch shares: K+W of the rounds whose word is known on the host (W1..W9 and the");
        L("/// schedule words built from them alone; rounds 1..3 also add their h, still an IV word) and the host-known part of");
        L("/// the other schedule words. Valid for the nonces whose high 32 bits gave W1.");
        L("/// </summary>");
        L("public struct SealConstants");
        L("{");
        L("    public uint " + string.Join(", ", fields) + ";");
        L();
        L("    /// <summary>From W1 (the nonce's high 32 bits, byte-swapped) and W2..W9 (bah read as big-endian words).</summary>");
        L("    internal static SealConstants FromWords(uint w1, uint w2, uint w3, uint w4, uint w5, uint w6, uint w7, uint w8, uint w9)");
        L("    {");
        foreach (var line in HostPrecompute()) L(line);
        L("    }");
        L();
        L("    private static uint S0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);");
        L();
        L("    private static uint S1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);");
        L("}");
        L();
        L("/// <summary>The four seal lanes, each the little-endian read of 8 seal bytes.</summary>");
        L("public struct SealLanes");
        L("{");
        L("    public ulong L0, L1, L2, L3;");
        L("}");
        L();
        L("/// <summary>");
        L("/// Keccak-f's state before its last round, reduced to what the seal lanes need: the column parities C0..C4 and");
        L("/// the lanes 0, 6, 12, 18, 24 (halves L = bits 0..31, H = bits 32..63).");
        L("/// </summary>");
        L("public struct SealState");
        L("{");
        L("    public uint " + string.Join(", ", state.Select(f => f.Field)) + ";");
        L("}");
        L();
        L("internal static class SealMath");
        L("{");
        L($"    /// <summary>SHA-256 and Keccak-f up to its last round in {body.Count} straight-line statements.</summary>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static SealState ComputeState(uint nonceLow, SealConstants c)");
        L("    {");
        L($"        uint W0 = {SwapText("nonceLow")};");
        s.StateBody(body, state);
        L("    }");
        L();
        L("    /// <summary>The seal's bits 224..255 read little-endian (bytes 28..31, the top half of lane 3).</summary>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static uint TopWordLittleEndian(SealState s)");
        L("    {");
        Body(topLeBody);
        L($"        return {topLe[0]};");
        L("    }");
        L();
        L("    /// <summary>The seal's bits 224..255 read big-endian (bytes 0..3, the low half of lane 0 byte-swapped).</summary>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static uint TopWordBigEndian(SealState s)");
        L("    {");
        Body(topBeBody);
        L($"        return {SwapText(topBe[0])};");
        L("    }");
        L();
        L($"    /// <summary>The last Keccak round, reduced to the four seal lanes ({finishBody.Count} statements).</summary>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static SealLanes Finish(SealState s)");
        L("    {");
        Body(finishBody);
        L("        SealLanes r;");
        for (int i = 0; i < 4; i++) L($"        r.L{i} = ((ulong){finishOutputs[2 * i + 1]} << 32) | {finishOutputs[2 * i]};");
        L("        return r;");
        L("    }");
        L();
        L("    /// <summary>seal = Keccak256(SHA-256(u64_le(nonce) ‖ bah)) as four lanes; the nonce's high half is in c.</summary>");
        L("    [MethodImpl(MethodImplOptions.AggressiveInlining)]");
        L("    public static SealLanes Compute(uint nonceLow, SealConstants c) => Finish(ComputeState(nonceLow, c));");
        L("}");
        var summary = $"{body.Count} + {finishBody.Count} statements (early reject: {topLeBody.Count} LE, {topBeBody.Count} BE)";
        return (s.ToString(), summary);
    }
}
