namespace Podnet.Cni.Generators.Emit;

/// <summary>The text of the support types (see <see cref="SupportEmitter"/>).</summary>
internal static class SupportTemplates
{
    public const string DecodeException = """
/// <summary>
/// Thrown when CNI JSON cannot be decoded: the text is not JSON, or it does not match its schema (a required member is
/// missing, a value has the wrong JSON type, a string is not one of an enum's values, a number is out of range, a
/// string is not of its <c>format</c>: not an IP address, CIDR or MAC address, or a path with a NUL character).
/// <see cref="Path"/> says where, e.g. <c>$.ipam.ranges[0][0].subnet</c>, and <see cref="Member"/> names the member the
/// way a person reads a configuration, e.g. <c>ranges.subnet</c>. A CNI plugin reports it as error code 6
/// ("failed to decode content"), except a <see cref="IsConstraintViolation"/>: well-formed JSON of the right type
/// whose value the schema does not allow, which is code 7 ("invalid network config"). Where the member's schema
/// states an <c>errorMessage</c>, <see cref="IsStated"/> is true and <see cref="Reason"/> is that message.
/// </summary>
__GENERATED_CODE__
public sealed class CniDecodeException : global::System.Exception
{
    // Innermost segment first: decoders add segments while the exception travels outwards.
    private readonly global::System.Collections.Generic.List<string> _segments = new();

    // The member names among them, innermost first.
    private readonly global::System.Collections.Generic.List<string> _members = new();

    /// <summary>Creates an exception for the document root.</summary>
    /// <param name="reason">What is wrong, without the location.</param>
    public CniDecodeException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception for the document root, caused by <paramref name="innerException"/>.</summary>
    /// <param name="reason">What is wrong, without the location.</param>
    /// <param name="innerException">The underlying failure, e.g. the reader's <see cref="global::System.Text.Json.JsonException"/>.</param>
    public CniDecodeException(string reason, global::System.Exception innerException)
        : base(reason, innerException)
    {
        Reason = reason;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The value is well-formed and of the right type but outside the schema's enum, range or format.</summary>
    public bool IsConstraintViolation { get; private init; }

    /// <summary>The <c>format</c> (<c>ip</c>, <c>cidr</c>, <c>mac</c>, <c>path</c>) the value does not match; null for any other failure.</summary>
    public string? Format { get; private init; }

    /// <summary>The refused value as text (the number, or the string without quotes) for a constraint violation; null otherwise.</summary>
    public string? Value { get; private init; }

    /// <summary>
    /// Whether <see cref="Reason"/> is the <c>errorMessage</c> the member's schema states for a value it does not allow:
    /// a whole sentence for a person, to show as it is.
    /// </summary>
    public bool IsStated { get; private init; }

    /// <summary>The member names from the root to the offending value, dot-separated, without array indices (<c>ranges.subnet</c>); empty for the root.</summary>
    public string Member
    {
        get
        {
            global::System.Text.StringBuilder member = new();
            for (int i = _members.Count - 1; i >= 0; i--)
            {
                member.Append(member.Length == 0 ? string.Empty : ".").Append(_members[i]);
            }

            return member.ToString();
        }
    }

    /// <summary>The JSON path of the offending value, <c>$</c> for the root.</summary>
    public string Path
    {
        get
        {
            global::System.Text.StringBuilder path = new("$");
            for (int i = _segments.Count - 1; i >= 0; i--)
            {
                path.Append(_segments[i]);
            }

            return path.ToString();
        }
    }

    /// <inheritdoc/>
    public override string Message => Reason + " at " + Path;

    internal void PrependMember(string name)
    {
        _members.Add(name);
        _segments.Add(IsPlainName(name) ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']");
    }

    internal void PrependIndex(int index) => _segments.Add("[" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]");

    internal static global::__NAMESPACE__.CniDecodeException From(global::System.Exception exception) => exception switch
    {
        global::__NAMESPACE__.CniDecodeException decode => decode,
        global::System.Text.Json.JsonException json => new global::__NAMESPACE__.CniDecodeException("malformed JSON: " + json.Message, json),
        _ => new global::__NAMESPACE__.CniDecodeException(exception.Message, exception),
    };

    internal static global::__NAMESPACE__.CniDecodeException MissingMember(string name) => new("missing required member '" + name + "'");

    internal static global::__NAMESPACE__.CniDecodeException UnknownMember(string name) => new("member '" + name + "' is not allowed here");

    internal static global::__NAMESPACE__.CniDecodeException UnexpectedToken(global::System.Text.Json.JsonTokenType found, string expected) =>
        new("expected " + expected + " but found " + Describe(found));

    internal static global::__NAMESPACE__.CniDecodeException InvalidEnumValue(string? value, string typeName, string allowed) =>
        new("invalid " + typeName + " value '" + value + "'; expected one of " + allowed) { IsConstraintViolation = true, Value = value };

    internal static global::__NAMESPACE__.CniDecodeException OutOfRange(string value, string minimum, string maximum) =>
        new("value " + value + " is out of range" + (minimum.Length > 0 ? "; minimum " + minimum : string.Empty) + (maximum.Length > 0 ? "; maximum " + maximum : string.Empty)) { IsConstraintViolation = true, Value = value };

    internal static global::__NAMESPACE__.CniDecodeException InvalidFormat(string reason, string format, string value) =>
        new(reason) { IsConstraintViolation = true, Format = format, Value = value };

    /// <summary>The member's <c>errorMessage</c> for <paramref name="violation"/>: <c>{value}</c> and <c>{reason}</c> filled in.</summary>
    internal static global::__NAMESPACE__.CniDecodeException Stated(global::__NAMESPACE__.CniDecodeException violation, string errorMessage) =>
        new(Fill(errorMessage, violation), violation)
        {
            IsConstraintViolation = true,
            IsStated = true,
            Format = violation.Format,
            Value = violation.Value,
        };

    // One pass, so a value that itself says "{reason}" stays as it was written.
    private static string Fill(string errorMessage, global::__NAMESPACE__.CniDecodeException violation)
    {
        global::System.Text.StringBuilder message = new();
        int start = 0;
        while (true)
        {
            int open = errorMessage.IndexOf('{', start);
            if (open < 0)
            {
                return message.Append(errorMessage, start, errorMessage.Length - start).ToString();
            }

            message.Append(errorMessage, start, open - start);
            string rest = errorMessage.Substring(open);
            if (rest.StartsWith("{value}", global::System.StringComparison.Ordinal))
            {
                message.Append(violation.Value);
                start = open + "{value}".Length;
            }
            else if (rest.StartsWith("{reason}", global::System.StringComparison.Ordinal))
            {
                message.Append(violation.Reason);
                start = open + "{reason}".Length;
            }
            else
            {
                message.Append('{');
                start = open + 1;
            }
        }
    }

    private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch
    {
        global::System.Text.Json.JsonTokenType.StartObject => "an object",
        global::System.Text.Json.JsonTokenType.StartArray => "an array",
        global::System.Text.Json.JsonTokenType.String => "a string",
        global::System.Text.Json.JsonTokenType.Number => "a number",
        global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
        global::System.Text.Json.JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
""";

