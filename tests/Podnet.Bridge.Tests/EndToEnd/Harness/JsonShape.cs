using System.Text.Json.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>Small accessors for results, and a canonical form (keys sorted) for structural comparison.</summary>
public static class JsonShape
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
}
