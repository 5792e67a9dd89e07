using Podnet.Generators;

namespace Podnet.Netlink.Generators.Model;

/// <summary>Everything the emitter needs to generate one attribute set; value equality keeps the pipeline cacheable.</summary>
/// <param name="Namespace">The containing namespace, or an empty string for the global namespace.</param>
/// <param name="Keyword">The declaration keyword of the set: <c>class</c> or <c>record</c>.</param>
/// <param name="Name">The type name as a C# identifier.</param>
/// <param name="ContainingTypes">Types the set is nested in, outermost first.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified type name.</param>
/// <param name="HintName">The generated file name.</param>
/// <param name="Header">The fixed header, if the set has one.</param>
/// <param name="Protocol">The <c>NetlinkProtocol</c> value of a <c>[NetlinkMessage]</c>, emitted as a static <c>Protocol</c> property.</param>
/// <param name="Members">The attribute members in declaration order.</param>
internal sealed record AttributeSetModel(
    string Namespace,
    string Keyword,
    string Name,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string FullyQualifiedName,
    string HintName,
    HeaderModel? Header,
    int? Protocol,
    EquatableArray<AttributeMemberModel> Members);

/// <summary>A type that contains the attribute set (outermost first), re-declared as <c>partial</c>.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type name as a C# identifier.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>The fixed header member of an attribute set.</summary>
/// <param name="Name">The member name as a C# identifier.</param>
/// <param name="TypeName">The <c>global::</c>-qualified unmanaged struct type.</param>
internal sealed record HeaderModel(string Name, string TypeName);

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

/// <summary>How a member holds its attribute value(s), which decides when the attribute is written.</summary>
internal enum MemberShape
{
    /// <summary>A non-nullable value type: always written (a <c>bool</c> flag only when <see langword="true"/>).</summary>
    Value,

    /// <summary>A <c>Nullable&lt;T&gt;</c>: written when it has a value.</summary>
    NullableValue,

    /// <summary>A reference type: written when not <see langword="null"/>.</summary>
    Reference,

    /// <summary>A <c>List&lt;T&gt;</c> with <c>Repeated = true</c>: one attribute per element.</summary>
    Repeated,

    /// <summary>A <c>List&lt;T&gt;</c> with <c>IndexedArray = true</c>: one nested attribute with an entry per element, typed by its 1-based index.</summary>
    IndexedArray,
}

/// <summary>A sub-message: the payload type is chosen by the string value of a sibling member.</summary>
/// <param name="SelectorName">The selector member, as a C# identifier.</param>
/// <param name="Cases">The known selector values, in declaration order, without duplicate values.</param>
internal sealed record SubMessageModel(string SelectorName, EquatableArray<SubMessageCaseModel> Cases);

/// <summary>One case of a sub-message: when the selector equals <paramref name="Value"/>, the payload is a <paramref name="TypeName"/>.</summary>
/// <param name="Value">The selector value, for example <c>"veth"</c>.</param>
/// <param name="TypeName">The <c>global::</c>-qualified attribute set type.</param>
/// <param name="ReadsWithDepth">The case type is generated in the same assembly (parsed through <c>ReadCore</c>).</param>
internal sealed record SubMessageCaseModel(string Value, string TypeName, bool ReadsWithDepth);
