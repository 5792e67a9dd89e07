using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>The exports of every schema file that can be emitted, used to resolve <c>$ref</c>s.</summary>
/// <param name="EmittableFiles">Files that are valid, define no duplicate type name and reference only emittable files.</param>
/// <param name="Exports">The exports of those files.</param>
internal sealed record SchemaIndex(EquatableArray<string> EmittableFiles, EquatableArray<ExportModel> Exports);

/// <summary>What other files need to know of one schema file: its exports, references and type names, not its bodies.</summary>
internal sealed record SchemaIndexEntry(
    string FileName,
    bool IsValid,
    EquatableArray<ExportModel> Exports,
    EquatableArray<string> References,
    EquatableArray<string> TypeNames);
