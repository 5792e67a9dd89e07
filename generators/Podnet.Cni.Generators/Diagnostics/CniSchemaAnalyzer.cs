using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Podnet.Cni.Generators.Formats;
using Podnet.Cni.Generators.Model;
using Podnet.Cni.Generators.Parsing;

namespace Podnet.Cni.Generators.Diagnostics;

/// <summary>
/// Reports the PN2xxx problems of the <c>*.schema.json</c> additional files at the offending line, so
/// <c>#pragma</c>-free severities from <c>.editorconfig</c> apply. References and type names are checked against all
/// schema files of the compilation, parsed once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CniSchemaAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            ImmutableArray<AdditionalText> files = start.Options.AdditionalFiles;
            var schemaSet = new Lazy<SchemaSet>(() => SchemaSet.Parse(files, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            Compilation compilation = start.Compilation;
            start.RegisterAdditionalFileAction(file => Analyze(file, schemaSet.Value, compilation));
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context, SchemaSet schemas, Compilation compilation)
    {
        string path = context.AdditionalFile.Path;
        if (!CniSchemaGenerator.IsSchemaFile(path) || !schemas.TryGet(path, out SchemaSet.Entry? entry))
        {
            return;
        }

        foreach (SchemaProblem problem in entry!.Result.Problems)
        {
            Report(context, entry, DiagnosticDescriptors.ById[problem.Id], problem.Span, problem.Arguments);
        }

        foreach (SchemaSite reference in entry.Result.References)
        {
            string? reason = schemas.Explain(reference.Value);
            if (reason is not null)
            {
                Report(context, entry, DiagnosticDescriptors.UnresolvedReference, reference.Span, reference.Value, reason);
            }
        }

        foreach (SchemaSite format in entry.Result.Formats)
        {
            StringFormat mapped = StringFormat.Find(format.Value)!;
            if (FormatAvailability.MissingType(compilation, mapped) is { } missing)
            {
                Report(context, entry, DiagnosticDescriptors.FormatTypeMissing, format.Span, mapped.Name, "the " + mapped.Description + " type " + mapped.Type.Replace("global::", string.Empty), missing);
            }
        }

        foreach (SchemaSite typeName in entry.Result.TypeNames)
        {
            string? owner = schemas.EarlierOwner(typeName, entry.FileName);
            if (owner is not null)
            {
                Report(context, entry, DiagnosticDescriptors.DuplicateName, typeName.Span, typeName.Value, "type, first defined in " + owner);
            }
        }
    }

    private static void Report(AdditionalFileAnalysisContext context, SchemaSet.Entry entry, DiagnosticDescriptor descriptor, TextSpan span, params string[] arguments)
    {
        TextSpan clamped = TextSpan.FromBounds(Math.Min(span.Start, entry.Text.Length), Math.Min(span.End, entry.Text.Length));
        LinePositionSpan lines = entry.Text.Lines.GetLinePositionSpan(clamped);
        Location location = Location.Create(context.AdditionalFile.Path, clamped, lines);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
    }
}
