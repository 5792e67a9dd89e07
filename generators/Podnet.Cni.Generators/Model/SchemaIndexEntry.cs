using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>What other files need to know of one schema file: its exports, references and type names, not its bodies.</summary>
internal sealed record SchemaIndexEntry(
    string FileName,
    bool IsValid,
    EquatableArray<ExportModel> Exports,
    EquatableArray<string> References,
    EquatableArray<string> TypeNames);
