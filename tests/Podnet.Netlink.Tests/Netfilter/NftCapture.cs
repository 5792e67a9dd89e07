using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Podnet.Netlink.Tests.Netfilter;

/// <summary>
/// One datagram nft sent (captured with strace by <c>Golden/capture.sh</c>), split into its netlink messages.
/// </summary>
internal sealed class NftCapture
{
    private NftCapture(string command, byte[] datagram, List<(int Offset, int Length)> messages)
    {
        Command = command;
        Datagram = datagram;
        Messages = messages;
    }

    /// <summary>The nft command line that produced the capture.</summary>
    public string Command { get; }

    /// <summary>The whole datagram.</summary>
    public byte[] Datagram { get; }

    /// <summary>Offset and length of each message in <see cref="Datagram"/>.</summary>
    public List<(int Offset, int Length)> Messages { get; }

    /// <summary>Message <paramref name="index"/>, header included.</summary>
    public ReadOnlySpan<byte> Message(int index) => Datagram.AsSpan(Messages[index].Offset, Messages[index].Length);

    /// <summary>The only message between BATCH_BEGIN and BATCH_END, header included.</summary>
    public byte[] SingleCommand()
    {
        Assert.Equal(3, Messages.Count);
        return Message(1).ToArray();
    }

    /// <summary>Loads <c>Golden/NAME.hex</c> from the source tree.</summary>
    public static NftCapture Load(string name, [CallerFilePath] string callerPath = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name + ".hex");
        string[] lines = File.ReadAllLines(path);
        string command = lines.First(l => l.StartsWith('#'))[1..].Trim();
        byte[] datagram = Convert.FromHexString(string.Concat(lines.Where(l => l.Length > 0 && !l.StartsWith('#'))).Trim());
        var messages = new List<(int, int)>();
        int offset = 0;
        while (offset < datagram.Length)
        {
            int length = (int)MemoryMarshal.Read<uint>(datagram.AsSpan(offset));
            messages.Add((offset, length));
            offset += (length + 3) & ~3;
        }

        return new NftCapture(command, datagram, messages);
    }

    /// <summary>The <c>nlmsg_type</c> of a message.</summary>
    public static ushort TypeOf(ReadOnlySpan<byte> message) => MemoryMarshal.Read<ushort>(message[4..]);

    /// <summary>The <c>nlmsg_flags</c> of a message.</summary>
    public static NetlinkMessageFlags FlagsOf(ReadOnlySpan<byte> message) => (NetlinkMessageFlags)MemoryMarshal.Read<ushort>(message[6..]);

    /// <summary>The message after its 16-byte header.</summary>
    public static byte[] BodyOf(ReadOnlySpan<byte> message) => message[NetlinkMessageHeader.Size..].ToArray();
}
