using System.Globalization;

namespace Podnet.Netlink.Testing;

/// <summary>
/// Captures the netlink request an iproute2 program (<c>ip</c>, <c>bridge</c>) sends for a command: runs it under
/// <c>strace -e trace=sendmsg -e write=all</c> inside a namespace and keeps the last datagram it sent (earlier
/// ones resolve names). The command may fail in the kernel; the bytes sent are what matters. Needs root and strace.
/// </summary>
public static class Iproute2Capture
{
    /// <summary>Runs <c>ip ARGS</c> in <paramref name="ns"/> and returns the last datagram it sent.</summary>
    public static NetlinkCapture Ip(TestNamespace ns, params string[] arguments) => Program(ns, "ip", arguments);

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="ns"/> and returns the last datagram it sent.</summary>
    /// <exception cref="InvalidOperationException">strace did not run, or the program sent nothing.</exception>
    public static NetlinkCapture Program(TestNamespace ns, string program, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(ns);
        string trace = System.IO.Path.GetTempFileName();
        try
        {
            (int exitCode, _, string error) = IpCommand.Execute(
                "ip", ["netns", "exec", ns.Name, "strace", "-e", "trace=sendmsg", "-e", "write=all", "-s", "0", "-o", trace, program, .. arguments]);
            byte[]? last = LastSentDatagram(File.ReadAllLines(trace));
            return last is null
                ? throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} sent no netlink datagram (exit {exitCode}): {error}")
                : new NetlinkCapture($"{IprouteVersion()}: {program} {string.Join(' ', arguments)}", last);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    /// <summary>Writes <paramref name="capture"/> as <c>NAME.hex</c> (the format <see cref="NetlinkCapture.LoadFile"/> reads).</summary>
    public static void Save(NetlinkCapture capture, string path)
    {
        ArgumentNullException.ThrowIfNull(capture);
        File.WriteAllText(path, capture.ToHexFile());
    }

    /// <summary>
    /// The bytes of the last <c>sendmsg</c> in an strace log written with <c>-e write=all</c>: the hex dump lines
    /// (<c> | 00000  10 00 …  ascii |</c>) that follow each <c>sendmsg(</c> line.
    /// </summary>
    public static byte[]? LastSentDatagram(IEnumerable<string> straceLines)
    {
        ArgumentNullException.ThrowIfNull(straceLines);
        List<byte>? current = null;
        foreach (string line in straceLines)
        {
            if (line.Contains("sendmsg(", StringComparison.Ordinal))
            {
                current = [];
                continue;
            }

            if (current is null || !line.StartsWith(" | ", StringComparison.Ordinal))
            {
                continue;
            }

            // " | 00000  2c 00 00 00 20 00 05 06  a1 95 16 6b 00 00 00 00  ,... ......k.... |": after the offset come
            // 16 byte columns (8, an extra space, 8), padded with spaces on the last row, then the ASCII column.
            const int HexStart = 10, HexWidth = 49;
            string hex = line.Length > HexStart ? line.Substring(HexStart, Math.Min(HexWidth, line.Length - HexStart)) : "";
            foreach (string field in hex.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                current.Add(byte.Parse(field, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return current is { Count: > 0 } ? [.. current] : null;
    }

    private static string IprouteVersion()
    {
        // "ip utility, iproute2-6.1.0, libbpf 1.1.0"
        string output = IpCommand.Execute("ip", "-V").Output;
        string[] parts = output.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length > 1 ? parts[1] : output.Trim();
    }
}
