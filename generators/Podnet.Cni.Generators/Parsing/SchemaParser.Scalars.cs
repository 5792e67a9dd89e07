using System.Collections.Generic;
using Podnet.Cni.Generators.Json;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>String enums and numbers.</summary>
internal sealed partial class SchemaParser
{
    private ShapeModel ParseEnum(JsonNode node, JsonMember enumMember, string typeName, string pointer)
    {
        JsonNode? type = node.Get(SchemaKeywords.Type);
        if (type is not null && !(type.Kind == JsonNodeKind.String && type.Text == "string"))
        {
            Report(SchemaProblemIds.InvalidEnum, type.Span, typeName, "an enum must be of type string");
            return new ShapeModel(ShapeKind.Raw);
        }

        JsonNode values = enumMember.Value;
        if (values.Kind != JsonNodeKind.Array || values.Items.Count == 0)
        {
            Report(SchemaProblemIds.InvalidEnum, values.Span, typeName, "'enum' must be a non-empty array of strings");
            return new ShapeModel(ShapeKind.Raw);
        }

        JsonNode? names = node.Get(SchemaKeywords.EnumNames);
        if (names is not null && (names.Kind != JsonNodeKind.Array || names.Items.Count != values.Items.Count))
        {
            Report(SchemaProblemIds.InvalidKeywordValue, names.Span, SchemaKeywords.EnumNames, "it must be an array of names, one for each enum value");
            names = null;
        }

        var members = new List<EnumValueModel>();
        var seenValues = new HashSet<string>();
        var seenNames = new HashSet<string>();
        for (int i = 0; i < values.Items.Count; i++)
        {
            JsonNode value = values.Items[i];
            if (value.Kind != JsonNodeKind.String)
            {
                Report(SchemaProblemIds.InvalidEnum, value.Span, typeName, "every enum value must be a string, found " + value.Text);
                continue;
            }

            string memberName = CSharpNames.ToPascalCase(value.Text);
            if (names is not null)
            {
                JsonNode name = names.Items[i];
                if (name.Kind != JsonNodeKind.String || !CSharpNames.IsValidIdentifier(name.Text))
                {
                    Report(SchemaProblemIds.InvalidName, name.Span, name.Kind == JsonNodeKind.String ? name.Text : "(not a string)", SchemaKeywords.EnumNames);
                    continue;
                }

                memberName = name.Text;
            }

            if (!seenValues.Add(value.Text) || !seenNames.Add(memberName))
            {
                Report(SchemaProblemIds.DuplicateName, value.Span, memberName, "member of enum " + typeName);
                continue;
            }

            members.Add(new EnumValueModel(value.Text, memberName));
        }

        AddType(ReserveTypeName(node, typeName, isEnum: true), new TypeModel(
            ShapeKind.Enum,
            typeName,
            ReadDescription(node),
            EquatableArray<PropertyModel>.Empty,
            RejectsUnknownMembers: false,
            members.ToEquatableArray(),
            pointer));
        return new ShapeModel(ShapeKind.Enum, TypeName: typeName);
    }

