using System;
using System.Text;

namespace Podnet.Generators;

/// <summary>
/// Builds generated C# text line by line with four-space indentation and <c>\n</c> line endings, so emitters
/// read like the code they produce.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Writes one line at the current indentation (an empty line stays empty).</summary>
    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * IndentSize);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _text.Append('\n');

    /// <summary>Writes each line of <paramref name="block"/> at the current indentation.</summary>
    public void WriteLines(string block)
    {
        foreach (string line in block.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }
    }

    /// <summary>Writes <c>{</c> and indents the lines that follow.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/> (for example <c>;</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("No block is open.");
        }

        _indent--;
        WriteLine("}" + suffix);
    }

    /// <summary>Increases the indentation without writing a brace (for <c>case</c> bodies).</summary>
    public void Indent() => _indent++;

    /// <summary>Decreases the indentation without writing a brace.</summary>
    public void Unindent()
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Indentation is already zero.");
        }

        _indent--;
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _text.ToString();
}
