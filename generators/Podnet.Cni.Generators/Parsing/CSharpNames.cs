using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Podnet.Cni.Generators.Parsing;

/// <summary>Turns JSON names into C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// <c>cniVersion</c> → <c>CniVersion</c>, <c>cni.dev/valid-attachments</c> → <c>CniDevValidAttachments</c>:
    /// letters and digits are kept, every other character starts a new upper-case word.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool startWord = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startWord = true;
                continue;
            }

            builder.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can name a C# type or member (an identifier that is not a keyword).</summary>
    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;

    /// <summary>Whether <paramref name="name"/> is a dotted namespace of valid identifiers.</summary>
    public static bool IsValidNamespace(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (string part in name.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
