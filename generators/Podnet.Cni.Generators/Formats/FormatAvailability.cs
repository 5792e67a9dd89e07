using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Formats;

/// <summary>Which mapped formats a compilation can use: those whose <see cref="StringFormat.RequiredTypes"/> it defines.</summary>
internal static class FormatAvailability
{
    /// <summary>The names of the formats whose types are missing from <paramref name="compilation"/>, in table order.</summary>
    public static EquatableArray<string> Unavailable(Compilation compilation)
    {
        var missing = new List<string>();
        foreach (StringFormat format in StringFormat.All)
        {
            if (MissingType(compilation, format) is not null)
            {
                missing.Add(format.Name);
            }
        }

        return missing.ToEquatableArray();
    }

    /// <summary>The first type <paramref name="format"/> needs that <paramref name="compilation"/> does not define, or null.</summary>
    public static string? MissingType(Compilation compilation, StringFormat format)
    {
        foreach (string type in format.RequiredTypes)
        {
            if (compilation.GetTypeByMetadataName(type) is null)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Whether a resolved shape, or a shape inside it, is a string of one of the <paramref name="unavailable"/> formats.</summary>
    public static bool Uses(ShapeModel shape, EquatableArray<string> unavailable) => shape.Kind switch
    {
        ShapeKind.String => shape.Format is not null && unavailable.Contains(shape.Format),
        ShapeKind.Array or ShapeKind.Map => Uses(shape.Element!, unavailable),
        _ => false,
    };
}
