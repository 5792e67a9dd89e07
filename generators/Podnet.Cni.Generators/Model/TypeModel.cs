using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>A type to generate: a class for an object schema or an enum for a string enum.</summary>
/// <param name="Kind"><see cref="ShapeKind.Object"/> or <see cref="ShapeKind.Enum"/>.</param>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">The schema description, used for the XML doc.</param>
/// <param name="Properties">The members of a class, in schema order.</param>
/// <param name="RejectsUnknownMembers">Whether <c>additionalProperties</c> is <c>false</c>.</param>
/// <param name="EnumValues">The values of an enum.</param>
/// <param name="SchemaPointer">Where the type comes from, for the XML doc (<c>file.schema.json#/$defs/x</c>).</param>
internal sealed record TypeModel(
    ShapeKind Kind,
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    bool RejectsUnknownMembers,
    EquatableArray<EnumValueModel> EnumValues,
    string SchemaPointer);
