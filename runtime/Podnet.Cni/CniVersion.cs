namespace Podnet.Cni;

/// <summary>CNI specification versions: parsing, comparison, and what Podnet supports.</summary>
public static class CniVersion
{
    /// <summary>The newest version Podnet implements.</summary>
    public const string Latest = "1.1.0";

    /// <summary>Every version Podnet reads configurations in and writes results in.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"];

    /// <summary>Whether <paramref name="version"/> is one of <see cref="Supported"/>.</summary>
    public static bool IsSupported(string version) => Supported.Contains(version, StringComparer.Ordinal);

    /// <summary>Compares two dotted versions numerically; an empty version counts as 0.1.0 as in libcni.</summary>
    /// <exception cref="FormatException">A version is not of the form <c>N.N.N</c>.</exception>
    public static int Compare(string left, string right) => Parse(left).CompareTo(Parse(right));

    /// <summary>Whether <paramref name="version"/> is at least <paramref name="minimum"/>.</summary>
    public static bool AtLeast(string version, string minimum) => Compare(version, minimum) >= 0;

    private static Version Parse(string version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return new Version(0, 1, 0);
        }

        string[] parts = version.Split('.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) ||
            !System.Version.TryParse(version, out Version? parsed))
        {
            throw new FormatException($"invalid version \"{version}\": the version must be of the form N.N.N");
        }

        return parsed;
    }
}
