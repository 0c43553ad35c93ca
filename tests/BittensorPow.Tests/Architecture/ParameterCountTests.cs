using System.Reflection;
using BittensorPow.Engine;
using BittensorPow.Registration;

namespace BittensorPow.Tests.Architecture;

/// <summary>
/// Values pass whole (a challenge, a solution, a request), not spread into loose arguments: no public method or
/// constructor of the engine or the workflow layer takes more than five parameters (a CancellationToken counts).
/// Records with more fields use init properties.
/// </summary>
public sealed class ParameterCountTests
{
    private const int MaxParameters = 5;

    public static TheoryData<string> Assemblies
        => new() { typeof(Challenge).Assembly.GetName().Name!, typeof(IWorkflowOutput).Assembly.GetName().Name! };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_public_method_or_constructor_takes_more_than_five_parameters(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == assemblyName);
        var offenders = assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OfType<MethodBase>()
                .Where(m => !IsCompilerMade(m))
                .Select(m => (Type: t, Member: m, Count: m.GetParameters().Length)))
            .Where(x => x.Count > MaxParameters)
            .Select(x => $"{x.Type.FullName}.{(x.Member is ConstructorInfo ? "ctor" : x.Member.Name)}({x.Count})")
            .Order()
            .ToList();
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} public members with more than {MaxParameters} parameters:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_an_offender()
    {
        var wide = typeof(Wide).GetMethod(nameof(Wide.Six))!;
        Assert.Equal(6, wide.GetParameters().Length);
        Assert.False(IsCompilerMade(wide));
    }

    // A record's Deconstruct mirrors its primary constructor and is counted there; property accessors take at most one.
    private static bool IsCompilerMade(MethodBase m) => m.IsSpecialName && m is not ConstructorInfo || m.Name == "Deconstruct";

    private static class Wide
    {
        public static int Six(int a, int b, int c, int d, int e, int f) => a + b + c + d + e + f;
    }
}
