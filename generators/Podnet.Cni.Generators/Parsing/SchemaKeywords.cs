using System.Collections.Generic;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>The JSON Schema keywords the generator understands, and the annotations it ignores.</summary>
internal static class SchemaKeywords
{
    public const string Type = "type";
    public const string Properties = "properties";
    public const string Required = "required";
    public const string Items = "items";
    public const string Ref = "$ref";
    public const string Defs = "$defs";
    public const string Enum = "enum";
    public const string AdditionalProperties = "additionalProperties";
    public const string Format = "format";
    public const string Description = "description";
    public const string Minimum = "minimum";
    public const string Maximum = "maximum";
    public const string TypeName = "x-csharp-type-name";
    public const string MemberName = "x-csharp-name";
    public const string EnumNames = "x-csharp-enum-names";
    public const string Raw = "x-raw";
    public const string ErrorMessage = "errorMessage";

    /// <summary>Keywords with a meaning for the generated code, plus annotations that change nothing.</summary>
    public static readonly HashSet<string> Known = new()
    {
        Type, Properties, Required, Items, Ref, Defs, Enum, AdditionalProperties, Format, Description, Minimum, Maximum,
        TypeName, MemberName, EnumNames, Raw, ErrorMessage,
        "$schema", "$id", "$comment", "title", "default", "examples", "deprecated", "readOnly", "writeOnly",
    };
}
