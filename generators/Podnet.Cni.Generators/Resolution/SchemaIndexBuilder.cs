using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Podnet.Cni.Generators.Model;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Resolution;

/// <summary>
/// Decides which schema files can be emitted and collects their exports. A file is dropped when it is invalid, when it
/// defines a type name an earlier file (by ordinal file name) already defines, or when it references a pointer that is
/// not exported by a file that is kept; dropping repeats until nothing changes.
/// </summary>
internal static class SchemaIndexBuilder
{
    public static SchemaIndex Build(ImmutableArray<SchemaIndexEntry> entries)
    {
        List<SchemaIndexEntry> ordered = entries
            .Where(e => e.IsValid)
            .GroupBy(e => e.FileName, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .Select(g => g.First())
            .OrderBy(e => e.FileName, StringComparer.Ordinal)
            .ToList();

        var kept = new List<SchemaIndexEntry>();
        var typeNames = new TypeNameRegistry();
        foreach (SchemaIndexEntry entry in ordered)
        {
            if (typeNames.TryClaim(entry.TypeNames, entry.FileName) is null)
            {
                kept.Add(entry);
            }
        }

        bool changed = true;
        while (changed)
        {
            var pointers = new HashSet<string>(kept.SelectMany(e => e.Exports).Select(e => e.Pointer), StringComparer.Ordinal);
            int before = kept.Count;
            kept.RemoveAll(e => !e.References.All(pointers.Contains));
            changed = kept.Count != before;
        }

        return new SchemaIndex(
            kept.Select(e => e.FileName).ToEquatableArray(),
            kept.SelectMany(e => e.Exports).ToEquatableArray());
    }

    public static SchemaIndexEntry ToIndexEntry(SchemaDocumentModel document) => new(
        document.FileName,
        document.IsValid,
        document.Exports,
        document.References,
        document.Types.SelectMany(t => TypeNameRegistry.Claims(t.Name, t.Kind == ShapeKind.Enum)).ToEquatableArray());
}
