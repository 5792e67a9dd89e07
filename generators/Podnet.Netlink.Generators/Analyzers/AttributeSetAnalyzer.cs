using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Podnet.Netlink.Generators.Diagnostics;
using Podnet.Netlink.Generators.Parsing;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// Reports the problems <see cref="AttributeSetParser"/> finds in every <c>[NetlinkAttributeSet]</c> type, through
/// the kind-to-descriptor table <see cref="ProblemDescriptors"/>. It has no rules of its own: the generator runs the
/// same parser, so a set gets an error here exactly when it gets no generated code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeSetAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property with the lowest free attribute type a code fix can use instead of a colliding or out-of-range one.</summary>
    public const string FreeAttributeTypeProperty = AttributeMemberParser.FreeAttributeTypeProperty;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = System.Enum
        .GetValues(typeof(AttributeSetProblemKind))
        .Cast<AttributeSetProblemKind>()
        .Select(ProblemDescriptors.For)
        .Distinct()
        .ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = new KnownTypes(start.Compilation);
            if (known.AttributeSetAttribute is not null)
            {
                start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, known), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!known.IsAttributeSet(type))
        {
            return;
        }

        foreach (AttributeSetProblem problem in AttributeSetParser.Parse(type, known, context.CancellationToken).Problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                ProblemDescriptors.For(problem.Kind),
                problem.Location,
                problem.AdditionalLocations.IsDefault ? null : problem.AdditionalLocations,
                problem.Properties,
                problem.Arguments.ToArray<object>()));
        }
    }
}
