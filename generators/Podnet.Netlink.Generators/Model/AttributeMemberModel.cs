namespace Podnet.Netlink.Generators.Model;

/// <summary>One <c>[NetlinkAttribute]</c> member of an attribute set.</summary>
/// <param name="Name">The member name as a C# identifier (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="Type">The netlink attribute type (without flag bits).</param>
/// <param name="Shape">How the member holds its value(s).</param>
/// <param name="Payload">The encoding of one value.</param>
/// <param name="HasSetter">The member can be assigned (a get-only repeated list is added to instead).</param>
/// <param name="SubMessage">The selector and cases when <see cref="PayloadModel.Kind"/> is <see cref="PayloadKind.SubMessage"/>.</param>
internal sealed record AttributeMemberModel(
    string Name,
    int Type,
    MemberShape Shape,
    PayloadModel Payload,
    bool HasSetter,
    SubMessageModel? SubMessage);
