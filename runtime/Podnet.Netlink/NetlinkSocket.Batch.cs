using System.Runtime.InteropServices;
using Podnet.Netlink.Netfilter;

namespace Podnet.Netlink;

/// <summary>nfnetlink batches: several messages in one datagram, committed by the kernel as one transaction.</summary>
public sealed partial class NetlinkSocket
{
    // Replies to a batch are queued while the kernel handles sendmsg, so they are all there once Send returns; the
    // timeout only guards against a kernel that drops a malformed batch without answering.
    private const int BatchReplyTimeoutMilliseconds = 5000;

    /// <summary>
    /// Sends <paramref name="batch"/> as <c>NFNL_MSG_BATCH_BEGIN</c>, its messages (each with
    /// <c>NLM_F_REQUEST | NLM_F_ACK</c> and its own sequence number) and <c>NFNL_MSG_BATCH_END</c>, in one datagram,
    /// then collects the acknowledgement or error of every message. An empty batch sends nothing.
    /// </summary>
    /// <exception cref="NetfilterBatchException">
    /// The kernel rejected a message (the first failed one is reported) or the batch as a whole; nothing was committed.
    /// </exception>
    public void SendBatch(NetfilterBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = batch.Count;
        if (count == 0)
        {
            return;
        }

        ReadOnlySpan<byte> messages = batch.Messages;
        const int delimiterSize = NetlinkMessageHeader.Size + 4;
        EnsureSendCapacity(messages.Length + (2 * delimiterSize));

        uint beginSequence = NextSequence();
        var writer = new NetlinkWriter(_sendBuffer);
        WriteDelimiter(ref writer, NftablesMessageType.BatchBegin, beginSequence, batch.Subsystem);
        int messagesStart = writer.Position;
        writer.WriteRaw(messages);
        WriteDelimiter(ref writer, NftablesMessageType.BatchEnd, 0, batch.Subsystem);
        _requestLength = writer.Position;

        Span<byte> sent = _sendBuffer.AsSpan(0, _requestLength);
        uint firstSequence = 0;
        for (int i = 0; i < count; i++)
        {
            (int offset, _) = batch.GetMessageRange(i);
            Span<byte> header = sent[(messagesStart + offset)..];
            uint sequence = NextSequence();
            firstSequence = i == 0 ? sequence : firstSequence;
            ushort flags = (ushort)(MemoryMarshal.Read<ushort>(header[6..]) | (ushort)(NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack));
            MemoryMarshal.Write(header[6..], in flags);
            MemoryMarshal.Write(header[8..], in sequence);
        }

        uint endSequence = NextSequence();
        MemoryMarshal.Write(sent[(_requestLength - delimiterSize + 8)..], in endSequence);

        _transport.Send(sent);
        CollectBatchReplies(batch, messagesStart, beginSequence, firstSequence);
    }

    private static void WriteDelimiter(ref NetlinkWriter writer, ushort type, uint sequence, byte subsystem)
    {
        int start = writer.BeginMessage(type, (ushort)NetlinkMessageFlags.Request, sequence, 0);
        writer.WriteHeader(new NetfilterGenericHeader(NetfilterFamily.Unspecified) { ResourceId = subsystem });
        writer.EndMessage(start);
    }

    private void CollectBatchReplies(NetfilterBatch batch, int messagesStart, uint beginSequence, uint firstSequence)
    {
        int count = batch.Count;
        int[] errors = new int[count];
        NetlinkExtendedAck[] acks = new NetlinkExtendedAck[count];
        bool[] answered = new bool[count];
        int remaining = count;
        bool failed = false;
        while (remaining > 0)
        {
            // After a failure the kernel may stop answering (on ENOMEM it reports only the failing message).
            if (!_transport.WaitForData(failed ? 0 : BatchReplyTimeoutMilliseconds))
            {
                if (failed)
                {
                    break;
                }

                throw new NetfilterBatchException(
                    $"The kernel answered {count - remaining} of the {count} messages of an nfnetlink batch and then stopped.");
            }

            int length = _transport.Receive(ref _receiveBuffer);
            var reader = new NetlinkMessageReader(_receiveBuffer.AsSpan(0, length));
            while (reader.TryRead(out NetlinkMessageHeader header, out ReadOnlySpan<byte> body))
            {
                if (header.PortId != PortId || header.Type != NetlinkMessageType.Error)
                {
                    // Notifications, and echoes of objects a message created, are not acknowledgements.
                    continue;
                }

                int errno = NetlinkErrorReply.ReadErrno(body, header.Type);
                if (header.Sequence == beginSequence)
                {
                    NetlinkExtendedAck batchAck = NetlinkErrorReply.ReadExtendedAck(
                        header.Type, header.Flags, body, _sendBuffer.AsSpan(0, messagesStart));
                    throw new NetfilterBatchException(-1, NftablesMessageType.BatchBegin, errno == 0 ? Errno.EIO : errno, batchAck);
                }

                int index = (int)(header.Sequence - firstSequence);
                if (index < 0 || index >= count || answered[index])
                {
                    continue;
                }

                answered[index] = true;
                remaining--;
                errors[index] = errno;
                if (errno != 0)
                {
                    failed = true;
                    (int offset, int messageLength) = batch.GetMessageRange(index);
                    acks[index] = NetlinkErrorReply.ReadExtendedAck(
                        header.Type, header.Flags, body, _sendBuffer.AsSpan(messagesStart + offset, messageLength));
                }
            }
        }

        for (int i = 0; i < count; i++)
        {
            if (errors[i] != 0)
            {
                throw new NetfilterBatchException(i, batch.GetMessageType(i), errors[i], acks[i]);
            }
        }
    }
}
