
namespace Podnet.Netlink.Tests.Infrastructure;

/// <summary>
/// A hand-written <see cref="INetlinkSerializable{TSelf}"/> (what the generator will produce) for an <c>ifinfomsg</c>
/// with the link name: enough to drive the socket's generic API in tests.
/// </summary>
public sealed class LinkSummary : INetlinkSerializable<LinkSummary>
{
    public int Index { get; set; }

    public string? Name { get; set; }

    public ReadOnlyMemory<byte> UnknownAttributes { get; set; }

    public int GetSize() => RawRouteMessages.InterfaceInfoSize + (Name is null ? 0 : NetlinkAttribute.SizeOfString(Name));

    public void Write(ref NetlinkWriter writer)
    {
        writer.WriteHeader(new RawInterfaceInfo { Index = Index });
        if (Name is not null)
        {
            writer.WriteString(RawRouteMessages.InterfaceName, Name);
        }
    }

    public static LinkSummary Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < RawRouteMessages.InterfaceInfoSize)
        {
            throw new NetlinkParseException("Truncated ifinfomsg.");
        }

        (int index, string? name) = RawRouteMessages.ReadLink(source);
        return new LinkSummary { Index = index, Name = name };
    }
}
