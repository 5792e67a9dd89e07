using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Podnet.Agent.Kubernetes;

/// <summary>
/// Reads the YAML that kubeconfig files are written in into plain values: a mapping is a
/// <see cref="Dictionary{TKey, TValue}"/> of string to value, a sequence a <see cref="List{T}"/>, a scalar a
/// <see cref="string"/> (<see langword="null"/> for <c>null</c>, <c>~</c> or nothing). It handles block mappings and
/// sequences (also a sequence at its key's indentation, as kubectl writes them), plain, single- and double-quoted
/// scalars, <c>|</c>/<c>&gt;</c> block scalars, comments, and one-line flow sequences and mappings of scalars. A document that starts with <c>{</c> is read as JSON (which kubeconfig files may also be). Anchors,
/// tags, multi-line flow collections and multi-line plain scalars are not YAML that kubectl writes; they are refused
/// with the line number.
/// </summary>
internal static class YamlSubset
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">Not in the subset, with the line number.</exception>
    public static object? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(trimmed);
                return FromJson(document.RootElement);
            }
            catch (JsonException e)
            {
                throw new FormatException($"not valid JSON: {e.Message}", e);
            }
        }

        Line[] lines = Split(text);
        int i = 0;
        if (lines.Length == 0)
        {
            return null;
        }

        object? value = ParseNode(lines, ref i, lines[0].Indent);
        return i == lines.Length ? value : throw Error(lines[i], "unexpected content (a second document, or a wrong indentation)");
    }

    private static object? ParseNode(Line[] lines, ref int i, int indent)
    {
        Line line = lines[i];
        if (IsSequenceItem(line.Text))
        {
            return ParseSequence(lines, ref i, line.Indent);
        }

        if (SplitKey(line) is not null)
        {
            return ParseMapping(lines, ref i, line.Indent);
        }

        i++;
        return i < lines.Length && lines[i].Indent > indent
            ? throw Error(lines[i], "multi-line plain scalars are not supported; quote the value")
            : Scalar(line, line.Text);
    }

    private static Dictionary<string, object?> ParseMapping(Line[] lines, ref int i, int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (i < lines.Length && lines[i].Indent == indent && !IsSequenceItem(lines[i].Text))
        {
            Line line = lines[i];
            (string key, string rest) = SplitKey(line) ?? throw Error(line, "expected \"key: value\"");
            i++;
            object? value;
            if (rest.Length == 0)
            {
                bool nested = i < lines.Length && (lines[i].Indent > indent || (lines[i].Indent == indent && IsSequenceItem(lines[i].Text)));
                value = nested ? ParseNode(lines, ref i, indent) : null;
            }
            else if (rest[0] is '|' or '>')
            {
                value = BlockScalar(lines, ref i, indent, folded: rest[0] == '>');
            }
            else
            {
                value = Scalar(line, rest);
            }

            if (!map.TryAdd(key, value))
            {
                throw Error(line, $"duplicate key \"{key}\"");
            }
        }

        return i < lines.Length && lines[i].Indent > indent ? throw Error(lines[i], "unexpected indentation") : map;
    }

    private static List<object?> ParseSequence(Line[] lines, ref int i, int indent)
    {
        var list = new List<object?>();
        while (i < lines.Length && lines[i].Indent == indent && IsSequenceItem(lines[i].Text))
        {
            Line line = lines[i];
            string rest = line.Text[1..].TrimStart(' ');
            if (rest.Length == 0)
            {
                i++;
                list.Add(i < lines.Length && lines[i].Indent > indent ? ParseNode(lines, ref i, indent) : null);
                continue;
            }

            // "- key: value" opens a mapping whose keys sit at the column of "key".
            lines[i] = line with { Indent = line.Indent + (line.Text.Length - rest.Length), Text = rest };
            list.Add(ParseNode(lines, ref i, indent));
        }

        return list;
    }

    private static string BlockScalar(Line[] lines, ref int i, int indent, bool folded)
    {
        var text = new StringBuilder();
        while (i < lines.Length && lines[i].Indent > indent)
        {
            text.Append(lines[i].Raw.TrimStart(' ')).Append(folded ? ' ' : '\n');
            i++;
        }

        return text.ToString();
    }

    private static object? Scalar(Line line, string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "{}":
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            case "[]":
                return new List<object?>();
        }

        if (text[0] is '&' or '*' or '!')
        {
            throw Error(line, "anchors, aliases and tags are not supported");
        }

        if (text[0] == '{')
        {
            if (!text.EndsWith('}'))
            {
                throw Error(line, "multi-line flow mappings are not supported");
            }

            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (string item in SplitFlow(line, text[1..^1]))
            {
                (string key, string value) = SplitKey(line with { Text = item }) ?? throw Error(line, $"\"{item}\" in a flow mapping is not \"key: value\"");
                if (value.Length > 0 && value[0] is '{' or '[')
                {
                    throw Error(line, "nested flow collections are not supported");
                }

                if (!map.TryAdd(key, Scalar(line, value)))
                {
                    throw Error(line, $"duplicate key \"{key}\"");
                }
            }

            return map;
        }

        if (text[0] == '[')
        {
            if (!text.EndsWith(']'))
            {
                throw Error(line, "multi-line flow sequences are not supported");
            }

            var items = new List<object?>();
            foreach (string item in SplitFlow(line, text[1..^1]))
            {
                items.Add(Scalar(line, item));
            }

            return items;
        }

        return text[0] switch
        {
            '"' => DoubleQuoted(line, text),
            '\'' => text.Length >= 2 && text[^1] == '\'' ? text[1..^1].Replace("''", "'", StringComparison.Ordinal) : throw Error(line, "unterminated quote"),
            _ => text,
        };
    }

    private static IEnumerable<string> SplitFlow(Line line, string inner)
    {
        int start = 0;
        char quote = '\0';
        for (int k = 0; k <= inner.Length; k++)
        {
            if (k < inner.Length && quote != '\0')
            {
                if (inner[k] == '\\' && quote == '"')
                {
                    k++;
                }
                else if (inner[k] == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (k < inner.Length && inner[k] is '"' or '\'')
            {
                quote = inner[k];
            }
            else if (k == inner.Length || inner[k] == ',')
            {
                string item = inner[start..k].Trim();
                if (item.Length > 0)
                {
                    yield return item;
                }
                else if (k < inner.Length)
                {
                    throw Error(line, "empty flow sequence item");
                }

                start = k + 1;
            }
        }
    }

    private static string DoubleQuoted(Line line, string text)
    {
        if (text.Length < 2 || text[^1] != '"')
        {
            throw Error(line, "unterminated quote");
        }

        var value = new StringBuilder();
        for (int k = 1; k < text.Length - 1; k++)
        {
            char c = text[k];
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (++k >= text.Length - 1)
            {
                throw Error(line, "a lone backslash at the end of a quoted string");
            }

            switch (text[k])
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '0': value.Append('\0'); break;
                case '"' or '\\' or '/' or ' ': value.Append(text[k]); break;
                case 'u' when k + 4 < text.Length - 1 && int.TryParse(text.AsSpan(k + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                    value.Append((char)code);
                    k += 4;
                    break;
                default:
                    throw Error(line, $"unsupported escape \\{text[k]}");
            }
        }

        return value.ToString();
    }

    /// <summary>The key and the rest of a <c>key: value</c> line, or <see langword="null"/> when it is not one.</summary>
    private static (string Key, string Value)? SplitKey(Line line)
    {
        string text = line.Text;
        if (text[0] is '"' or '\'')
        {
            int close = text.IndexOf(text[0], 1);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':' || (close + 2 < text.Length && text[close + 2] != ' '))
            {
                return null;
            }

            return ((string)Scalar(line, text[..(close + 1)])!, text[(close + 2)..].Trim());
        }

        if (text[0] is '[' or '{')
        {
            return null;
        }

        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            return (text[..colon].TrimEnd(), text[(colon + 2)..].Trim());
        }

        return text.EndsWith(':') && text.Length > 1 ? (text[..^1].TrimEnd(), string.Empty) : null;
    }

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>Non-blank lines without comments and document markers, with their indentation.</summary>
    private static Line[] Split(string text)
    {
        var lines = new List<Line>();
        string[] raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int n = 0; n < raw.Length; n++)
        {
            string content = StripComment(raw[n]).TrimEnd();
            if (content.Length == 0 || content is "---" or "...")
            {
                continue;
            }

            if (content.Contains('\t', StringComparison.Ordinal) && content.TrimStart(' ').StartsWith('\t'))
            {
                throw new FormatException($"line {n + 1}: tabs are not allowed for indentation");
            }

            int indent = content.Length - content.TrimStart(' ').Length;
            lines.Add(new Line(n + 1, indent, content[indent..], raw[n]));
        }

        return [.. lines];
    }

    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int k = 0; k < line.Length; k++)
        {
            char c = line[k];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    k++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && (k == 0 || line[k - 1] is ' ' or ':' or '-' or '[' or ','))
            {
                quote = c;
            }
            else if (c == '#' && (k == 0 || line[k - 1] is ' ' or '\t'))
            {
                return line[..k];
            }
        }

        return line;
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };

    private static FormatException Error(Line line, string message) => new($"line {line.Number}: {message}");

    private readonly record struct Line(int Number, int Indent, string Text, string Raw);
}
