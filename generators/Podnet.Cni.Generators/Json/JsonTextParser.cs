using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Podnet.Cni.Generators.Json;

/// <summary>
/// A strict RFC 8259 parser that keeps text spans. System.Text.Json is not available to analyzers on every host,
/// and diagnostics need positions, so the generator brings its own small parser.
/// </summary>
internal sealed class JsonTextParser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonTextParser(string text)
    {
        _text = text;
    }

    /// <summary>Parses one JSON document; throws <see cref="JsonSyntaxException"/> with a position otherwise.</summary>
    public static JsonNode Parse(string text)
    {
        var parser = new JsonTextParser(text);
        parser.SkipWhitespace();
        if (parser._position == 0 && text.Length > 0 && text[0] == '\uFEFF')
        {
            parser._position++;
            parser.SkipWhitespace();
        }

        JsonNode root = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw new JsonSyntaxException("unexpected text after the end of the document", parser._position);
        }

        return root;
    }

    private JsonNode ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonSyntaxException("the document is nested too deeply", _position);
        }

        if (_position >= _text.Length)
        {
            throw new JsonSyntaxException("unexpected end of the document", _position);
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                int start = _position;
                string value = ParseString();
                return new JsonNode(JsonNodeKind.String, TextSpan.FromBounds(start, _position)) { Text = value };
            case 't':
                return ParseLiteral("true", JsonNodeKind.True);
            case 'f':
                return ParseLiteral("false", JsonNodeKind.False);
            case 'n':
                return ParseLiteral("null", JsonNodeKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonSyntaxException($"unexpected character '{c}'", _position);
        }
    }

    private JsonNode ParseObject(int depth)
    {
        int start = _position;
        _position++;
        var members = new System.Collections.Generic.List<JsonMember>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return Complete(new JsonNode(JsonNodeKind.Object, TextSpan.FromBounds(start, _position)), members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonSyntaxException("expected a property name in double quotes", _position);
            }

            int nameStart = _position;
            string name = ParseString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            JsonNode value = ParseValue(depth + 1);
            members.Add(new JsonMember(name, nameSpan, value));
            SkipWhitespace();
            char next = Peek();
            _position++;
            if (next == '}')
            {
                return Complete(new JsonNode(JsonNodeKind.Object, TextSpan.FromBounds(start, _position)), members);
            }

            if (next != ',')
            {
                throw new JsonSyntaxException("expected ',' or '}' after a property value", _position - 1);
            }
        }
    }

    private static JsonNode Complete(JsonNode node, System.Collections.Generic.List<JsonMember> members)
    {
        node.Members.AddRange(members);
        return node;
    }

    private JsonNode ParseArray(int depth)
    {
        int start = _position;
        _position++;
        var items = new System.Collections.Generic.List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace();
                items.Add(ParseValue(depth + 1));
                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == ']')
                {
                    break;
                }

                if (next != ',')
                {
                    throw new JsonSyntaxException("expected ',' or ']' after an array item", _position - 1);
                }
            }
        }

        var node = new JsonNode(JsonNodeKind.Array, TextSpan.FromBounds(start, _position));
        node.Items.AddRange(items);
        return node;
    }

    private JsonNode ParseLiteral(string literal, JsonNodeKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonSyntaxException($"unexpected character '{_text[_position]}'", _position);
        }

        int start = _position;
        _position += literal.Length;
        return new JsonNode(kind, TextSpan.FromBounds(start, _position)) { Text = literal };
    }

    private JsonNode ParseNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw new JsonSyntaxException("invalid number", _position);
        }

        if (Peek() == '.')
        {
            _position++;
            RequireDigit();
            SkipDigits();
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _position++;
            if (Peek() == '+' || Peek() == '-')
            {
                _position++;
            }

            RequireDigit();
            SkipDigits();
        }

        string text = _text.Substring(start, _position - start);
        return new JsonNode(JsonNodeKind.Number, TextSpan.FromBounds(start, _position)) { Text = text };
    }

    private void RequireDigit()
    {
        if (!IsDigit(Peek()))
        {
            throw new JsonSyntaxException("invalid number", _position);
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _position++;
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private string ParseString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonSyntaxException("unterminated string", _position);
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw new JsonSyntaxException("control character in a string", _position - 1);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new JsonSyntaxException("invalid \\u escape", _position - 2);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonSyntaxException("invalid escape sequence", _position - 2);
            }
        }
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw new JsonSyntaxException($"expected '{expected}'", _position);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }
}