    /// <summary>A string; a mapped <c>format</c> (ip, cidr, mac, path) makes it typed or checked.</summary>
    private ShapeModel ParseString(JsonNode node)
    {
        JsonNode? format = node.Get(SchemaKeywords.Format);
        if (format is null)
        {
            return new ShapeModel(ShapeKind.String);
        }

        if (format.Kind != JsonNodeKind.String)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, format.Span, SchemaKeywords.Format, "it must be a string");
            return new ShapeModel(ShapeKind.String);
        }

        if (Formats.StringFormat.Find(format.Text) is not { } mapped)
        {
            return new ShapeModel(ShapeKind.String);
        }

        _formats.Add(new SchemaSite(mapped.Name, format.Span));
        return new ShapeModel(ShapeKind.String, Format: mapped.Name);
    }

    /// <summary>
    /// <c>format</c> int32/uint32/int64/uint64 picks the type; otherwise a non-negative <c>minimum</c> gives
    /// <c>uint</c> (<c>ulong</c> past 2^32-1), and a range beyond <c>int</c> gives <c>long</c>; the default is <c>int</c>.
    /// </summary>
    private ShapeModel ParseInteger(JsonNode node)
    {
        string? minimumText = ReadNumber(node, SchemaKeywords.Minimum);
        string? maximumText = ReadNumber(node, SchemaKeywords.Maximum);
        decimal? minimum = minimumText is not null && TryParseNumber(minimumText, out decimal min) ? min : null;
        decimal? maximum = maximumText is not null && TryParseNumber(maximumText, out decimal max) ? max : null;
        string? format = node.Get(SchemaKeywords.Format) is { Kind: JsonNodeKind.String } f ? f.Text : null;
        IntegerKind kind = format switch
        {
            "int32" => IntegerKind.Int32,
            "uint32" => IntegerKind.UInt32,
            "int64" => IntegerKind.Int64,
            "uint64" => IntegerKind.UInt64,
            _ when minimum >= 0 => maximum > uint.MaxValue ? IntegerKind.UInt64 : IntegerKind.UInt32,
            _ when minimum < int.MinValue || maximum > int.MaxValue => IntegerKind.Int64,
            _ => IntegerKind.Int32,
        };

        (decimal low, decimal high) = kind switch
        {
            IntegerKind.Int32 => ((decimal)int.MinValue, (decimal)int.MaxValue),
            IntegerKind.UInt32 => (0m, (decimal)uint.MaxValue),
            IntegerKind.Int64 => ((decimal)long.MinValue, (decimal)long.MaxValue),
            _ => (0m, (decimal)ulong.MaxValue),
        };

        // Only bounds inside the C# type's own range need a check; the others are enforced by the type itself.
        string? checkedMinimum = minimum > low && minimum <= high ? minimumText : null;
        string? checkedMaximum = maximum < high && maximum >= low ? maximumText : null;
        return new ShapeModel(ShapeKind.Integer, Integer: kind, Minimum: checkedMinimum, Maximum: checkedMaximum);
    }

    /// <summary>
    /// <c>errorMessage</c> (the keyword ajv-errors gives JSON Schema): the message for a value the schema does not allow,
    /// so it applies where decoding checks a value: an enum, a bounded integer or number, a string with a mapped format.
    /// <c>{minimum}</c> and <c>{maximum}</c> are the schema's bounds, filled in here; <c>{value}</c> (the refused value)
    /// and <c>{reason}</c> (the generator's own message, e.g. <c>invalid CIDR "10.0.0/24"</c>) are filled in when decoding.
    /// </summary>
    private ShapeModel WithErrorMessage(JsonNode node, ShapeModel shape, JsonMember errorMessage)
    {
        JsonNode value = errorMessage.Value;
        if (value.Kind != JsonNodeKind.String || value.Text.Length == 0)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, value.Span, SchemaKeywords.ErrorMessage, "it must be a non-empty string");
            return shape;
        }

        bool bounded = shape.Kind is ShapeKind.Integer or ShapeKind.Number;
        bool checkedValue = shape.Kind == ShapeKind.Enum || bounded || (shape.Kind == ShapeKind.String && shape.Format is not null);
        if (!checkedValue)
        {
            Report(SchemaProblemIds.InvalidKeywordValue, value.Span, SchemaKeywords.ErrorMessage,
                "it applies to a value decoding checks: an enum, an integer or number, or a string with format ip, cidr, mac or path");
            return shape;
        }

        // The bounds are numbers: filling them in cannot make a placeholder. What is left must be {value} or {reason}.
        string message = value.Text;
        if (bounded && node.Get(SchemaKeywords.Minimum) is { Kind: JsonNodeKind.Number } minimum)
        {
            message = message.Replace("{minimum}", minimum.Text);
        }

        if (bounded && node.Get(SchemaKeywords.Maximum) is { Kind: JsonNodeKind.Number } maximum)
        {
            message = message.Replace("{maximum}", maximum.Text);
        }

        for (int open = message.IndexOf('{'); open >= 0; open = message.IndexOf('{', open + 1))
        {
            int close = message.IndexOf('}', open);
            string placeholder = close < 0 ? message.Substring(open) : message.Substring(open, close - open + 1);
            if (placeholder != "{value}" && !(placeholder == "{reason}" && shape.Format is not null))
            {
                Report(SchemaProblemIds.InvalidKeywordValue, value.Span, SchemaKeywords.ErrorMessage,
                    "'" + placeholder + "' is not a placeholder of this value; use {value}" + (shape.Format is not null ? ", {reason}" : string.Empty)
                    + (bounded ? ", and {minimum} or {maximum} where the schema states them" : string.Empty));
                return shape;
            }
        }

        return shape with { ErrorMessage = message };
    }

    private string? ReadNumber(JsonNode node, string keyword)
    {
        JsonNode? value = node.Get(keyword);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonNodeKind.Number || !TryParseNumber(value.Text, out _))
        {
            Report(SchemaProblemIds.InvalidKeywordValue, value.Span, keyword, "it must be a number");
            return null;
        }

        return value.Text;
    }
}
