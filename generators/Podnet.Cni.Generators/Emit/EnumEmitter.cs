using System.Linq;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Emit;

/// <summary>Emits a C# enum for a string enum schema, and the <c>{Name}Json</c> class that maps it to its strings.</summary>
internal static class EnumEmitter
{
    public static string EmitEnum(TypeModel type, string @namespace)
    {
        var w = new SourceWriter();
        WriteHeader(w, @namespace);
        DocComments.WriteSummary(w, type.Description, "The strings allowed by <c>" + DocComments.Escape(type.SchemaPointer) + "</c>.");
        w.WriteLine("/// <remarks>Generated from <c>" + DocComments.Escape(type.SchemaPointer) + "</c>; see <see cref=\"" + type.Name + "Json\"/> for the strings.</remarks>");
        w.WriteLine(SupportEmitter.GeneratedCodeAttribute);
        w.WriteLine("public enum " + type.Name);
        w.OpenBlock();
        foreach (EnumValueModel value in type.EnumValues)
        {
            w.WriteLine("/// <summary>The JSON string <c>" + DocComments.Escape(DocComments.Literal(value.JsonValue)) + "</c>.</summary>");
            w.WriteLine(value.MemberName + ",");
        }

        w.CloseBlock();
        return w.ToString();
    }

    public static string EmitMapping(TypeModel type, string @namespace)
    {
        string enumType = "global::" + @namespace + "." + type.Name;
        string exception = "global::" + @namespace + ".CniDecodeException";
        string allowed = string.Join(", ", type.EnumValues.Select(v => "'" + v.JsonValue + "'"));
        var w = new SourceWriter();
        WriteHeader(w, @namespace);
        w.WriteLine("/// <summary>Maps <see cref=\"" + type.Name + "\"/> to and from its JSON strings (case-sensitive).</summary>");
        w.WriteLine(SupportEmitter.GeneratedCodeAttribute);
        w.WriteLine("public static class " + type.Name + Resolution.TypeNameRegistry.EnumHelperSuffix);
        w.OpenBlock();

        w.WriteLine("/// <summary>The JSON string of <paramref name=\"value\"/>.</summary>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.WriteLine("/// <returns>The string the schema uses for it.</returns>");
        w.WriteLine("public static string ToJsonString(this " + enumType + " value) => value switch");
        w.OpenBlock();
        foreach (EnumValueModel value in type.EnumValues)
        {
            w.WriteLine(enumType + "." + value.MemberName + " => " + DocComments.Literal(value.JsonValue) + ",");
        }

        w.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value)),");
        w.CloseBlock(";");
        w.WriteLine();

        w.WriteLine("/// <summary>Finds the member for the JSON string <paramref name=\"value\"/>.</summary>");
        w.WriteLine("/// <param name=\"value\">The string.</param>");
        w.WriteLine("/// <param name=\"result\">The member, when found.</param>");
        w.WriteLine("/// <returns>Whether <paramref name=\"value\"/> is one of the schema's strings.</returns>");
        w.WriteLine("public static bool TryParse(string? value, out " + enumType + " result)");
        w.OpenBlock();
        w.WriteLine("switch (value)");
        w.OpenBlock();
        foreach (EnumValueModel value in type.EnumValues)
        {
            w.WriteLine("case " + DocComments.Literal(value.JsonValue) + ":");
            w.Indent();
            w.WriteLine("result = " + enumType + "." + value.MemberName + ";");
            w.WriteLine("return true;");
            w.Unindent();
        }

        w.WriteLine("default:");
        w.Indent();
        w.WriteLine("result = default;");
        w.WriteLine("return false;");
        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine("/// <summary>Reads the string token the reader is on.</summary>");
        w.WriteLine("/// <param name=\"reader\">The reader, positioned on a string token.</param>");
        w.WriteLine("/// <returns>The member for the string.</returns>");
        w.WriteLine("/// <exception cref=\"" + exception + "\">The token is not a string, or not one of the schema's strings.</exception>");
        w.WriteLine("public static " + enumType + " Read(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.OpenBlock();
        w.WriteLine("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
        w.OpenBlock();
        w.WriteLine("throw " + exception + ".UnexpectedToken(reader.TokenType, \"a string\");");
        w.CloseBlock();
        w.WriteLine();
        foreach (EnumValueModel value in type.EnumValues)
        {
            w.WriteLine("if (reader.ValueTextEquals(" + DocComments.Literal(value.JsonValue) + "u8))");
            w.OpenBlock();
            w.WriteLine("return " + enumType + "." + value.MemberName + ";");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine("throw " + exception + ".InvalidEnumValue(reader.GetString(), " + DocComments.Literal(type.Name) + ", " + DocComments.Literal(allowed) + ");");
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine("/// <summary>Writes the JSON string of <paramref name=\"value\"/>.</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer.</param>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.WriteLine("public static void Write(global::System.Text.Json.Utf8JsonWriter writer, " + enumType + " value)");
        w.OpenBlock();
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.WriteLine("switch (value)");
        w.OpenBlock();
        foreach (EnumValueModel value in type.EnumValues)
        {
            w.WriteLine("case " + enumType + "." + value.MemberName + ":");
            w.Indent();
            w.WriteLine("writer.WriteStringValue(" + DocComments.Literal(value.JsonValue) + "u8);");
            w.WriteLine("break;");
            w.Unindent();
        }

        w.WriteLine("default:");
        w.Indent();
        w.WriteLine("throw new global::System.ArgumentOutOfRangeException(nameof(value));");
        w.Unindent();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static void WriteHeader(SourceWriter w, string @namespace)
    {
        w.WriteLine("// <auto-generated/>");
        w.WriteLine("#nullable enable");
        w.WriteLine();
        w.WriteLine("namespace " + @namespace + ";");
        w.WriteLine();
    }
}
