using System.Net;

namespace Podnet.Benchmarks.Netlink;

/// <summary>What the hand-written decoder fills: the same information as a parsed <c>RouteMessage</c>.</summary>
internal sealed class RouteEntry
{
    public byte Family { get; set; }

    public byte DestinationLength { get; set; }

    public uint Table { get; set; }

    public IPAddress? Destination { get; set; }

    public IPAddress? Gateway { get; set; }

    public int OutputInterface { get; set; }

    public uint Priority { get; set; }
}
