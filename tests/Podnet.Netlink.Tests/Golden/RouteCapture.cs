using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Podnet.Netlink.Tests.Golden;

/// <summary>
/// One datagram captured by <c>capture.sh</c> (what iproute2 sent, or what the kernel replied), loaded from
/// <c>Golden/NAME.hex</c>, with <c>nlmsg_seq</c> and <c>nlmsg_pid</c> zeroed because they differ on every run.
/// </summary>
internal sealed class RouteCapture
{
    private RouteCapture(string command, byte[] datagram)
    {
        Command = command;
        Datagram = datagram;
    }

    /// <summary>The command line (first comment line of the file).</summary>
    public string Command { get; }

    /// <summary>The whole datagram (one message), sequence and port zeroed.</summary>
    public byte[] Datagram { get; }

    /// <summary>The message body after the 16-byte <c>nlmsghdr</c>.</summary>
    public byte[] Body => Datagram[NetlinkMessageHeader.Size..];

    /// <summary>Loads <c>Golden/NAME.hex</c> from the source tree.</summary>
    public static RouteCapture Load(string name, [CallerFilePath] string callerPath = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(callerPath)!, name + ".hex");
        string[] lines = File.ReadAllLines(path);
        string command = lines.First(l => l.StartsWith('#'))[1..].Trim();
        byte[] datagram = Convert.FromHexString(string.Concat(lines.Where(l => l.Length > 0 && !l.StartsWith('#'))).Trim());
        return new RouteCapture(command, NormalizeSequenceAndPort(datagram));
    }

    /// <summary>Zeroes <c>nlmsg_seq</c> and <c>nlmsg_pid</c> of the first message.</summary>
    public static byte[] NormalizeSequenceAndPort(byte[] datagram)
    {
        byte[] copy = (byte[])datagram.Clone();
        copy.AsSpan(8, 8).Clear();
        return copy;
    }

    /// <summary>
    /// Checks that the attribute header at <paramref name="offset"/> carries <c>NLA_F_NESTED</c> and clears it.
    /// iproute2's <c>addattr_nest</c> never sets the flag; the design requires our writers to (the kernel accepts both).
    /// </summary>
    public static void ClearNestedFlag(byte[] message, int offset)
    {
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(offset + 2));
        Assert.True((type & 0x8000) != 0, $"attribute type {type & 0x3FFF} at offset {offset} should have NLA_F_NESTED set");
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(offset + 2), (ushort)(type & 0x7FFF));
    }
}
