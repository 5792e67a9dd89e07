using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Netlink.Generators.Emitting;
using Podnet.Netlink.Generators.Model;
using Podnet.Netlink.Generators.Parsing;

namespace Podnet.Netlink.Generators;

/// <summary>
/// Generates size computation, an allocation-free writer and a parser for every <c>[NetlinkAttributeSet]</c> class.
/// It runs the same <see cref="AttributeSetParser"/> as the analyzer: a set with any error is skipped (the analyzer
/// reports why), every other set is generated, and the generator itself never reports or throws.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetlinkGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<AttributeSetModel?> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownMetadataNames.AttributeSetAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (context, cancellationToken) =>
                    context.TargetSymbol is INamedTypeSymbol type
                        ? AttributeSetParser.Parse(type, context.SemanticModel.Compilation, cancellationToken).Model
                        : null)
            .WithTrackingName(TrackingNames.AttributeSets);

        IncrementalValuesProvider<AttributeSetModel> valid = parsed
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ValidAttributeSets);

        IncrementalValuesProvider<GeneratedSource> sources = valid
            .Select(static (model, _) => AttributeSetEmitter.Emit(model))
            .WithTrackingName(TrackingNames.GeneratedSources);

        context.RegisterSourceOutput(sources, static (output, source) => output.AddSource(source.HintName, source.Text));
    }
}
