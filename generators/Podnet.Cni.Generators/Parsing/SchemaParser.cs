using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using Podnet.Cni.Generators.Json;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>
/// Reads one schema file into a <see cref="SchemaDocumentModel"/>, collecting every problem on the way. A file with
/// any problem yields an invalid model, which the generator skips; the analyzer reports the problems.
/// </summary>
internal sealed partial class SchemaParser
{
    /// <summary>Member names the generated classes use themselves; a schema property with one of them gets a suffix.</summary>
    private static readonly HashSet<string> s_reservedMemberNames = new()
    {
        "Read", "ReadCore", "Parse", "Write", "ToUtf8Bytes", "AdditionalProperties", "Equals", "GetHashCode", "ToString", "GetType",
    };

    private readonly string _fileName;
    private readonly List<SchemaProblem> _problems = new();
    private readonly List<TypeModel> _types = new();
    private readonly List<ExportModel> _exports = new();
    private readonly List<SchemaSite> _references = new();
    private readonly List<SchemaSite> _typeNames = new();
    private readonly List<SchemaSite> _formats = new();
    private readonly Resolution.TypeNameRegistry _typeNameRegistry = new();

    private SchemaParser(string fileName)
    {
        _fileName = fileName;
    }

    /// <summary>The suffix that marks a schema file among the additional files.</summary>
    public const string FileSuffix = ".schema.json";

    /// <summary>Parses the schema file <paramref name="fileName"/> with content <paramref name="text"/>.</summary>
    public static SchemaParseResult Parse(string fileName, string text)
    {
        var parser = new SchemaParser(fileName);
        JsonNode? root = null;
        try
        {
            root = JsonTextParser.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            int start = e.Position < text.Length ? e.Position : text.Length;
            int length = start < text.Length ? 1 : 0;
            parser._problems.Add(new SchemaProblem(SchemaProblemIds.InvalidJson, new TextSpan(start, length), fileName, e.Message));
        }

        if (root is not null)
        {
            parser.ParseRoot(root);
        }

        bool valid = parser._problems.Count == 0;
        var references = new List<string>();
        foreach (SchemaSite site in parser._references)
        {
            if (!references.Contains(site.Value))
            {
                references.Add(site.Value);
            }
        }

        var model = new SchemaDocumentModel(
            fileName,
            valid,
            valid ? parser._types.ToEquatableArray() : EquatableArray<TypeModel>.Empty,
            valid ? parser._exports.ToEquatableArray() : EquatableArray<ExportModel>.Empty,
            references.ToEquatableArray());
        return new SchemaParseResult(model, parser._problems, parser._references, parser._typeNames, parser._formats);
    }

    /// <summary>The name a file's root type gets without <c>x-csharp-type-name</c>: <c>host-local.schema.json</c> → <c>HostLocal</c>.</summary>
    public static string RootTypeName(string fileName)
    {
        string stem = fileName.EndsWith(FileSuffix, System.StringComparison.OrdinalIgnoreCase)
            ? fileName.Substring(0, fileName.Length - FileSuffix.Length)
            : fileName;
        return CSharpNames.ToPascalCase(stem);
    }

