namespace Podnet.Cni.Generators.Model;

/// <summary>A target another schema may <c>$ref</c>: a <c>$defs</c> entry or a file's root.</summary>
/// <param name="Pointer">The normalized pointer, <c>file.schema.json#</c> or <c>file.schema.json#/$defs/name</c>.</param>
/// <param name="Shape">What the target is; may itself be a reference.</param>
internal sealed record ExportModel(string Pointer, ShapeModel Shape);
