namespace Podnet.Netlink.Generators.Parsing;

/// <summary>Metadata names of the runtime types the generator recognises (it does not reference the runtime).</summary>
internal static class KnownMetadataNames
{
    public const string AttributeSetAttribute = "Podnet.Netlink.NetlinkAttributeSetAttribute";
    public const string MessageAttribute = "Podnet.Netlink.NetlinkMessageAttribute";
    public const string HeaderAttribute = "Podnet.Netlink.NetlinkHeaderAttribute";
    public const string AttributeAttribute = "Podnet.Netlink.NetlinkAttributeAttribute";
    public const string SubMessageAttribute = "Podnet.Netlink.NetlinkSubMessageAttribute";
    public const string SubMessageCaseAttribute = "Podnet.Netlink.NetlinkSubMessageCaseAttribute";
    public const string MacAddress = "Podnet.Netlink.MacAddress";
    public const string IPAddress = "System.Net.IPAddress";
    public const string List = "System.Collections.Generic.List`1";
    public const string ReadOnlyMemory = "System.ReadOnlyMemory`1";
    public const string Serializable = "Podnet.Netlink.INetlinkSerializable`1";
    public const string StructLayoutAttribute = "System.Runtime.InteropServices.StructLayoutAttribute";
    public const string FieldOffsetAttribute = "System.Runtime.InteropServices.FieldOffsetAttribute";
}
