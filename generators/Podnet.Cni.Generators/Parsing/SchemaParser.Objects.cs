using System.Collections.Generic;
using Podnet.Cni.Generators.Json;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>Object schemas: properties, required members, unknown-member policy and maps.</summary>
internal sealed partial class SchemaParser
{
    private ShapeModel ParseObject(JsonNode node, string typeName, string pointer)
    {
        JsonMember? properties = node.Find(SchemaKeywords.Properties);
        JsonMember? additional = node.Find(SchemaKeywords.AdditionalProperties);
        bool rejectsUnknown = false;
        JsonNode? valueSchema = null;
        if (additional is not null)
        {
            switch (additional.Value.Kind)
            {
                case JsonNodeKind.False:
                    rejectsUnknown = true;
                    break;
                case JsonNodeKind.True:
                    break;
                case JsonNodeKind.Object:
                    valueSchema = additional.Value;
                    break;
                default:
                    Report(SchemaProblemIds.InvalidKeywordValue, additional.Value.Span, SchemaKeywords.AdditionalProperties, "it must be true, false or a schema");
                    break;
            }
        }

        bool named = node.Find(SchemaKeywords.TypeName) is not null;
        if (properties is null && !named)
        {
            return valueSchema is null
                ? new ShapeModel(ShapeKind.Raw)
                : new ShapeModel(ShapeKind.Map, Element: ParseShape(valueSchema, typeName + "Value", pointer + "/additionalProperties", isRoot: false));
        }

        bool nameReserved = ReserveTypeName(node, typeName, isEnum: false);
        var members = new List<PropertyModel>();
        var memberNames = new HashSet<string>();
        var required = ReadRequired(node);
        var declared = new HashSet<string>();
        if (properties is not null)
        {
            if (properties.Value.Kind != JsonNodeKind.Object)
            {
                Report(SchemaProblemIds.InvalidKeywordValue, properties.Value.Span, SchemaKeywords.Properties, "it must be an object of named schemas");
            }
            else
            {
                foreach (JsonMember property in properties.Value.Members)
                {
                    declared.Add(property.Name);
                    string propertyName = ReadMemberName(property) ?? CSharpNames.ToPascalCase(property.Name);
                    if (propertyName == typeName || s_reservedMemberNames.Contains(propertyName))
                    {
                        propertyName += "Value";
                    }

                    if (!memberNames.Add(propertyName))
                    {
                        Report(SchemaProblemIds.DuplicateName, property.NameSpan, propertyName, "property of " + typeName);
                    }

                    ShapeModel shape = ParseShape(property.Value, typeName + CSharpNames.ToPascalCase(property.Name), pointer + "/properties/" + property.Name, isRoot: false);
                    string? description = property.Value.Kind == JsonNodeKind.Object ? ReadDescription(property.Value) : null;
                    members.Add(new PropertyModel(property.Name, propertyName, description, required.ContainsKey(property.Name), shape));
                }
            }
        }

        foreach (KeyValuePair<string, JsonNode> name in required)
        {
            if (!declared.Contains(name.Key))
            {
                Report(SchemaProblemIds.UndeclaredRequiredMember, name.Value.Span, name.Key, typeName);
            }
        }

        AddType(nameReserved, new TypeModel(
            ShapeKind.Object,
            typeName,
            ReadDescription(node),
            members.ToEquatableArray(),
            rejectsUnknown,
            EquatableArray<EnumValueModel>.Empty,
            pointer));
        return new ShapeModel(ShapeKind.Object, TypeName: typeName);
    }

    private Dictionary<string, JsonNode> ReadRequired(JsonNode node)
    {
        var names = new Dictionary<string, JsonNode>();
        JsonNode? required = node.Get(SchemaKeywords.Required);
        if (required is null)
        {
            return names;
        }

        if (required.Kind != JsonNodeKind.Array)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, required.Span, SchemaKeywords.Required, "it must be an array of property names");
            return names;
        }

        foreach (JsonNode item in required.Items)
        {
            if (item.Kind != JsonNodeKind.String)
            {
                Report(SchemaProblemIds.InvalidKeywordValue, item.Span, SchemaKeywords.Required, "it must be an array of property names");
            }
            else if (!names.ContainsKey(item.Text))
            {
                names.Add(item.Text, item);
            }
        }

        return names;
    }

    private string? ReadMemberName(JsonMember property)
    {
        JsonNode? name = property.Value.Kind == JsonNodeKind.Object ? property.Value.Get(SchemaKeywords.MemberName) : null;
        if (name is null)
        {
            return null;
        }

        if (name.Kind != JsonNodeKind.String || !CSharpNames.IsValidIdentifier(name.Text))
        {
            Report(SchemaProblemIds.InvalidName, name.Span, name.Kind == JsonNodeKind.String ? name.Text : "(not a string)", SchemaKeywords.MemberName);
            return null;
        }

        return name.Text;
    }

    private string? ReadDescription(JsonNode node)
    {
        JsonNode? description = node.Get(SchemaKeywords.Description);
        if (description is null)
        {
            return null;
        }

        if (description.Kind != JsonNodeKind.String)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, description.Span, SchemaKeywords.Description, "it must be a string");
            return null;
        }

        return description.Text;
    }

    /// <summary>Claims a type name in document order (before nested types are parsed); false for a duplicate.</summary>
    private bool ReserveTypeName(JsonNode node, string typeName, bool isEnum)
    {
        JsonMember? explicitName = node.Find(SchemaKeywords.TypeName);
        var span = explicitName?.Value.Span ?? new Microsoft.CodeAnalysis.Text.TextSpan(node.Span.Start, 1);
        if (_typeNameRegistry.TryClaim(Resolution.TypeNameRegistry.Claims(typeName, isEnum), _fileName) is not null)
        {
            Report(SchemaProblemIds.DuplicateName, span, typeName, "type in " + _fileName);
            return false;
        }

        _typeNames.Add(new SchemaSite(typeName, span, isEnum));
        return true;
    }

    private void AddType(bool nameReserved, TypeModel type)
    {
        if (nameReserved)
        {
            _types.Add(type);
        }
    }
}
