using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Podnet.Cni.Generators.Emit;
using Podnet.Cni.Generators.Formats;
using Podnet.Cni.Generators.Model;
using Podnet.Cni.Generators.Parsing;
using Podnet.Cni.Generators.Resolution;
using Podnet.Generators;

namespace Podnet.Cni.Generators;

/// <summary>
/// Turns the <c>*.schema.json</c> additional files into C# types with hand-written <c>Utf8JsonReader</c> /
/// <c>Utf8JsonWriter</c> code. Pipeline: additional text → <see cref="SchemaParser"/> → equatable model → index of
/// exports across files → resolved model → emitters. Invalid files are skipped silently; <c>CniSchemaAnalyzer</c>
/// reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CniSchemaGenerator : IIncrementalGenerator
{
    /// <summary>The MSBuild property (made visible with <c>CompilerVisibleProperty</c>) that names the namespace.</summary>
    public const string NamespaceProperty = "PodnetCniNamespace";

    /// <summary>The namespace used when the property is missing or not a valid namespace.</summary>
    public const string DefaultNamespace = "Podnet.Cni";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<string> @namespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property." + NamespaceProperty, out string? value) && CSharpNames.IsValidNamespace(value)
                    ? value
                    : DefaultNamespace)
            .WithTrackingName(TrackingNames.Namespace);

        IncrementalValuesProvider<SchemaDocumentModel> documents = context.AdditionalTextsProvider
            .Where(static text => IsSchemaFile(text.Path))
            .Select(static (text, cancellationToken) =>
            {
                SourceText? content = text.GetText(cancellationToken);
                return SchemaParser.Parse(Path.GetFileName(text.Path), content?.ToString() ?? string.Empty).Model;
            })
            .WithTrackingName(TrackingNames.SchemaDocument);

        IncrementalValueProvider<SchemaIndex> index = documents
            .Select(static (document, _) => SchemaIndexBuilder.ToIndexEntry(document))
            .WithTrackingName(TrackingNames.SchemaIndexEntry)
            .Collect()
            .Select(static (entries, _) => SchemaIndexBuilder.Build(entries))
            .WithTrackingName(TrackingNames.SchemaIndex);

        // Only the names of the formats whose types are missing flow on, so an edit elsewhere in the compilation leaves
        // the later steps cached.
        IncrementalValueProvider<EquatableArray<string>> unavailableFormats = context.CompilationProvider
            .Select(static (compilation, _) => FormatAvailability.Unavailable(compilation))
            .WithTrackingName(TrackingNames.UnavailableFormats);

        IncrementalValuesProvider<ResolvedSchemaModel?> resolved = documents
            .Combine(index)
            .Combine(@namespace)
            .Combine(unavailableFormats)
            .Select(static (input, _) => ShapeResolver.Resolve(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.ResolvedSchema);

        context.RegisterSourceOutput(@namespace, static (output, ns) =>
        {
            output.AddSource(SupportEmitter.DecodeExceptionHint, SupportEmitter.EmitDecodeException(ns));
            output.AddSource(SupportEmitter.ReadingHint, SupportEmitter.EmitReading(ns));
            output.AddSource(SupportEmitter.WritingHint, SupportEmitter.EmitWriting(ns));
        });

        context.RegisterSourceOutput(resolved, static (output, schema) =>
        {
            if (schema is null)
            {
                return;
            }

            foreach (TypeModel type in schema.Types)
            {
                if (type.Kind == ShapeKind.Enum)
                {
                    output.AddSource(type.Name + ".g.cs", EnumEmitter.EmitEnum(type, schema.Namespace));
                    output.AddSource(type.Name + "Json.g.cs", EnumEmitter.EmitMapping(type, schema.Namespace));
                }
                else
                {
                    output.AddSource(type.Name + ".g.cs", ClassEmitter.Emit(type, schema.Namespace));
                }
            }
        });
    }

    /// <summary>Whether an additional file is a schema the generator reads.</summary>
    public static bool IsSchemaFile(string path) => path.EndsWith(SchemaParser.FileSuffix, StringComparison.OrdinalIgnoreCase);
}
