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
internal sealed record ShapeModel(
    ShapeKind Kind,
    string? TypeName = null,
    string? Reference = null,
    ShapeModel? Element = null,
    IntegerKind Integer = IntegerKind.Int32,
    string? Minimum = null,
    string? Maximum = null,
    string? Format = null);
