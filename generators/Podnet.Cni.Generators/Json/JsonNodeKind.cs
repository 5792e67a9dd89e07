namespace Podnet.Cni.Generators.Json;

/// <summary>The kind of a value in a schema document.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
