namespace Podnet.Netlink;

/// <summary>Parses the first data message as <typeparamref name="T"/>; later ones are ignored.</summary>
internal struct SingleReplySink<T> : IReplySink
    where T : INetlinkSerializable<T>
{
    public T? Value { get; private set; }

    public bool HasValue { get; private set; }

    /// <inheritdoc/>
    public void OnMessage(ushort type, ushort flags, ReadOnlySpan<byte> body)
    {
        if (!HasValue)
        {
            Value = T.Read(body);
            HasValue = true;
        }
    }
}
