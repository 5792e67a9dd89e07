using System.Net;
using Podnet.Cni;
using Podnet.Cni.Ipam;

// Usage:
//   Podnet.Ipam.Stress alloc   <dataDir> <network> <containerId> <ifname> <subnet>[;<subnet>...] [requestedIp]
//   Podnet.Ipam.Stress release <dataDir> <network> <containerId> <ifname>
// Each ';'-separated subnet is one range set. Prints one allocated/released address per line.
// Exit codes: 0 success, 2 IPAM error (code and message on stderr), 64 usage.
if (args.Length < 5 || (args[0] == "alloc" && args.Length < 6))
{
    Console.Error.WriteLine("usage: alloc|release <dataDir> <network> <containerId> <ifname> [<subnet>[;<subnet>...]] [requestedIp]");
    return 64;
}

try
{
    var attachment = new IpamAttachment(args[3], args[4]);
    using IpamStore store = IpamStore.Open(args[2], args[1]);
    if (args[0] == "alloc")
    {
        var config = new IpamConfig([.. args[5].Split(';').Select(s => (IReadOnlyList<IpamRangeSpec>)[new IpamRangeSpec(IpCidr.Parse(s))])]);
        IPAddress[] requested = args.Length > 6 ? [IPAddress.Parse(args[6])] : [];
        foreach (IpamAddress address in store.Allocate(attachment, config.CreateRangeSets(), requested))
        {
            Console.WriteLine(address);
        }
    }
    else
    {
        foreach (IPAddress address in store.Release(attachment))
        {
            Console.WriteLine(IpAddressText.Format(address));
        }
    }

    return 0;
}
catch (IpamException e)
{
    Console.Error.WriteLine($"{e.CniErrorCode}: {e.Message}");
    return 2;
}
