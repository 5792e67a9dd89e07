using System.Net;
using System.Runtime.InteropServices;
using Podnet.Netlink.Netfilter;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Netfilter;

/// <summary>
/// The datagram <see cref="NftablesRuleset.AddMasquerade"/> really sends to the kernel, compared with the three
/// datagrams nft sends for <c>add table</c>, <c>add chain</c> and <c>add rule</c>: the same batch delimiters and the
/// same messages, byte for byte, except the sequence numbers and the flags Podnet adds on purpose (NLM_F_ACK on
/// every message, to learn each one's fate; NLM_F_CREATE on the table, where nft relies on the kernel's default).
/// </summary>
[Kernel]
public sealed class NftablesBatchGoldenTests
{
    [Fact]
    public void Masquerade_batch_equals_what_nft_sends_for_table_chain_and_rule()
    {
        using var ns = TestNamespace.Create();
        var transport = new CapturingTransport(ns.Run(() => (INetlinkTransport)NetlinkSocketTransport.Open(NetlinkProtocol.Netfilter)));
        using var socket = new NetlinkSocket(transport, NetlinkProtocol.Netfilter);

        new NftablesRuleset(socket).AddMasquerade(
            new RuleOwner("net1", "0123456789abcdef", "eth0"),
            [new MasqueradeSource(IPAddress.Parse("10.22.0.5"), IPNetwork.Parse("10.22.0.0/16"))]);

        // A GETRULE dump (to find stale rules of the owner) precedes the batch.
        byte[] datagram = transport.Sent[^1];
        List<byte[]> ours = Split(datagram);
        NftCapture table = NftCapture.Load("inet-table");
        NftCapture chain = NftCapture.Load("inet-chain");
        NftCapture rule = NftCapture.Load("masquerade-ipv4");
        Assert.Equal(5, ours.Count);

        AssertSameMessage(table.Message(0), ours[0], NetlinkMessageFlags.None);
        AssertSameMessage(table.Message(1), ours[1], NetlinkMessageFlags.Ack | NetlinkMessageFlags.Create);
        AssertSameMessage(chain.Message(1), ours[2], NetlinkMessageFlags.Ack);
        AssertSameMessage(rule.Message(1), ours[3], NetlinkMessageFlags.Ack);
        AssertSameMessage(table.Message(2), ours[4], NetlinkMessageFlags.None);

        uint[] sequences = [.. ours.Select(m => MemoryMarshal.Read<uint>(m.AsSpan(8)))];
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        Assert.Equal(datagram.Length, ours.Sum(m => m.Length));
    }

    private static void AssertSameMessage(ReadOnlySpan<byte> nft, byte[] ours, NetlinkMessageFlags added)
    {
        Assert.Equal(NftCapture.TypeOf(nft), NftCapture.TypeOf(ours));
        Assert.Equal(NftCapture.FlagsOf(nft) | added, NftCapture.FlagsOf(ours));
        Assert.Equal(nft.Length, ours.Length);
        Assert.Equal(Convert.ToHexStringLower(NftCapture.BodyOf(nft)), Convert.ToHexStringLower(NftCapture.BodyOf(ours)));
    }

    private static List<byte[]> Split(byte[] datagram)
    {
        var messages = new List<byte[]>();
        var reader = new NetlinkMessageReader(datagram);
        int offset = 0;
        while (reader.TryRead(out NetlinkMessageHeader header, out _))
        {
            messages.Add(datagram.AsSpan(offset, (int)header.Length).ToArray());
            offset += ((int)header.Length + 3) & ~3;
        }

        return messages;
    }
}
