using System.Text.Json;

namespace Podnet.Cni.Tests.Schema;

/// <summary>Deep equality of two JSON documents (member order and whitespace ignored, numbers compared as text).</summary>
internal static class JsonEquivalence
{
    public static void AssertEquivalent(string expected, byte[] actual)
    {
        using JsonDocument expectedDocument = JsonDocument.Parse(expected);
        using JsonDocument actualDocument = JsonDocument.Parse(actual);
        Assert.True(
            JsonElement.DeepEquals(expectedDocument.RootElement, actualDocument.RootElement),
            $"JSON differs.\nexpected: {expected}\nactual:   {System.Text.Encoding.UTF8.GetString(actual)}");
    }

    public static void AssertEquivalent(string expected, ReadOnlyMemory<byte> actual) => AssertEquivalent(expected, actual.ToArray());
}
