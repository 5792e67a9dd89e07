namespace Podnet.Netlink.Netfilter;

/// <summary>One nf_tables expression (<c>NFTA_EXPR_*</c>): its name and the name-specific data.</summary>
[NetlinkAttributeSet]
public sealed partial class Expression
{
    /// <summary><c>NFTA_EXPR_NAME</c>: "payload", "cmp", "meta", "bitwise", "immediate", "masq", …</summary>
    [NetlinkAttribute(1)]
    public string? Name { get; set; }

    /// <summary><c>NFTA_EXPR_DATA</c>, shaped by <see cref="Name"/>.</summary>
    [NetlinkAttribute(2)]
    [NetlinkSubMessage(nameof(Name))]
    [NetlinkSubMessageCase(PayloadExpressionData.ExpressionName, typeof(PayloadExpressionData))]
    [NetlinkSubMessageCase(CompareExpressionData.ExpressionName, typeof(CompareExpressionData))]
    [NetlinkSubMessageCase(MetaExpressionData.ExpressionName, typeof(MetaExpressionData))]
    [NetlinkSubMessageCase(BitwiseExpressionData.ExpressionName, typeof(BitwiseExpressionData))]
    [NetlinkSubMessageCase(ImmediateExpressionData.ExpressionName, typeof(ImmediateExpressionData))]
    [NetlinkSubMessageCase(MasqueradeExpressionData.ExpressionName, typeof(MasqueradeExpressionData))]
    [NetlinkSubMessageCase(LookupExpressionData.ExpressionName, typeof(LookupExpressionData))]
    public ExpressionData? Data { get; set; }

    /// <summary>Creates an expression whose name is the one its data belongs to.</summary>
    public static Expression Of(ExpressionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Expression { Name = data.Name, Data = data };
    }
}

/// <summary>Base of the expression-specific data carried in <c>NFTA_EXPR_DATA</c>.</summary>
public abstract class ExpressionData
{
    /// <summary>The expression's name (<c>NFTA_EXPR_NAME</c>) that selects this shape.</summary>
    public abstract string Name { get; }
}

/// <summary><c>NFTA_RULE_EXPRESSIONS</c>: one <c>NFTA_LIST_ELEM</c> per expression, run in order.</summary>
[NetlinkAttributeSet]
public sealed partial class ExpressionList
{
    /// <summary><c>NFTA_LIST_ELEM</c>, repeated.</summary>
    [NetlinkAttribute(1, Repeated = true)]
    public List<Expression> Elements { get; set; } = [];
}

/// <summary>
/// nf_tables registers (<c>enum nft_registers</c>). <see cref="Register1"/>…<see cref="Register4"/> are the
/// 16-byte registers nft uses for matches; the 4-byte <c>NFT_REG32_*</c> registers start at 8.
/// </summary>
public enum Register : uint
{
    /// <summary><c>NFT_REG_VERDICT</c>.</summary>
    Verdict = 0,

    /// <summary><c>NFT_REG_1</c>.</summary>
    Register1 = 1,

    /// <summary><c>NFT_REG_2</c>.</summary>
    Register2 = 2,

    /// <summary><c>NFT_REG_3</c>.</summary>
    Register3 = 3,

    /// <summary><c>NFT_REG_4</c>.</summary>
    Register4 = 4,
}

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

/// <summary><c>NFTA_DATA_VERDICT</c>: a verdict code and, for jump/goto, the target chain (<c>NFTA_VERDICT_*</c>).</summary>
[NetlinkAttributeSet]
public sealed partial class VerdictData
{
    /// <summary><c>NFTA_VERDICT_CODE</c>.</summary>
    [NetlinkAttribute(1, ByteOrder = NetlinkByteOrder.BigEndian)]
    public Verdict? Code { get; set; }

    /// <summary><c>NFTA_VERDICT_CHAIN</c>: the chain of a jump or goto.</summary>
    [NetlinkAttribute(2)]
    public string? Chain { get; set; }
}
