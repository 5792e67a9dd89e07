using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>Everything the generator takes from one schema file.</summary>
/// <param name="FileName">The file name (no directory); <c>$ref</c>s name files this way.</param>
/// <param name="IsValid">False when the file has any problem; the generator then emits nothing for it.</param>
/// <param name="Types">The classes and enums the file defines.</param>
/// <param name="Exports">The targets other files may reference.</param>
/// <param name="References">The normalized pointers this file references, in any file.</param>
internal sealed record SchemaDocumentModel(
    string FileName,
    bool IsValid,
    EquatableArray<TypeModel> Types,
    EquatableArray<ExportModel> Exports,
    EquatableArray<string> References);
