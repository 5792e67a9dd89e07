using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Podnet.Cni.Generators.Model;
using Podnet.Cni.Generators.Parsing;

namespace Podnet.Cni.Generators.Diagnostics;

/// <summary>All schema files of one compilation, parsed, for the checks that span files.</summary>
internal sealed class SchemaSet
{
    private readonly Dictionary<string, Entry> _byPath;
    private readonly Dictionary<string, List<Entry>> _byFileName;

    private SchemaSet(List<Entry> entries)
    {
        _byPath = new Dictionary<string, Entry>(StringComparer.Ordinal);
        _byFileName = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (Entry entry in entries)
        {
            _byPath[entry.Path] = entry;
            if (!_byFileName.TryGetValue(entry.FileName, out List<Entry>? list))
            {
                _byFileName[entry.FileName] = list = new List<Entry>();
            }

            list.Add(entry);
        }
    }

    public static SchemaSet Parse(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        foreach (AdditionalText file in files)
        {
            if (!CniSchemaGenerator.IsSchemaFile(file.Path))
            {
                continue;
            }

            SourceText? text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            string fileName = Path.GetFileName(file.Path);
            entries.Add(new Entry(file.Path, fileName, text, SchemaParser.Parse(fileName, text.ToString())));
        }

        return new SchemaSet(entries);
    }

    public bool TryGet(string path, out Entry? entry) => _byPath.TryGetValue(path, out entry);

    /// <summary>Why <paramref name="pointer"/> does not resolve, or null when it does (or the target has its own errors).</summary>
    public string? Explain(string pointer)
    {
        int hash = pointer.IndexOf('#');
        string fileName = pointer.Substring(0, hash);
        if (!_byFileName.TryGetValue(fileName, out List<Entry>? targets))
        {
            return "no schema file named '" + fileName + "' is among the additional files";
        }

        SchemaDocumentModel target = targets[0].Result.Model;
        if (!target.IsValid)
        {
            return null;
        }

        return target.Exports.Any(e => e.Pointer == pointer) ? null : "'" + fileName + "' has no such definition";
    }

    /// <summary>The file that defines a type name clashing with <paramref name="typeName"/> before <paramref name="fileName"/> (ordinal order), if any.</summary>
    public string? EarlierOwner(SchemaSite typeName, string fileName)
    {
        var registry = new Resolution.TypeNameRegistry();
        foreach (Entry entry in _byPath.Values.OrderBy(e => e.FileName, StringComparer.Ordinal))
        {
            if (string.CompareOrdinal(entry.FileName, fileName) >= 0)
            {
                break;
            }

            foreach (SchemaSite site in entry.Result.TypeNames)
            {
                registry.TryClaim(Resolution.TypeNameRegistry.Claims(site.Value, site.IsEnum), entry.FileName);
            }
        }

        return registry.OwnerOf(Resolution.TypeNameRegistry.Claims(typeName.Value, typeName.IsEnum));
    }

    /// <summary>One parsed schema file.</summary>
    internal sealed class Entry
    {
        public Entry(string path, string fileName, SourceText text, SchemaParseResult result)
        {
            Path = path;
            FileName = fileName;
            Text = text;
            Result = result;
        }

        public string Path { get; }

        public string FileName { get; }

        public SourceText Text { get; }

        public SchemaParseResult Result { get; }
    }
}
