namespace Podnet.Netlink;

/// <summary>Parses every data message as <typeparamref name="T"/> into a list.</summary>
internal readonly struct ListReplySink<T> : IReplySink
    where T : INetlinkSerializable<T>
{
    public ListReplySink(List<T> items) => Items = items;

    public List<T> Items { get; }

    /// <inheritdoc/>
    public void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body) => Items.Add(T.Read(body));
}
