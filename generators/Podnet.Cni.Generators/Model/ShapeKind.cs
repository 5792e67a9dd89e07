namespace Podnet.Cni.Generators.Model;

/// <summary>What a schema describes, as far as the generated C# needs to know.</summary>
internal enum ShapeKind
{
    /// <summary><c>"type": "string"</c> → <c>string</c>.</summary>
    String,

    /// <summary><c>"type": "boolean"</c> → <c>bool</c>.</summary>
    Boolean,

    /// <summary><c>"type": "integer"</c> → <c>int</c>, <c>uint</c>, <c>long</c> or <c>ulong</c>.</summary>
    Integer,

    /// <summary><c>"type": "number"</c> → <c>double</c>.</summary>
    Number,

    /// <summary><c>{}</c> or <c>"x-raw": true</c> → the raw UTF-8 JSON of the value.</summary>
    Raw,

    /// <summary><c>"type": "array"</c> → <c>List&lt;T&gt;</c>.</summary>
    Array,

    /// <summary>An object with only an <c>additionalProperties</c> schema → <c>Dictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary>An object with properties → a generated class.</summary>
    Object,

    /// <summary>A string enum → a generated enum.</summary>
    Enum,

    /// <summary>A <c>$ref</c> not yet resolved against the other schema files.</summary>
    Reference,
}
