using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Podnet.Netlink.Testing;

/// <summary>
/// One captured datagram (what iproute2 sent, or what the kernel replied), with <c>nlmsg_seq</c> and <c>nlmsg_pid</c>
/// zeroed because they differ on every run. On disk it is a <c>NAME.hex</c> file: a comment line (<c># …</c>) naming
/// the command, then the bytes as hex (<see cref="Iproute2Capture.Save"/> writes it).
/// </summary>
public sealed class NetlinkCapture
{
    /// <summary>Creates a capture from a command and its datagram (sequence and port are zeroed).</summary>
    public NetlinkCapture(string command, byte[] datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        Command = command;
        Datagram = NormalizeSequenceAndPort(datagram);
    }

    /// <summary>The command line (first comment line of the file).</summary>
    public string Command { get; }

    /// <summary>The whole datagram (one message), sequence and port zeroed.</summary>
    public byte[] Datagram { get; }

    /// <summary>The message body after the 16-byte <c>nlmsghdr</c>.</summary>
    public byte[] Body => Datagram[NetlinkMessageHeader.Size..];

    /// <summary>Loads <c>NAME.hex</c> from the directory of the calling source file.</summary>
    public static NetlinkCapture Load(string name, [CallerFilePath] string callerPath = "") =>
        LoadFile(Path.Combine(Path.GetDirectoryName(callerPath)!, name + ".hex"));

    /// <summary>Loads a <c>.hex</c> capture file.</summary>
    public static NetlinkCapture LoadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses the text of a <c>.hex</c> capture: a <c>#</c> comment line with the command, then hex lines.</summary>
    public static NetlinkCapture Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n', StringSplitOptions.TrimEntries);
        string command = lines.FirstOrDefault(l => l.StartsWith('#'))?[1..].Trim() ?? "";
        byte[] datagram = Convert.FromHexString(string.Concat(lines.Where(l => l.Length > 0 && !l.StartsWith('#'))));
        return new NetlinkCapture(command, datagram);
    }

    /// <summary>The text of a <c>.hex</c> capture file for this datagram.</summary>
    public string ToHexFile() => $"# {Command}\n{Convert.ToHexString(Datagram).ToLowerInvariant()}\n";

    /// <summary>A copy of <paramref name="datagram"/> with <c>nlmsg_seq</c> and <c>nlmsg_pid</c> of the first message zeroed.</summary>
    public static byte[] NormalizeSequenceAndPort(byte[] datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        if (datagram.Length < NetlinkMessageHeader.Size)
        {
            throw new ArgumentException($"A datagram of {datagram.Length} bytes has no netlink header.", nameof(datagram));
        }

        byte[] copy = (byte[])datagram.Clone();
        copy.AsSpan(8, 8).Clear();
        return copy;
    }

    /// <summary>
    /// Checks that the attribute header at <paramref name="offset"/> carries <c>NLA_F_NESTED</c> and clears it.
    /// iproute2's <c>addattr_nest</c> never sets the flag; Podnet's writers always do (the kernel accepts both).
    /// </summary>
    /// <exception cref="InvalidOperationException">The attribute at <paramref name="offset"/> does not have the flag.</exception>
    public static void ClearNestedFlag(byte[] message, int offset)
    {
        ArgumentNullException.ThrowIfNull(message);
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(offset + 2));
        if ((type & 0x8000) == 0)
        {
            throw new InvalidOperationException($"attribute type {type & 0x3FFF} at offset {offset} should have NLA_F_NESTED set");
        }

        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(offset + 2), (ushort)(type & 0x7FFF));
    }
}
