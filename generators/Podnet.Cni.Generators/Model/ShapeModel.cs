using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>The shape of one value: a primitive, a container of another shape, a generated type or a reference.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="TypeName">The generated type for <see cref="ShapeKind.Object"/> and <see cref="ShapeKind.Enum"/>.</param>
/// <param name="Reference">The normalized target (<c>file.schema.json#/$defs/name</c>) of a <see cref="ShapeKind.Reference"/>.</param>
/// <param name="Element">The item shape of an array or the value shape of a map.</param>
/// <param name="Integer">The C# integer type of an integer.</param>
/// <param name="Minimum">The literal <c>minimum</c> to check when decoding a number, if any.</param>
/// <param name="Maximum">The literal <c>maximum</c> to check when decoding a number, if any.</param>
/// <param name="Format">For a string: the mapped <c>format</c> (see <c>Formats.StringFormat</c>), null when none or informational.</param>
/// <param name="ErrorMessage">
/// The schema's <c>errorMessage</c> for a value outside <see cref="Minimum"/>/<see cref="Maximum"/> or not of <see cref="Format"/>,
/// with <c>{minimum}</c> and <c>{maximum}</c> already filled in; <c>{value}</c> and <c>{reason}</c> are filled in when decoding.
/// </param>
internal sealed record ShapeModel(
    ShapeKind Kind,
    string? TypeName = null,
    string? Reference = null,
    ShapeModel? Element = null,
    IntegerKind Integer = IntegerKind.Int32,
    string? Minimum = null,
    string? Maximum = null,
    string? Format = null,
    string? ErrorMessage = null);

/// <summary>What a schema describes, as far as the generated C# needs to know.</summary>
internal enum ShapeKind
{
    /// <summary><c>"type": "string"</c> → <c>string</c>.</summary>
    String,

    /// <summary><c>"type": "boolean"</c> → <c>bool</c>.</summary>
    Boolean,

    /// <summary><c>"type": "integer"</c> → <c>int</c>, <c>uint</c>, <c>long</c> or <c>ulong</c>.</summary>
    Integer,

    /// <summary><c>"type": "number"</c> → <c>double</c>.</summary>
    Number,

    /// <summary><c>{}</c> or <c>"x-raw": true</c> → the raw UTF-8 JSON of the value.</summary>
    Raw,

    /// <summary><c>"type": "array"</c> → <c>List&lt;T&gt;</c>.</summary>
    Array,

    /// <summary>An object with only an <c>additionalProperties</c> schema → <c>Dictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary>An object with properties → a generated class.</summary>
    Object,

    /// <summary>A string enum → a generated enum.</summary>
    Enum,

    /// <summary>A <c>$ref</c> not yet resolved against the other schema files.</summary>
    Reference,
}

/// <summary>One member of a generated class.</summary>
/// <param name="JsonName">The member name on the wire.</param>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="Description">The schema description, used for the XML doc.</param>
/// <param name="IsRequired">Whether the member is listed in <c>required</c>.</param>
/// <param name="Shape">The value shape.</param>
internal sealed record PropertyModel(string JsonName, string PropertyName, string? Description, bool IsRequired, ShapeModel Shape);

/// <summary>One string of a schema enum and the C# member that stands for it.</summary>
internal sealed record EnumValueModel(string JsonValue, string MemberName);

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

/// <summary>The C# type an integer schema maps to (see specs/cni/README.md for the rule).</summary>
internal enum IntegerKind
{
    Int32,
    UInt32,
    Int64,
    UInt64,
}
