using System.Collections.Generic;

namespace Podnet.Cni.Generators.Formats;

/// <summary>
/// A string <c>format</c> the generator turns into a typed member, or checks: the C# type that holds the value, how
/// text becomes that type and back, and the types the compilation must contain for the generated code to compile.
/// </summary>
/// <param name="Name">The <c>format</c> value, e.g. <c>cidr</c>.</param>
/// <param name="Type">The member type, fully <c>global::</c>-qualified (<c>string</c> for a checked-only format).</param>
/// <param name="IsValueType">Whether <see cref="Type"/> is a struct (a nullable member then needs <c>.Value</c>).</param>
/// <param name="Description">What a value is, for messages and docs, e.g. <c>CIDR</c>.</param>
/// <param name="RequiredTypes">Metadata names the compilation must define; otherwise PN2010 and the file is skipped.</param>
/// <param name="Refuses">A C# boolean expression pattern, true when the text <c>{0}</c> is not of the format; a parsing format declares the local <c>{1}</c> that receives the value.</param>
/// <param name="Value">A C# expression pattern for the decoded value: <c>{0}</c> the text, <c>{1}</c> the parsed local.</param>
/// <param name="Reason">A C# expression over the text <c>{0}</c>: the reason a value is refused.</param>
/// <param name="Format">A C# expression pattern over the value <c>{0}</c> that gives the text to write.</param>
internal sealed record StringFormat(
    string Name,
    string Type,
    bool IsValueType,
    string Description,
    string[] RequiredTypes,
    string Refuses,
    string Value,
    string Reason,
    string Format)
{
    /// <summary>Every format with a meaning for the generated code; any other format is informational.</summary>
    public static readonly IReadOnlyList<StringFormat> All =
    [
        new StringFormat(
            "ip",
            "global::System.Net.IPAddress",
            IsValueType: false,
            "IP address",
            ["System.Net.IPAddress", "Podnet.Cni.IpAddressText"],
            "!global::Podnet.Cni.IpAddressText.TryParse({0}, out global::System.Net.IPAddress? {1})",
            "{1}",
            "\"invalid IP address \\\"\" + {0} + \"\\\"\"",
            "global::Podnet.Cni.IpAddressText.Format({0})"),
        new StringFormat(
            "cidr",
            "global::Podnet.Cni.IpCidr",
            IsValueType: true,
            "CIDR",
            ["Podnet.Cni.IpCidr"],
            "!global::Podnet.Cni.IpCidr.TryParse({0}, out global::Podnet.Cni.IpCidr {1})",
            "{1}",
            "\"invalid CIDR \\\"\" + {0} + \"\\\"\"",
            "{0}.ToString()"),
        new StringFormat(
            "mac",
            "global::Podnet.Netlink.MacAddress",
            IsValueType: true,
            "MAC address",
            ["Podnet.Netlink.MacAddress"],
            "!global::Podnet.Netlink.MacAddress.TryParse({0}, out global::Podnet.Netlink.MacAddress {1})",
            "{1}",
            "\"invalid MAC address \\\"\" + {0} + \"\\\"\"",
            "{0}.ToString()"),
        new StringFormat(
            "path",
            "string",
            IsValueType: false,
            "file system path",
            [],
            "{0}.Contains('\\0')",
            "{0}",
            "\"invalid path: NUL character\"",
            "{0}"),
    ];

    /// <summary>The mapped format named <paramref name="name"/>, or null for an informational one.</summary>
    public static StringFormat? Find(string? name)
    {
        foreach (StringFormat format in All)
        {
            if (format.Name == name)
            {
                return format;
            }
        }

        return null;
    }
}
