using Podnet.Generators;

namespace Podnet.Cni.Generators.Emit;

/// <summary>Writes XML doc summaries from schema descriptions.</summary>
internal static class DocComments
{
    public static void WriteSummary(SourceWriter writer, string? description, string fallback)
    {
        string text = string.IsNullOrWhiteSpace(description) ? fallback : Escape(description!);
        writer.WriteLine("/// <summary>");
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            writer.WriteLine(("/// " + line).TrimEnd());
        }

        writer.WriteLine("/// </summary>");
    }

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";
}
