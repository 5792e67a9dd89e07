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
