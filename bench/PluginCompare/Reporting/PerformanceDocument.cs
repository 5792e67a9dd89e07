using System.Text;

namespace Podnet.PluginCompare.Reporting;

/// <summary>
/// Replaces one <c>## </c> section of <c>docs/performance.md</c> (from its heading to the next <c>## </c> heading),
/// leaving the other sections as they are; creates the file with a <c># Performance</c> title when missing.
/// </summary>
internal static class PerformanceDocument
{
    public const string SectionTitle = "## Plugin: podnet vs reference bridge + host-local";

    public static void ReplaceSection(string path, string sectionBody)
    {
        string existing = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        string[] lines = existing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == SectionTitle);
        var output = new StringBuilder();
        string section = SectionTitle + "\n\n" + sectionBody.TrimEnd('\n') + "\n";
        if (start < 0)
        {
            output.Append(existing.TrimEnd('\n')).Append("\n\n").Append(section);
        }
        else
        {
            int end = start + 1;
            while (end < lines.Length && !lines[end].StartsWith("## ", StringComparison.Ordinal))
            {
                end++;
            }

            output.Append(string.Join('\n', lines[..start]));
            output.Append(start > 0 ? "\n" : string.Empty).Append(section);
            if (end < lines.Length)
            {
                output.Append('\n').Append(string.Join('\n', lines[end..]));
            }
        }

        string text = output.ToString().TrimEnd('\n') + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }
}
