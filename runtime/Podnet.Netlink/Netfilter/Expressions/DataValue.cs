namespace Podnet.Netlink.Netfilter;

/// <summary><c>nft_data_attributes</c>: constant data of an expression, either raw bytes or a verdict.</summary>
[NetlinkAttributeSet]
public sealed partial class DataValue
{
    /// <summary><c>NFTA_DATA_VALUE</c>: up to 64 bytes, in the byte order of the packet field it is compared with.</summary>
    [NetlinkAttribute(1)]
    public byte[]? Value { get; set; }

    /// <summary><c>NFTA_DATA_VERDICT</c>.</summary>
    [NetlinkAttribute(2)]
    public VerdictData? Verdict { get; set; }

    /// <summary>Raw bytes.</summary>
    public static DataValue Of(byte[] value) => new() { Value = value };

    /// <summary>A verdict such as <see cref="Netfilter.Verdict.Drop"/>.</summary>
    public static DataValue Of(Verdict verdict) => new() { Verdict = new VerdictData { Code = verdict } };
}
