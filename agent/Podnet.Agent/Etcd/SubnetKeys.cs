using System.Globalization;
using System.Net;
using Podnet.Node.Routing;

namespace Podnet.Agent.Etcd;

/// <summary>flannel's key layout under a prefix: <c>P/config</c> and <c>P/subnets/10.244.3.0-24</c>.</summary>
public sealed class SubnetKeys(string prefix)
{
    /// <summary>podnet's default prefix (<c>/coreos.com/network</c> shares flannel's).</summary>
    public const string DefaultPrefix = "/podnet/network";

    /// <summary>The prefix without a trailing slash.</summary>
    public string Prefix { get; } = prefix.TrimEnd('/');

    /// <summary>The network configuration key.</summary>
    public string Config => Prefix + "/config";

    /// <summary>The prefix every subnet key starts with.</summary>
    public string Subnets => Prefix + "/subnets/";

    /// <summary>The key of <paramref name="subnet"/>.</summary>
    public string For(IPNetwork subnet) => Subnets + subnet.BaseAddress + "-" + subnet.PrefixLength.ToString(CultureInfo.InvariantCulture);

    /// <summary>The subnet a key names, or <see langword="null"/> for any other key (or a malformed one).</summary>
    public IPNetwork? Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(Subnets, StringComparison.Ordinal))
        {
            return null;
        }

        string name = key[Subnets.Length..];
        int dash = name.LastIndexOf('-');
        return dash > 0 && CidrNotation.TryParse(name[..dash] + "/" + name[(dash + 1)..], out IPNetwork subnet) ? subnet : null;
    }
}
