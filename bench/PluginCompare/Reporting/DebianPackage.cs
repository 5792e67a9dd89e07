namespace Podnet.PluginCompare.Reporting;

/// <summary>Installed Debian package versions, read from the dpkg database (the Debian reference binaries print no version).</summary>
internal static class DebianPackage
{
    private const string StatusFile = "/var/lib/dpkg/status";

    public static string? InstalledVersion(string package)
    {
        if (!File.Exists(StatusFile))
        {
            return null;
        }

        bool inPackage = false;
        foreach (string line in File.ReadLines(StatusFile))
        {
            if (line.StartsWith("Package: ", StringComparison.Ordinal))
            {
                inPackage = line["Package: ".Length..].Trim() == package;
            }
            else if (inPackage && line.StartsWith("Version: ", StringComparison.Ordinal))
            {
                return line["Version: ".Length..].Trim();
            }
        }

        return null;
    }
}
