using System.Collections.Generic;
using Podnet.Cni.Generators.Model;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>
/// The outcome of parsing one schema file: the model for the generator, and for the analyzer the problems plus the
/// sites of references and type names (which can only be checked against the other files) and of mapped formats
/// (checked against the compilation).
/// </summary>
internal sealed class SchemaParseResult
{
    public SchemaParseResult(SchemaDocumentModel model, IReadOnlyList<SchemaProblem> problems, IReadOnlyList<SchemaSite> references, IReadOnlyList<SchemaSite> typeNames, IReadOnlyList<SchemaSite> formats)
    {
        Formats = formats;
        Model = model;
        Problems = problems;
        References = references;
        TypeNames = typeNames;
    }

    public SchemaDocumentModel Model { get; }

    public IReadOnlyList<SchemaProblem> Problems { get; }

    public IReadOnlyList<SchemaSite> References { get; }

    public IReadOnlyList<SchemaSite> TypeNames { get; }

    /// <summary>The mapped string formats used (<c>ip</c>, <c>cidr</c>, …), whose types must be in the compilation.</summary>
    public IReadOnlyList<SchemaSite> Formats { get; }
}
