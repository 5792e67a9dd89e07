using System.Text.Json;

namespace Podnet.Cni;

/// <summary>The top-level keys every plugin configuration has, read without decoding the rest.</summary>
internal readonly record struct CniConfigHeader(string? CniVersion, string? Name, string? Type)
{
    /// <summary>Reads <c>cniVersion</c>, <c>name</c> and <c>type</c>; malformed JSON is a decode error (code 6).</summary>
    public static CniConfigHeader Read(ReadOnlySpan<byte> json)
    {
        string? version = null, name = null, type = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new CniException(CniErrorCode.DecodingFailure, "error decoding network config: the configuration must be a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                reader.Read();
                switch (key)
                {
                    case "cniVersion":
                        version = ReadString(ref reader, key);
                        break;
                    case "name":
                        name = ReadString(ref reader, key);
                        break;
                    case "type":
                        type = ReadString(ref reader, key);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Validate the remainder so trailing garbage is reported as a decode error.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw new CniException(CniErrorCode.DecodingFailure, "error decoding network config: " + e.Message);
        }

        return new CniConfigHeader(version, name, type);
    }

    private static string? ReadString(ref Utf8JsonReader reader, string key) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new CniException(CniErrorCode.DecodingFailure, $"error decoding network config: \"{key}\" must be a string"),
        };
}
