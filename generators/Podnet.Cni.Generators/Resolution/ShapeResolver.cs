using System;
using System.Collections.Generic;
using System.Linq;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Resolution;

/// <summary>Replaces every <c>$ref</c> in one file's types by the shape it points at.</summary>
internal static class ShapeResolver
{
    private const int MaxReferenceChain = 32;

    /// <summary>
    /// Returns the file ready to emit, or null when the index dropped it or it uses a format whose type the
    /// compilation lacks (invalid input is skipped silently; the analyzer reports PN2003/PN2010).
    /// </summary>
    public static ResolvedSchemaModel? Resolve(SchemaDocumentModel document, SchemaIndex index, string @namespace, EquatableArray<string> unavailableFormats)
    {
        if (!document.IsValid || !index.EmittableFiles.Contains(document.FileName))
        {
            return null;
        }

        var exports = new Dictionary<string, ShapeModel>(StringComparer.Ordinal);
        foreach (ExportModel export in index.Exports)
        {
            exports[export.Pointer] = export.Shape;
        }

        var types = new List<TypeModel>();
        foreach (TypeModel type in document.Types)
        {
            var properties = new List<PropertyModel>();
            foreach (PropertyModel property in type.Properties)
            {
                ShapeModel? shape = Resolve(property.Shape, exports, 0);
                if (shape is null || Formats.FormatAvailability.Uses(shape, unavailableFormats))
                {
                    return null;
                }

                properties.Add(property with { Shape = shape });
            }

            types.Add(type with { Properties = properties.ToEquatableArray() });
        }

        return new ResolvedSchemaModel(@namespace, document.FileName, types.ToEquatableArray());
    }

    private static ShapeModel? Resolve(ShapeModel shape, Dictionary<string, ShapeModel> exports, int depth)
    {
        if (depth > MaxReferenceChain)
        {
            return null;
        }

        switch (shape.Kind)
        {
            case ShapeKind.Reference:
                return exports.TryGetValue(shape.Reference!, out ShapeModel? target) ? Resolve(target, exports, depth + 1) : null;
            case ShapeKind.Array:
            case ShapeKind.Map:
                ShapeModel? element = Resolve(shape.Element!, exports, depth + 1);
                return element is null ? null : shape with { Element = element };
            default:
                return shape;
        }
    }
}
