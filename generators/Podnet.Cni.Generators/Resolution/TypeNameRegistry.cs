using System;
using System.Collections.Generic;

namespace Podnet.Cni.Generators.Resolution;

/// <summary>
/// The one rule for generated type names: a schema type claims its own name, and an enum also the name of its
/// <c>&lt;Name&gt;Json</c> helper class; two types clash when their claims overlap. The parser (within a file), the
/// analyzer (across files, earlier file name wins) and the index builder (which files are emitted) all ask this class.
/// </summary>
internal sealed class TypeNameRegistry
{
    /// <summary>The suffix of the helper class generated next to every enum.</summary>
    public const string EnumHelperSuffix = "Json";

    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>The C# type names a schema type named <paramref name="typeName"/> declares.</summary>
    public static string[] Claims(string typeName, bool isEnum) =>
        isEnum ? new[] { typeName, typeName + EnumHelperSuffix } : new[] { typeName };

    /// <summary>The owner of any of <paramref name="names"/> claimed so far, or <see langword="null"/>.</summary>
    public string? OwnerOf(IEnumerable<string> names)
    {
        foreach (string name in names)
        {
            if (_owners.TryGetValue(name, out string? owner))
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>Claims <paramref name="names"/> for <paramref name="owner"/> unless one is taken; returns the earlier owner on a clash.</summary>
    public string? TryClaim(IEnumerable<string> names, string owner)
    {
        var list = new List<string>(names);
        string? earlier = OwnerOf(list);
        if (earlier is null)
        {
            foreach (string name in list)
            {
                _owners[name] = owner;
            }
        }

        return earlier;
    }
}
