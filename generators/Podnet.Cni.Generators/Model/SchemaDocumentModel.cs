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

/// <summary>One schema file ready to emit: every reference replaced by the shape it points at.</summary>
internal sealed record ResolvedSchemaModel(string Namespace, string FileName, EquatableArray<TypeModel> Types);

/// <summary>A target another schema may <c>$ref</c>: a <c>$defs</c> entry or a file's root.</summary>
/// <param name="Pointer">The normalized pointer, <c>file.schema.json#</c> or <c>file.schema.json#/$defs/name</c>.</param>
/// <param name="Shape">What the target is; may itself be a reference.</param>
internal sealed record ExportModel(string Pointer, ShapeModel Shape);
