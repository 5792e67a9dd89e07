using System.Runtime.CompilerServices;

namespace Podnet.Testing;

/// <summary>
/// A small stand-in for Verify: compares text with <c>Snapshots/{Class}.{Method}#{Hint}.verified.cs</c> next to the
/// calling test file. On a mismatch it writes <c>.received.cs</c> beside it and fails. <c>UPDATE_SNAPSHOTS=1</c>
/// accepts the received text, except when <c>CI=true</c>, where snapshots are never accepted.
/// </summary>
internal static class SnapshotVerifier
{
    public static void Verify(
        string actual,
        string hint,
        string extension = "cs",
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string method = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        string className = Path.GetFileNameWithoutExtension(callerFile);
        string stem = Path.Combine(directory, $"{className}.{method}#{hint}");
        string verifiedPath = $"{stem}.verified.{extension}";
        string receivedPath = $"{stem}.received.{extension}";
        string normalized = Normalize(actual);

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        bool update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (update && !ci)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return;
        }

        if (!ci)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(receivedPath, normalized);
        }

        Assert.Fail(verified is null
            ? $"No snapshot {verifiedPath}. Run the tests with UPDATE_SNAPSHOTS=1 to accept {receivedPath}."
            : $"Snapshot {verifiedPath} differs from the generated text; see {receivedPath}.\n{FirstDifference(verified, normalized)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return string.Empty;
    }
}