    public const string Reading = """
/// <summary>The reading routines shared by the generated decoders.</summary>
__GENERATED_CODE__
internal static class CniJsonReading
{
    /// <summary>Strict JSON: no comments, no trailing commas (as libcni and Go's encoding/json expect).</summary>
    public static readonly global::System.Text.Json.JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = global::System.Text.Json.JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static void ReadDocumentStart(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        try
        {
            if (!reader.Read())
            {
                throw new global::__NAMESPACE__.CniDecodeException("the input is empty");
            }
        }
        catch (global::System.Text.Json.JsonException exception)
        {
            throw global::__NAMESPACE__.CniDecodeException.From(exception);
        }
    }

    public static void ReadDocumentEnd(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        try
        {
            if (reader.Read())
            {
                throw new global::__NAMESPACE__.CniDecodeException("unexpected content after the end of the document");
            }
        }
        catch (global::System.Text.Json.JsonException exception)
        {
            throw global::__NAMESPACE__.CniDecodeException.From(exception);
        }
    }

    public static void Advance(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new global::__NAMESPACE__.CniDecodeException("unexpected end of the document");
        }
    }

    public static void ExpectStartObject(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
        {
            throw global::__NAMESPACE__.CniDecodeException.UnexpectedToken(reader.TokenType, "an object");
        }
    }

    public static void ExpectStartArray(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
        {
            throw global::__NAMESPACE__.CniDecodeException.UnexpectedToken(reader.TokenType, "an array");
        }
    }

    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
        {
            throw global::__NAMESPACE__.CniDecodeException.UnexpectedToken(reader.TokenType, "a string");
        }

        return reader.GetString()!;
    }

    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.True => true,
        global::System.Text.Json.JsonTokenType.False => false,
        _ => throw global::__NAMESPACE__.CniDecodeException.UnexpectedToken(reader.TokenType, "a boolean"),
    };

    public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out int value) ? value : throw NotAnInteger(ref reader, "a 32-bit integer");

    public static uint ReadUInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetUInt32(out uint value) ? value : throw NotAnInteger(ref reader, "an unsigned 32-bit integer");

    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : throw NotAnInteger(ref reader, "a 64-bit integer");

    public static ulong ReadUInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetUInt64(out ulong value) ? value : throw NotAnInteger(ref reader, "an unsigned 64-bit integer");

    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out double value) ? value : throw NotAnInteger(ref reader, "a number");

    /// <summary>
    /// Copies the raw UTF-8 JSON of the value the reader is on and leaves the reader on its last token. With the
    /// document's own bytes (<paramref name="source"/>) it slices them, so the value is kept byte for byte.
    /// </summary>
    public static global::System.ReadOnlyMemory<byte> ReadRaw(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> source)
    {
        if (!source.IsEmpty && !reader.HasValueSequence)
        {
            int start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            int end = checked((int)reader.BytesConsumed);
            return source.Slice(start, end - start).ToArray();
        }

        using global::System.Text.Json.JsonDocument document = global::System.Text.Json.JsonDocument.ParseValue(ref reader);
        return global::System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement).ToArray();
    }

    private static global::__NAMESPACE__.CniDecodeException NotAnInteger(ref global::System.Text.Json.Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number)
        {
            return global::__NAMESPACE__.CniDecodeException.UnexpectedToken(reader.TokenType, expected);
        }

        string text = global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan);

        // A whole number that does not fit the member's integer type (-1 for an unsigned member) is a value outside
        // the schema's range; a fraction or an exponent is not an integer at all.
        return reader.TryGetDecimal(out decimal value) && value == global::System.Math.Truncate(value)
            ? global::__NAMESPACE__.CniDecodeException.OutOfRange(text, string.Empty, string.Empty)
            : new global::__NAMESPACE__.CniDecodeException("expected " + expected + " but found " + text);
    }
}
""";

    public const string Writing = """
/// <summary>The writing routines shared by the generated encoders.</summary>
__GENERATED_CODE__
internal static class CniJsonWriting
{
    /// <summary>
    /// Compact output; only characters JSON requires are escaped (CNI output goes to a runtime, never into HTML).
    /// </summary>
    public static readonly global::System.Text.Json.JsonWriterOptions WriterOptions = new()
    {
        Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes a value kept as raw UTF-8 JSON; it is validated, so a hand-built value cannot corrupt the output.</summary>
    public static void WriteRaw(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlyMemory<byte> utf8Json) =>
        writer.WriteRawValue(utf8Json.Span, skipInputValidation: false);
}
""";
}
