using System.Globalization;
using Podnet.Cni.Generators.Formats;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Emit;

/// <summary>The decoder: one pass over the object's members, locals per member, required checks, then construction.</summary>
internal sealed partial class ClassEmitter
{
    private string Support(string type) => "global::" + _namespace + "." + type;

    private void EmitReadCore()
    {
        SourceWriter w = _writer;
        string reading = Support("CniJsonReading");
        w.WriteLine("internal static " + _type.Name + " ReadCore(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> source)");
        w.OpenBlock();
        w.WriteLine(reading + ".ExpectStartObject(ref reader);");
        foreach (PropertyModel property in _type.Properties)
        {
            w.WriteLine(ShapeTypes.Of(property.Shape, _namespace) + "? " + LocalName(property) + " = null;");
        }

        w.WriteLine("global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, " + ShapeTypes.RawType + ">>? additional = null;");
        w.WriteLine("string? member = null;");
        int depth = MaxDepth;
        for (int level = 0; level < depth; level++)
        {
            if (HasContainerAt(ShapeKind.Array, level))
            {
                w.WriteLine($"int index{level} = -1;");
            }

            if (HasContainerAt(ShapeKind.Map, level))
            {
                w.WriteLine($"string? key{level} = null;");
            }
        }

        w.WriteLine("try");
        w.OpenBlock();
        w.WriteLine("while (true)");
        w.OpenBlock();
        w.WriteLine("member = null;");
        w.WriteLine(reading + ".Advance(ref reader);");
        w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        w.OpenBlock();
        w.WriteLine("break;");
        w.CloseBlock();
        w.WriteLine();
        foreach (PropertyModel property in _type.Properties)
        {
            w.WriteLine("if (reader.ValueTextEquals(" + DocComments.Literal(property.JsonName) + "u8))");
            w.OpenBlock();
            w.WriteLine("member = " + DocComments.Literal(property.JsonName) + ";");
            w.WriteLine(reading + ".Advance(ref reader);");
            if (property.Shape.Kind == ShapeKind.Raw)
            {
                EmitReadValue(property.Shape, LocalName(property), 0);
            }
            else
            {
                w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
                w.OpenBlock();
                w.WriteLine(LocalName(property) + " = null;");
                w.CloseBlock();
                w.WriteLine("else");
                w.OpenBlock();
                EmitReadValue(property.Shape, LocalName(property), 0);
                w.CloseBlock();
            }

            w.WriteLine();
            w.WriteLine("continue;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine("string name = reader.GetString()!;");
        w.WriteLine("member = name;");
        if (_type.RejectsUnknownMembers)
        {
            w.WriteLine("throw " + Support("CniDecodeException") + ".UnknownMember(name);");
        }
        else
        {
            w.WriteLine(reading + ".Advance(ref reader);");
            w.WriteLine("additional ??= new();");
            w.WriteLine("additional.Add(new(name, " + reading + ".ReadRaw(ref reader, source)));");
        }

        w.CloseBlock();
        w.WriteLine();
        foreach (PropertyModel property in _type.Properties)
        {
            if (!property.IsRequired)
            {
                continue;
            }

            w.WriteLine("if (" + LocalName(property) + " is null)");
            w.OpenBlock();
            w.WriteLine("member = " + DocComments.Literal(property.JsonName) + ";");
            w.WriteLine("throw " + Support("CniDecodeException") + ".MissingMember(" + DocComments.Literal(property.JsonName) + ");");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine("return new " + _type.Name);
        w.OpenBlock();
        foreach (PropertyModel property in _type.Properties)
        {
            string value = property.IsRequired && ShapeTypes.IsValueType(property.Shape) ? LocalName(property) + ".Value" : LocalName(property);
            w.WriteLine(property.PropertyName + " = " + value + ",");
        }

        w.WriteLine("AdditionalProperties = additional,");
        w.CloseBlock(";");
        w.CloseBlock();
        // Utf8JsonReader validates string text lazily: GetString/ValueTextEquals throw InvalidOperationException for
        // invalid UTF-8 or a lone surrogate escape (the token types are checked before every call, so that is its only cause).
        w.WriteLine("catch (global::System.Exception exception) when (exception is " + Support("CniDecodeException") + " or global::System.Text.Json.JsonException or global::System.InvalidOperationException)");
        w.OpenBlock();
        w.WriteLine(Support("CniDecodeException") + " failure = " + Support("CniDecodeException") + ".From(exception);");
        for (int level = depth - 1; level >= 0; level--)
        {
            bool array = HasContainerAt(ShapeKind.Array, level);
            bool map = HasContainerAt(ShapeKind.Map, level);
            if (map)
            {
                w.WriteLine($"if (key{level} is not null)");
                w.OpenBlock();
                w.WriteLine($"failure.PrependMember(key{level});");
                w.CloseBlock();
            }

            if (array)
            {
                w.WriteLine((map ? "else " : string.Empty) + $"if (index{level} >= 0)");
                w.OpenBlock();
                w.WriteLine($"failure.PrependIndex(index{level});");
                w.CloseBlock();
            }
        }

        w.WriteLine("if (member is not null)");
        w.OpenBlock();
        w.WriteLine("failure.PrependMember(member);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("throw failure;");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>Writes statements that read the value the reader is on into <paramref name="target"/>.</summary>
    private void EmitReadValue(ShapeModel shape, string target, int level)
    {
        if (shape.ErrorMessage is null)
        {
            EmitReadValueCore(shape, target, level);
            return;
        }

        // The schema states the message for a value it does not allow (range, format, enum): the reason becomes that message.
        SourceWriter w = _writer;
        string violation = "violation" + level;
        w.WriteLine("try");
        w.OpenBlock();
        EmitReadValueCore(shape, target, level);
        w.CloseBlock();
        w.WriteLine("catch (" + Support("CniDecodeException") + " " + violation + ") when (" + violation + ".IsConstraintViolation)");
        w.OpenBlock();
        w.WriteLine("throw " + Support("CniDecodeException") + ".Stated(" + violation + ", " + DocComments.Literal(shape.ErrorMessage) + ");");
        w.CloseBlock();
    }

    private void EmitReadValueCore(ShapeModel shape, string target, int level)
    {
        SourceWriter w = _writer;
        string reading = Support("CniJsonReading");
        switch (shape.Kind)
        {
            case ShapeKind.String when StringFormat.Find(shape.Format) is { } format:
                EmitReadFormatted(format, target, level);
                break;
            case ShapeKind.String:
            case ShapeKind.Boolean:
            case ShapeKind.Number:
            case ShapeKind.Integer:
                if (shape.Minimum is null && shape.Maximum is null)
                {
                    w.WriteLine(target + " = " + reading + "." + ShapeTypes.PrimitiveReader(shape) + "(ref reader);");
                    break;
                }

                string number = "number" + level;
                w.WriteLine(ShapeTypes.Of(shape, _namespace) + " " + number + " = " + reading + "." + ShapeTypes.PrimitiveReader(shape) + "(ref reader);");
                string condition = shape.Minimum is not null && shape.Maximum is not null
                    ? $"{number} < {shape.Minimum} || {number} > {shape.Maximum}"
                    : shape.Minimum is not null ? $"{number} < {shape.Minimum}" : $"{number} > {shape.Maximum}";
                w.WriteLine("if (" + condition + ")");
                w.OpenBlock();
                w.WriteLine("throw " + Support("CniDecodeException") + ".OutOfRange(" + number + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture), "
                    + DocComments.Literal(shape.Minimum ?? string.Empty) + ", " + DocComments.Literal(shape.Maximum ?? string.Empty) + ");");
                w.CloseBlock();
                w.WriteLine();
                w.WriteLine(target + " = " + number + ";");
                break;
            case ShapeKind.Raw:
                w.WriteLine(target + " = " + reading + ".ReadRaw(ref reader, source);");
                break;
            case ShapeKind.Enum:
                w.WriteLine(target + " = " + Support(shape.TypeName + Resolution.TypeNameRegistry.EnumHelperSuffix) + ".Read(ref reader);");
                break;
            case ShapeKind.Object:
                w.WriteLine(target + " = " + Support(shape.TypeName!) + ".ReadCore(ref reader, source);");
                break;
            case ShapeKind.Array:
                EmitReadArray(shape, target, level);
                break;
            case ShapeKind.Map:
                EmitReadMap(shape, target, level);
                break;
        }
    }

    /// <summary>A string with a mapped format: read the text, then parse (or check) it; a refusal is a constraint violation.</summary>
    private void EmitReadFormatted(StringFormat format, string target, int level)
    {
        SourceWriter w = _writer;
        string text = "text" + level;
        string parsed = "parsed" + level;
        w.WriteLine("string " + text + " = " + Support("CniJsonReading") + ".ReadString(ref reader);");
        w.WriteLine("if (" + string.Format(CultureInfo.InvariantCulture, format.Refuses, text, parsed) + ")");
        w.OpenBlock();
        w.WriteLine("throw " + Support("CniDecodeException") + ".InvalidFormat(" + string.Format(CultureInfo.InvariantCulture, format.Reason, text) + ", "
            + DocComments.Literal(format.Name) + ", " + text + ");");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(target + " = " + string.Format(CultureInfo.InvariantCulture, format.Value, text, parsed) + ";");
    }

    private void EmitReadArray(ShapeModel shape, string target, int level)
    {
        SourceWriter w = _writer;
        string reading = Support("CniJsonReading");
        string list = "list" + level;
        string item = "item" + level;
        string elementType = ShapeTypes.Of(shape.Element!, _namespace);
        w.WriteLine(reading + ".ExpectStartArray(ref reader);");
        w.WriteLine(ShapeTypes.Of(shape, _namespace) + " " + list + " = new();");
        w.WriteLine($"index{level} = 0;");
        w.WriteLine("while (true)");
        w.OpenBlock();
        w.WriteLine(reading + ".Advance(ref reader);");
        w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)");
        w.OpenBlock();
        w.WriteLine("break;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(elementType + " " + item + ";");
        EmitReadValue(shape.Element!, item, level + 1);
        w.WriteLine(list + ".Add(" + item + ");");
        w.WriteLine($"index{level}++;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"index{level} = -1;");
        w.WriteLine(target + " = " + list + ";");
    }

    private void EmitReadMap(ShapeModel shape, string target, int level)
    {
        SourceWriter w = _writer;
        string reading = Support("CniJsonReading");
        string map = "map" + level;
        string item = "item" + level;
        string elementType = ShapeTypes.Of(shape.Element!, _namespace);
        w.WriteLine(reading + ".ExpectStartObject(ref reader);");
        w.WriteLine(ShapeTypes.Of(shape, _namespace) + " " + map + " = new(global::System.StringComparer.Ordinal);");
        w.WriteLine("while (true)");
        w.OpenBlock();
        w.WriteLine(reading + ".Advance(ref reader);");
        w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        w.OpenBlock();
        w.WriteLine("break;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"key{level} = reader.GetString()!;");
        w.WriteLine(reading + ".Advance(ref reader);");
        w.WriteLine(elementType + " " + item + ";");
        EmitReadValue(shape.Element!, item, level + 1);
        w.WriteLine($"{map}[key{level}] = {item};");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"key{level} = null;");
        w.WriteLine(target + " = " + map + ";");
    }
}
