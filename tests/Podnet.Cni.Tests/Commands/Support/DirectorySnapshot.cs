namespace Podnet.Cni.Tests.Commands;

/// <summary>Every directory and file under a root, with file contents: compared before and after a command.</summary>
internal sealed record DirectorySnapshot(IReadOnlyList<string> Entries)
{
    public static DirectorySnapshot Take(string root)
    {
        var entries = new List<string>();
        if (Directory.Exists(root))
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(root, path);
                entries.Add(File.Exists(path)
                    ? $"{relative} = {Convert.ToHexString(File.ReadAllBytes(path))}"
                    : relative + "/");
            }
        }

        return new DirectorySnapshot(entries);
    }

    public override string ToString() => string.Join("\n", Entries);
}
