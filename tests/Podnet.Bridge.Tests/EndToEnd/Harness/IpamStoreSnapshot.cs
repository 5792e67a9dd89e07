using System.Collections.Immutable;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Harness;

/// <summary>Every file and directory under an IPAM data directory, with exact contents, for before/after comparison.</summary>
public sealed class IpamStoreSnapshot : IEquatable<IpamStoreSnapshot>
{
    private IpamStoreSnapshot(ImmutableSortedDictionary<string, string> entries) => Entries = entries;

    /// <summary>Relative path → content in hex (or <c>&lt;dir&gt;</c>).</summary>
    public ImmutableSortedDictionary<string, string> Entries { get; }

    /// <summary>Takes the snapshot (empty when the directory does not exist).</summary>
    public static IpamStoreSnapshot Take(string root)
    {
        var entries = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                string relative = Path.GetRelativePath(root, path);
                entries[relative] = Directory.Exists(path) ? "<dir>" : Convert.ToHexStringLower(File.ReadAllBytes(path));
            }
        }

        return new IpamStoreSnapshot(entries.ToImmutable());
    }

    /// <summary>The names of files directly in a network's store directory (IP files, lock, last_reserved_ip.N, …).</summary>
    public static List<string> FileNames(string storeDirectory) =>
        Directory.Exists(storeDirectory)
            ? [.. Directory.EnumerateFileSystemEntries(storeDirectory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)]
            : [];

    /// <inheritdoc/>
    public bool Equals(IpamStoreSnapshot? other) =>
        other is not null && Entries.Count == other.Entries.Count && Entries.All(e => other.Entries.TryGetValue(e.Key, out string? v) && v == e.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IpamStoreSnapshot);

    /// <inheritdoc/>
    public override int GetHashCode() => Entries.Count;

    /// <summary>A readable difference to <paramref name="after"/>.</summary>
    public string DifferenceTo(IpamStoreSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<string>();
        foreach ((string key, string value) in Entries)
        {
            if (!after.Entries.TryGetValue(key, out string? other))
            {
                lines.Add($"- {key}");
            }
            else if (other != value)
            {
                lines.Add($"~ {key}");
            }
        }

        lines.AddRange(after.Entries.Keys.Where(k => !Entries.ContainsKey(k)).Select(k => $"+ {k}"));
        return string.Join('\n', lines);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join('\n', Entries.Select(e => $"{e.Key}: {e.Value}"));
}
