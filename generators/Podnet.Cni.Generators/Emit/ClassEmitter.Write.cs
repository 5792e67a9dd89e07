using System.Globalization;
using Podnet.Cni.Generators.Formats;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Emit;

/// <summary>The encoder: described members in schema order (optional ones only when set), then the unknown ones.</summary>
internal sealed partial class ClassEmitter
{
    private void EmitWrite()
    {
        SourceWriter w = _writer;
        w.WriteLine("/// <summary>Writes this value as a JSON object, unknown members included.</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer.</param>");
        w.WriteLine("public void Write(global::System.Text.Json.Utf8JsonWriter writer)");
        w.OpenBlock();
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.WriteLine("writer.WriteStartObject();");
        foreach (PropertyModel property in _type.Properties)
        {
            string name = DocComments.Literal(property.JsonName) + "u8";
            if (property.IsRequired)
            {
                w.WriteLine("writer.WritePropertyName(" + name + ");");
                EmitWriteValue(property.Shape, property.PropertyName, 0);
                continue;
            }

            string local = LocalName(property);
            w.WriteLine("if (" + property.PropertyName + " is { } " + local + ")");
            w.OpenBlock();
            w.WriteLine("writer.WritePropertyName(" + name + ");");
            EmitWriteValue(property.Shape, local, 0);
            w.CloseBlock();
        }

        w.WriteLine("if (AdditionalProperties is { } additional)");
        w.OpenBlock();
        w.WriteLine("foreach (global::System.Collections.Generic.KeyValuePair<string, " + ShapeTypes.RawType + "> pair in additional)");
        w.OpenBlock();
        w.WriteLine("writer.WritePropertyName(pair.Key);");
        w.WriteLine(Support("CniJsonWriting") + ".WriteRaw(writer, pair.Value);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
    }

    /// <summary>Writes statements that write the value of <paramref name="expression"/>.</summary>
    private void EmitWriteValue(ShapeModel shape, string expression, int level)
    {
        SourceWriter w = _writer;
        switch (shape.Kind)
        {
            case ShapeKind.String:
                string text = StringFormat.Find(shape.Format) is { } format
                    ? string.Format(CultureInfo.InvariantCulture, format.Format, expression)
                    : expression;
                w.WriteLine("writer.WriteStringValue(" + text + ");");
                break;
            case ShapeKind.Boolean:
                w.WriteLine("writer.WriteBooleanValue(" + expression + ");");
                break;
            case ShapeKind.Integer:
            case ShapeKind.Number:
                w.WriteLine("writer.WriteNumberValue(" + expression + ");");
                break;
            case ShapeKind.Raw:
                w.WriteLine(Support("CniJsonWriting") + ".WriteRaw(writer, " + expression + ");");
                break;
            case ShapeKind.Enum:
                w.WriteLine(Support(shape.TypeName + Resolution.TypeNameRegistry.EnumHelperSuffix) + ".Write(writer, " + expression + ");");
                break;
            case ShapeKind.Object:
                w.WriteLine(expression + ".Write(writer);");
                break;
            case ShapeKind.Array:
                string item = "item" + level;
                w.WriteLine("writer.WriteStartArray();");
                w.WriteLine("foreach (" + ShapeTypes.Of(shape.Element!, _namespace) + " " + item + " in " + expression + ")");
                w.OpenBlock();
                EmitWriteValue(shape.Element!, item, level + 1);
                w.CloseBlock();
                w.WriteLine();
                w.WriteLine("writer.WriteEndArray();");
                break;
            case ShapeKind.Map:
                string entry = "entry" + level;
                w.WriteLine("writer.WriteStartObject();");
                w.WriteLine("foreach (global::System.Collections.Generic.KeyValuePair<string, " + ShapeTypes.Of(shape.Element!, _namespace) + "> " + entry + " in " + expression + ")");
                w.OpenBlock();
                w.WriteLine("writer.WritePropertyName(" + entry + ".Key);");
                EmitWriteValue(shape.Element!, entry + ".Value", level + 1);
                w.CloseBlock();
                w.WriteLine();
                w.WriteLine("writer.WriteEndObject();");
                break;
        }
    }
}
