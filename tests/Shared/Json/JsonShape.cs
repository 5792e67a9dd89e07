using System.Text.Json;
using System.Text.Json.Nodes;

namespace Podnet.Testing.Json;

/// <summary>Structural views of JSON for shape comparisons, and small accessors for results (the one JSON helper of the tests).</summary>
internal static class JsonShape
{
    /// <summary>The string at <paramref name="node"/>.</summary>
    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("missing string");

    /// <summary>The canonical JSON text of <paramref name="node"/>: object keys sorted, no whitespace.</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        _ => node.ToJsonString(),
    };

    /// <summary>The property names of an object, sorted.</summary>
    public static string[] Keys(JsonElement element) =>
        [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="element"/> has property <paramref name="name"/>.</summary>
    public static bool Has(JsonElement element, string name) => element.TryGetProperty(name, out _);

    /// <summary>
    /// Every key path of the document, e.g. <c>ips[].address</c>, sorted and without duplicates: the "shape" two results
    /// are compared by.
    /// </summary>
    public static string[] Paths(JsonElement element)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(element, string.Empty, paths);
        return [.. paths];
    }

    /// <summary>The element re-written without whitespace, for comparing values written by different writers.</summary>
    public static string Compact(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Collect(JsonElement element, string prefix, SortedSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    string path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                    paths.Add(path);
                    Collect(property.Value, path, paths);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item, prefix + "[]", paths);
                }

                break;
        }
    }
}
