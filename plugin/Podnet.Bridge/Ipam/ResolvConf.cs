namespace Podnet.Bridge.Ipam;

/// <summary>Reads <c>resolv.conf</c> into CNI DNS settings, as host-local's <c>resolvConf</c> option does.</summary>
internal static class ResolvConf
{
    public static Podnet.Cni.CniDns Read(string path)
    {
        var nameservers = new List<string>();
        var search = new List<string>();
        var options = new List<string>();
        string? domain = null;
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (fields[0])
            {
                case "nameserver" when fields.Length > 1:
                    nameservers.Add(fields[1]);
                    break;
                case "domain" when fields.Length > 1:
                    domain = fields[1];
                    break;
                case "search":
                    search.AddRange(fields.Skip(1));
                    break;
                case "options":
                    options.AddRange(fields.Skip(1));
                    break;
            }
        }

        return new Podnet.Cni.CniDns { Nameservers = nameservers, Domain = domain, Search = search, Options = options };
    }
}
