namespace Podnet.Netlink.Generators.Model;

/// <summary>The encoding of one attribute payload.</summary>
/// <param name="Kind">The encoding.</param>
/// <param name="TypeName">The non-nullable, <c>global::</c>-qualified C# type of one value (the element type for repeated members).</param>
/// <param name="IsEnum">The value is an enum over the integer <paramref name="Kind"/>, so it is cast on the way in and out.</param>
/// <param name="IsBigEndian">An integer in network byte order.</param>
/// <param name="ReadsWithDepth">A nested set generated in the same assembly: parsed through its depth-guarded <c>ReadCore</c>.</param>
internal sealed record PayloadModel(
    PayloadKind Kind,
    string TypeName,
    bool IsEnum,
    bool IsBigEndian,
    bool ReadsWithDepth)
{
    /// <summary>Whether the payload is a fixed-width integer (or an enum over one).</summary>
    public bool IsInteger => Kind is >= PayloadKind.U8 and <= PayloadKind.S64;

    /// <summary>Whether a value of this payload is a reference type (and may be <see langword="null"/>).</summary>
    public bool IsReferenceType => Kind is PayloadKind.String or PayloadKind.ByteArray or PayloadKind.Address or PayloadKind.Nested or PayloadKind.SubMessage;
}

/// <summary>How one attribute payload is encoded.</summary>
internal enum PayloadKind
{
    /// <summary>Unsigned 8-bit integer.</summary>
    U8,

    /// <summary>Signed 8-bit integer.</summary>
    S8,

    /// <summary>Unsigned 16-bit integer.</summary>
    U16,

    /// <summary>Signed 16-bit integer.</summary>
    S16,

    /// <summary>Unsigned 32-bit integer.</summary>
    U32,

    /// <summary>Signed 32-bit integer.</summary>
    S32,

    /// <summary>Unsigned 64-bit integer.</summary>
    U64,

    /// <summary>Signed 64-bit integer.</summary>
    S64,

    /// <summary>A flag: present or absent, no payload (<c>bool</c>).</summary>
    Flag,

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    String,

    /// <summary>Binary bytes held in a <c>byte[]</c>.</summary>
    ByteArray,

    /// <summary>Binary bytes held in a <c>ReadOnlyMemory&lt;byte&gt;</c>.</summary>
    Memory,

    /// <summary>A 6-byte MAC address.</summary>
    Mac,

    /// <summary>A 4- or 16-byte IP address.</summary>
    Address,

    /// <summary>A nested attribute set (<c>NLA_F_NESTED</c>), possibly with its own fixed header.</summary>
    Nested,

    /// <summary>A nested set whose type is chosen by a sibling selector attribute.</summary>
    SubMessage,
}
