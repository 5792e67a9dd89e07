using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Benchmarks.Netlink;

/// <summary>Decoding a 10,000-route dump: the generated RouteMessage parser against a hand-written one.</summary>
[MemoryDiagnoser]
[Config(typeof(ShortNetlinkConfig))]
public class NetlinkDecodeBenchmarks
{
    private const int RouteCount = 10_000;
    private byte[] _dump = [];

    [GlobalSetup]
    public void Setup()
    {
        _dump = RouteDump.Build(RouteCount);
        var generated = new List<RouteMessage>(RouteCount);
        var handWritten = new List<RouteEntry>(RouteCount);
        ReadGenerated(generated);
        ReadHandWritten(handWritten);
        for (int i = 0; i < RouteCount; i++)
        {
            RouteMessage g = generated[i];
            RouteEntry h = handWritten[i];
            if (g.Table != h.Table || !Equals(g.Destination, h.Destination) || !Equals(g.Gateway, h.Gateway) ||
                g.OutputInterface != h.OutputInterface || g.Priority != h.Priority || g.DestinationLength != h.DestinationLength)
            {
                throw new InvalidOperationException($"The decoders disagree on route {i}.");
            }
        }
    }

    [Benchmark]
    public int Generated() => ReadGenerated(new List<RouteMessage>(RouteCount));

    [Benchmark(Baseline = true)]
    public int HandWritten() => ReadHandWritten(new List<RouteEntry>(RouteCount));

    private int ReadGenerated(List<RouteMessage> routes)
    {
        var reader = new NetlinkMessageReader(_dump);
        while (reader.TryRead(out NetlinkMessageHeader _, out ReadOnlySpan<byte> body))
        {
            routes.Add(RouteMessage.Read(body));
        }

        return routes.Count;
    }

    private int ReadHandWritten(List<RouteEntry> routes)
    {
        var reader = new NetlinkMessageReader(_dump);
        while (reader.TryRead(out NetlinkMessageHeader _, out ReadOnlySpan<byte> body))
        {
            routes.Add(Decode(body));
        }

        return routes.Count;
    }

    private static RouteEntry Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 12)
        {
            throw new NetlinkParseException("Truncated rtmsg.");
        }

        var entry = new RouteEntry { Family = body[0], DestinationLength = body[1], Table = body[4] };
        ReadOnlySpan<byte> attributes = body[12..];
        while (attributes.Length >= 4)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(attributes);
            if (length < 4 || length > attributes.Length)
            {
                throw new NetlinkParseException("Bad attribute length.");
            }

            ushort type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(attributes[2..]) & 0x3FFF);
            ReadOnlySpan<byte> payload = attributes[4..length];
            switch (type)
            {
                case 1:
                    entry.Destination = new IPAddress(payload);
                    break;
                case 4:
                    entry.OutputInterface = BinaryPrimitives.ReadInt32LittleEndian(payload);
                    break;
                case 5:
                    entry.Gateway = new IPAddress(payload);
                    break;
                case 6:
                    entry.Priority = BinaryPrimitives.ReadUInt32LittleEndian(payload);
                    break;
                case 15:
                    entry.Table = BinaryPrimitives.ReadUInt32LittleEndian(payload);
                    break;
            }

            attributes = attributes[Math.Min(attributes.Length, (length + 3) & ~3)..];
        }

        return entry;
    }
}
