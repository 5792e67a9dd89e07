namespace Podnet.Netlink.Netfilter;

/// <summary>
/// The rule that stops a pod from forging its source MAC, in <see cref="BaseChain.MacSpoofCheck"/>:
/// <c>iifname HOST_VETH ether saddr != CONTAINER_MAC drop</c>.
/// </summary>
public static class MacSpoofCheckRule
{
    private const uint EthernetSourceOffset = 6;

    /// <summary>The expressions of the rule for the pod behind <paramref name="hostInterface"/>.</summary>
    /// <param name="hostInterface">The host end of the pod's veth (the bridge port).</param>
    /// <param name="containerMac">The only source MAC allowed from it.</param>
    public static ExpressionList Expressions(string hostInterface, MacAddress containerMac)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostInterface);
        byte[] mac = new byte[MacAddress.Size];
        containerMac.CopyTo(mac);

        var list = new List<Expression>(5);
        PacketMatch.InputInterfaceIs(list, hostInterface);
        PacketMatch.PayloadCompare(list, PayloadBase.LinkLayer, EthernetSourceOffset, CompareOperator.NotEqual, mac);
        list.Add(PacketMatch.Verdict(Verdict.Drop));
        return new ExpressionList { Elements = list };
    }
}
