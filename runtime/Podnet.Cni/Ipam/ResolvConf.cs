namespace Podnet.Cni.Ipam;

/// <summary>
/// Reads <c>ipam.resolvConf</c> the way the reference does: <c>nameserver</c>, <c>domain</c>,
/// <c>search</c> and <c>options</c> lines; comments (<c>#</c>, <c>;</c>), blank lines, lines
/// with a single field and unknown keywords are skipped.
/// </summary>
public static class ResolvConf
{
    /// <summary>Reads and parses a resolv.conf file.</summary>
    /// <exception cref="IpamException">Code 5 when the file cannot be read.</exception>
    public static IpamDns Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IpamException(IpamErrorCode.IOFailure, $"cannot read resolvConf {path}: {e.Message}", e);
        }

        return Parse(text);
    }

    /// <summary>Parses resolv.conf text.</summary>
    public static IpamDns Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nameservers = new List<string>();
        var search = new List<string>();
        var options = new List<string>();
        string? domain = null;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                continue;
            }

            switch (fields[0])
            {
                case "nameserver":
                    nameservers.Add(fields[1]);
                    break;
                case "domain":
                    domain = fields[1];
                    break;
                case "search":
                    search.AddRange(fields.AsSpan(1));
                    break;
                case "options":
                    options.AddRange(fields.AsSpan(1));
                    break;
            }
        }

        return new IpamDns(nameservers, domain, search, options);
    }
}

/// <summary>The DNS settings of an IPAM result (the result's <c>dns</c> object).</summary>
/// <param name="Nameservers">The <c>nameserver</c> addresses, in file order.</param>
/// <param name="Domain">The last <c>domain</c> line's value, or null.</param>
/// <param name="Search">Every <c>search</c> domain, in file order.</param>
/// <param name="Options">Every <c>options</c> value, in file order.</param>
public sealed record IpamDns(IReadOnlyList<string> Nameservers, string? Domain, IReadOnlyList<string> Search, IReadOnlyList<string> Options);
