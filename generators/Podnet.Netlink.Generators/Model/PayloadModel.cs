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
