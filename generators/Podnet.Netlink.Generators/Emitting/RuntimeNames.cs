namespace Podnet.Netlink.Generators.Emitting;

/// <summary>The <c>global::</c>-qualified runtime names the generated code calls.</summary>
internal static class RuntimeNames
{
    public const string Serializable = "global::Podnet.Netlink.INetlinkSerializable";
    public const string Writer = "global::Podnet.Netlink.NetlinkWriter";
    public const string Reader = "global::Podnet.Netlink.NetlinkAttributeReader";
    public const string Attribute = "global::Podnet.Netlink.NetlinkAttribute";
    public const string Payload = "global::Podnet.Netlink.NetlinkPayload";
    public const string BigEndian = "global::Podnet.Netlink.NetlinkByteOrder.BigEndian";
    public const string ParseException = "global::Podnet.Netlink.NetlinkParseException";
    public const string Protocol = "global::Podnet.Netlink.NetlinkProtocol";
    public const string Span = "global::System.ReadOnlySpan<byte>";
    public const string Memory = "global::System.ReadOnlyMemory<byte>";
    public const string List = "global::System.Collections.Generic.List";
    public const string InvalidOperation = "global::System.InvalidOperationException";
}

/// <summary>Names of generated locals derived from member names (members are always accessed through <c>this.</c>/<c>result.</c>, so locals cannot hide them).</summary>
internal static class LocalNames
{
    /// <summary>A local for the member <paramref name="memberName"/> with a role <paramref name="prefix"/> such as <c>value</c>.</summary>
    public static string For(string prefix, string memberName) => prefix + "_" + memberName.TrimStart('@');
}
