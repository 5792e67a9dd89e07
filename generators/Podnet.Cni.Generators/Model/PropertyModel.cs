namespace Podnet.Cni.Generators.Model;

/// <summary>One member of a generated class.</summary>
/// <param name="JsonName">The member name on the wire.</param>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="Description">The schema description, used for the XML doc.</param>
/// <param name="IsRequired">Whether the member is listed in <c>required</c>.</param>
/// <param name="Shape">The value shape.</param>
internal sealed record PropertyModel(string JsonName, string PropertyName, string? Description, bool IsRequired, ShapeModel Shape);
