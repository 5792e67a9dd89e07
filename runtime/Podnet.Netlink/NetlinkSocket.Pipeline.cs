namespace Podnet.Netlink;

/// <summary>
/// Pipelined requests: many independent messages per datagram, one acknowledgement each. The kernel handles the
/// messages of a datagram one after another and answers each, so a thousand route changes cost a handful of
/// system calls instead of a thousand round trips. Unlike an nfnetlink batch this is not a transaction: every
/// message succeeds or fails on its own.
/// </summary>
public sealed partial class NetlinkSocket
{
    // Below the 32 KiB send buffer, so a datagram is never refused for its size.
    private const int PipelineDatagramLimit = 16 * 1024;

    /// <summary>
    /// Sends every payload as a <paramref name="type"/> request with <c>NLM_F_REQUEST | NLM_F_ACK | </c><paramref name="flags"/>,
    /// several per datagram, and returns one entry per payload: <see langword="null"/> when the kernel accepted it,
    /// otherwise the error it gave (with its extended ACK). Failures do not stop the remaining messages.
    /// </summary>
    public NetlinkException?[] RequestMany<T>(ushort type, NetlinkMessageFlags flags, IReadOnlyList<T> payloads)
        where T : INetlinkSerializable<T>
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var results = new NetlinkException?[payloads.Count];
        var offsets = new List<(int Offset, int Length)>();
        int next = 0;
        while (next < payloads.Count)
        {
            int first = next;
            offsets.Clear();
            EnsureSendCapacity(Math.Max(PipelineDatagramLimit, NetlinkMessageHeader.Size + payloads[next].GetSize()));
            var writer = new NetlinkWriter(_sendBuffer);
            uint firstSequence = 0;
            while (next < payloads.Count)
            {
                int size = NetlinkMessageHeader.Size + payloads[next].GetSize();
                if (next > first && writer.Position + size > PipelineDatagramLimit)
                {
                    break;
                }

                uint sequence = NextSequence();
                if (next == first)
                {
                    firstSequence = sequence;
                }
                else if (sequence != firstSequence + (uint)(next - first))
                {
                    // The sequence wrapped (it skips 0): end this datagram so replies map back by subtraction.
                    break;
                }

                int start = writer.BeginMessage(type, (ushort)(NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack | flags), sequence, 0);
                payloads[next].Write(ref writer);
                writer.EndMessage(start);
                offsets.Add((start, writer.Position - start));
                next++;
            }

            _requestLength = writer.Position;
            _transport.Send(_sendBuffer.AsSpan(0, _requestLength));
            CollectPipelineReplies(type, firstSequence, offsets, results, first);
        }

        return results;
    }

    private void CollectPipelineReplies(ushort type, uint firstSequence, List<(int Offset, int Length)> offsets, NetlinkException?[] results, int first)
    {
        int count = offsets.Count;
        bool[] answered = new bool[count];
        int remaining = count;
        while (remaining > 0)
        {
            int length = _transport.Receive(ref _receiveBuffer);
            var reader = new NetlinkMessageReader(_receiveBuffer.AsSpan(0, length));
            while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> body))
            {
                if (header.PortId != PortId || header.Type != NetlinkMessageType.Error)
                {
                    continue;
                }

                int index = (int)(header.Sequence - firstSequence);
                if (index < 0 || index >= count || answered[index])
                {
                    // A stale reply to an earlier request.
                    continue;
                }

                answered[index] = true;
                remaining--;
                int errno = NetlinkErrorReply.ReadErrno(body, header.Type);
                if (errno != 0)
                {
                    (int offset, int messageLength) = offsets[index];
                    NetlinkExtendedAck ack = NetlinkErrorReply.ReadExtendedAck(
                        header.Type, header.Flags, body, _sendBuffer.AsSpan(offset, messageLength));
                    results[first + index] = new NetlinkException(type, TypeName(type), errno, ack);
                }
            }
        }
    }
}