    private void ParseRoot(JsonNode root)
    {
        if (root.Kind != JsonNodeKind.Object)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, root.Span, "(root)", "the schema root must be a JSON object");
            return;
        }

        JsonMember? defs = root.Find(SchemaKeywords.Defs);
        if (defs is not null)
        {
            if (defs.Value.Kind != JsonNodeKind.Object)
            {
                Report(SchemaProblemIds.InvalidKeywordValue, defs.NameSpan, SchemaKeywords.Defs, "it must be an object of named schemas");
            }
            else
            {
                foreach (JsonMember definition in defs.Value.Members)
                {
                    string pointer = _fileName + "#/$defs/" + definition.Name;
                    ShapeModel shape = ParseShape(definition.Value, CSharpNames.ToPascalCase(definition.Name), pointer, isRoot: false);
                    _exports.Add(new ExportModel(pointer, shape));
                }
            }
        }

        string rootPointer = _fileName + "#";
        _exports.Add(new ExportModel(rootPointer, ParseShape(root, RootTypeName(_fileName), rootPointer, isRoot: true)));
    }

    private ShapeModel ParseShape(JsonNode node, string nameHint, string pointer, bool isRoot)
    {
        ShapeModel shape = ParseShapeCore(node, nameHint, pointer, isRoot);
        return node.Kind == JsonNodeKind.Object && node.Find(SchemaKeywords.ErrorMessage) is { } errorMessage
            ? WithErrorMessage(node, shape, errorMessage)
            : shape;
    }

    private ShapeModel ParseShapeCore(JsonNode node, string nameHint, string pointer, bool isRoot)
    {
        if (node.Kind == JsonNodeKind.True)
        {
            return new ShapeModel(ShapeKind.Raw);
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, node.Span, pointer, "a schema must be a JSON object or true");
            return new ShapeModel(ShapeKind.Raw);
        }

        CheckKeywords(node, isRoot);
        string typeName = ReadTypeName(node) ?? nameHint;

        JsonNode? raw = node.Get(SchemaKeywords.Raw);
        if (raw is not null)
        {
            if (raw.Kind == JsonNodeKind.True)
            {
                return new ShapeModel(ShapeKind.Raw);
            }

            if (raw.Kind != JsonNodeKind.False)
            {
                Report(SchemaProblemIds.InvalidKeywordValue, raw.Span, SchemaKeywords.Raw, "it must be true or false");
            }
        }

        JsonNode? reference = node.Get(SchemaKeywords.Ref);
        if (reference is not null)
        {
            return ParseReference(reference);
        }

        if (node.Find(SchemaKeywords.Enum) is { } enumMember)
        {
            return ParseEnum(node, enumMember, typeName, pointer);
        }

        string? type = ReadType(node);
        switch (type)
        {
            case "string":
                return ParseString(node);
            case "boolean":
                return new ShapeModel(ShapeKind.Boolean);
            case "number":
                return new ShapeModel(ShapeKind.Number, Minimum: ReadNumber(node, SchemaKeywords.Minimum), Maximum: ReadNumber(node, SchemaKeywords.Maximum));
            case "integer":
                return ParseInteger(node);
            case "array":
                JsonNode? items = node.Get(SchemaKeywords.Items);
                ShapeModel element = items is null ? new ShapeModel(ShapeKind.Raw) : ParseShape(items, typeName + "Item", pointer + "/items", isRoot: false);
                return new ShapeModel(ShapeKind.Array, Element: element);
            case "object":
                return ParseObject(node, typeName, pointer);
            default:
                return new ShapeModel(ShapeKind.Raw);
        }
    }

    private void CheckKeywords(JsonNode node, bool isRoot)
    {
        foreach (JsonMember member in node.Members)
        {
            if (!SchemaKeywords.Known.Contains(member.Name) || (member.Name == SchemaKeywords.Defs && !isRoot))
            {
                Report(SchemaProblemIds.UnsupportedKeyword, member.NameSpan, member.Name);
            }
        }
    }

    private string? ReadTypeName(JsonNode node)
    {
        JsonNode? name = node.Get(SchemaKeywords.TypeName);
        if (name is null)
        {
            return null;
        }

        if (name.Kind != JsonNodeKind.String || !CSharpNames.IsValidIdentifier(name.Text))
        {
            Report(SchemaProblemIds.InvalidName, name.Span, name.Kind == JsonNodeKind.String ? name.Text : "(not a string)", SchemaKeywords.TypeName);
            return null;
        }

        return name.Text;
    }

    private string? ReadType(JsonNode node)
    {
        JsonMember? type = node.Find(SchemaKeywords.Type);
        if (type is null)
        {
            if (node.Find(SchemaKeywords.Properties) is not null || node.Find(SchemaKeywords.TypeName) is not null)
            {
                return "object";
            }

            return node.Find(SchemaKeywords.Items) is not null ? "array" : null;
        }

        if (type.Value.Kind != JsonNodeKind.String)
        {
            Report(SchemaProblemIds.UnsupportedType, type.Value.Span, type.Value.Kind == JsonNodeKind.Array ? "a list of types" : "(not a string)");
            return null;
        }

        switch (type.Value.Text)
        {
            case "string":
            case "boolean":
            case "number":
            case "integer":
            case "array":
            case "object":
                return type.Value.Text;
            default:
                Report(SchemaProblemIds.UnsupportedType, type.Value.Span, type.Value.Text);
                return null;
        }
    }

    private ShapeModel ParseReference(JsonNode reference)
    {
        if (reference.Kind != JsonNodeKind.String)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, reference.Span, SchemaKeywords.Ref, "it must be a string");
            return new ShapeModel(ShapeKind.Raw);
        }

        string text = reference.Text;
        int hash = text.IndexOf('#');
        string file = hash < 0 ? text : text.Substring(0, hash);
        string fragment = hash < 0 ? string.Empty : text.Substring(hash + 1);
        int slash = file.LastIndexOf('/');
        file = slash < 0 ? file : file.Substring(slash + 1);
        if (file.Length == 0)
        {
            file = _fileName;
        }

        const string DefsPrefix = "/$defs/";
        bool fragmentValid = fragment.Length == 0
            || (fragment.StartsWith(DefsPrefix, System.StringComparison.Ordinal) && fragment.Length > DefsPrefix.Length && fragment.IndexOf('/', DefsPrefix.Length) < 0);
        if (!fragmentValid)
        {
            Report(SchemaProblemIds.UnresolvedReference, reference.Span, text, "only '#/$defs/<name>' and whole files can be referenced");
            return new ShapeModel(ShapeKind.Raw);
        }

        string pointer = file + "#" + fragment;
        _references.Add(new SchemaSite(pointer, reference.Span));
        return new ShapeModel(ShapeKind.Reference, Reference: pointer);
    }

    private void Report(string id, TextSpan span, params string[] arguments) => _problems.Add(new SchemaProblem(id, span, arguments));

    private static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
