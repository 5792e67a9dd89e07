using CsCheck;
using Podnet.Netlink.Generators.Tests.Diagnostics;
using Podnet.Netlink.Generators.Tests.Generation;
using Podnet.Testing.Fuzzing;

namespace Podnet.Netlink.Generators.Tests.Parity;

/// <summary>
/// "No error diagnostic" and "code is generated" must agree on every input, generated code must compile, and the
/// generator must never throw. Every source the diagnostic tests verify goes through <see cref="ParityCheck"/> too
/// (see <see cref="DiagnosticVerifier"/>); these tests add the generation examples and thousands of random declarations.
/// </summary>
public sealed class ParityTests
{
    /// <summary>
    /// How many random declarations the property test checks: 2000 in the full budget, 300 in the quick one (the unit
    /// loop, <see cref="FuzzBudget"/>).
    /// </summary>
    public static int RandomDeclarationCount => FuzzBudget.Count(full: 2000, quick: 300);

    public static TheoryData<string> Examples { get; } = new(
        ExampleSources.Rich,
        ExampleSources.NestedInGlobalNamespace,
        ExampleSources.Unrelated,
        ExampleSources.GenericNetlink,
        ValidModelTests.AllMemberKinds);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_sources_agree(string code)
    {
        (int sets, int generated) = await ParityCheck.VerifyAsync(code);
        Assert.Equal(sets, generated);
    }

    [Fact]
    public void A_nested_set_and_a_namespace_qualified_one_get_different_files()
    {
        // The user code is wrong (namespace A holds both a type B and a namespace B, CS0101); the generator still
        // must not throw on a duplicate file name.
        const string code = """
            using Podnet.Netlink;
            namespace A { public partial class B { [NetlinkAttributeSet] public sealed partial class C { } } }
            namespace A.B { [NetlinkAttributeSet] public sealed partial class C { } }
            """;

        (_, Microsoft.CodeAnalysis.GeneratorRunResult result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(code));

        Assert.Null(result.Exception);
        Assert.Equal(["A.B+C.Netlink.g.cs", "A.B.C.Netlink.g.cs"], result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Random_declarations_agree()
    {
        int sets = 0;
        int generated = 0;
        int count = RandomDeclarationCount;
        Gen.Int.Sample(
            seed =>
            {
                (int s, int g) = ParityCheck.VerifyAsync(RandomDeclarations.Build(seed)).GetAwaiter().GetResult();
                Interlocked.Add(ref sets, s);
                Interlocked.Add(ref generated, g);
            },
            iter: count);

        TestContext.Current.TestOutputHelper?.WriteLine($"{count} random declarations: {sets} attribute sets, {generated} generated, {sets - generated} with an error.");

        // The mix must exercise both outcomes substantially, or the property says little.
        Assert.InRange(generated, sets / 5, sets - (sets / 5));
    }
}
