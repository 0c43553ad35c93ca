using BittensorPow.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BittensorPow.Tests.Tools;

/// <summary>
/// Every RecommendedAction the cmdlets can show fits a line: at most <see cref="Limit"/> characters, read from the sources
/// (Registration and Cmdlets) where each error is built — a PowError's fifth argument, PowException.Argument/Parameter's
/// fourth, PalletVerdict's action, WalletFailures' (id, category, action) rows — and measured at its longest: literals
/// exactly, conditionals by their longer branch, locals, constants and same-file helpers (WhatToTry, Advice) resolved,
/// and every other interpolated value counted as <see cref="Hole"/> characters (a netuid, a parameter name).
/// </summary>
public class RecommendedActionTests
{
    private const int Limit = 120;
    private const int Hole = 16;

    private static readonly string[] Folders = ["src/BittensorPow.Registration", "src/BittensorPow.Cmdlets"];

    private sealed record Action(string Where, string Text, int Longest);

    [Fact]
    public void Every_recommended_action_fits_in_120_characters()
    {
        var actions = Find().ToList();
        // The reading must find the errors, or the check below says nothing.
        Assert.True(actions.Count > 80, $"only {actions.Count} recommended actions found");
        var tooLong = actions.Where(a => a.Longest > Limit).Select(a => $"{a.Where}: {a.Longest} characters: {a.Text}").ToList();
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void The_reading_measures_what_it_finds()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                const string Port = "9944";
                static string Pick(int x) => x switch { 1 => "one", _ => "three" };
                void M(bool b, string p)
                {
                    string local = b ? "abc" : "abcdef";
                    throw new PowException(new PowError("Id", PowErrorCategory.InvalidArgument, null, "m", $"{local}-{Port}-{p}-{Pick(1)}"));
                }
            }
            """);
        var a = Assert.Single(Find(tree, "test.cs"));
        Assert.Equal(6 + 1 + 4 + 1 + Hole + 1 + 5, a.Longest);
    }

    private static IEnumerable<Action> Find()
    {
        foreach (var folder in Folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedFiles.RepoRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
                foreach (var a in Find(tree, Path.GetRelativePath(SharedFiles.RepoRoot, file))) yield return a;
            }
    }

    private static IEnumerable<Action> Find(SyntaxTree tree, string file)
    {
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            ExpressionSyntax? action = node switch
            {
                BaseObjectCreationExpressionSyntax { ArgumentList: { } list } create when IsPowError(create, list)
                    => Argument(list, 4, "RecommendedAction"),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m, ArgumentList: var list } => $"{m.Expression}.{m.Name}" switch
                {
                    "PowException.Argument" or "PowException.Parameter" => Argument(list, 3, "action"),
                    "PalletVerdict.Refuse" => Argument(list, 5, "action"),
                    "PalletVerdict.FromDispatch" => Argument(list, 2, "action"),
                    _ => null,
                },
                TupleExpressionSyntax { Arguments: [_, { Expression: var category }, { Expression: var last }] }
                    when category.ToString().StartsWith("PowErrorCategory.", StringComparison.Ordinal) => last,
                _ => null,
            };
            if (action is null) continue;
            // A tuple's row was measured where the tuple is; the variable it lands in is not measured again.
            if (action is IdentifierNameSyntax id && IsDeconstructed(id)) continue;
            var line = action.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            yield return new Action($"{file}:{line}", action.ToString(), Longest(action, root, depth: 0));
        }
    }

    private static bool IsPowError(BaseObjectCreationExpressionSyntax create, ArgumentListSyntax list) =>
        create is ObjectCreationExpressionSyntax { Type: var t } ? t.ToString() == "PowError"
            : list.Arguments.Count >= 5 && list.Arguments[1].Expression.ToString().StartsWith("PowErrorCategory.", StringComparison.Ordinal);

    private static ExpressionSyntax? Argument(ArgumentListSyntax list, int position, string name) =>
        list.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == name)?.Expression
        ?? (list.Arguments.Count > position && list.Arguments[position].NameColon is null ? list.Arguments[position].Expression : null);

    private static bool IsDeconstructed(IdentifierNameSyntax id) =>
        id.Ancestors().OfType<MemberDeclarationSyntax>().First().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Left is DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax d }
                && d.Variables.OfType<SingleVariableDesignationSyntax>().Any(v => v.Identifier.Text == id.Identifier.Text));

    /// <summary>The most characters an expression of string type can come to.</summary>
    private static int Longest(ExpressionSyntax e, SyntaxNode root, int depth)
    {
        if (depth > 8) return Hole;
        int Of(ExpressionSyntax x) => Longest(x, root, depth + 1);
        switch (e)
        {
            case LiteralExpressionSyntax l when l.IsKind(SyntaxKind.StringLiteralExpression): return l.Token.ValueText.Length;
            case InterpolatedStringExpressionSyntax s:
                return s.Contents.Sum(c => c switch
                {
                    InterpolatedStringTextSyntax t => t.TextToken.ValueText.Length,
                    InterpolationSyntax i => Of(i.Expression),
                    _ => 0,
                });
            case ParenthesizedExpressionSyntax p: return Of(p.Expression);
            case ConditionalExpressionSyntax c: return Math.Max(Of(c.WhenTrue), Of(c.WhenFalse));
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression): return Of(b.Left) + Of(b.Right);
            case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.CoalesceExpression): return Math.Max(Of(b.Left), Of(b.Right));
            case SwitchExpressionSyntax sw: return sw.Arms.Max(a => Of(a.Expression));
            case IdentifierNameSyntax id:
            {
                // A local or a constant in the same file, by its initializer (every assignment, when it has several).
                var declared = root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
                    .Where(v => v.Identifier.Text == id.Identifier.Text && v.Initializer is not null).Select(v => v.Initializer!.Value).ToList();
                return declared.Count > 0 ? declared.Max(Of) : Hole;
            }
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax name }:
            {
                // A helper in the same file: the longest of what it returns.
                var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name.Identifier.Text);
                var returned = method is null ? [] : (method.ExpressionBody is { } body ? [body.Expression]
                    : method.DescendantNodes().OfType<ReturnStatementSyntax>().Select(r => r.Expression).OfType<ExpressionSyntax>()).ToList();
                return returned.Count > 0 ? returned.Max(Of) : Hole;
            }
            default: return Hole;
        }
    }
}
