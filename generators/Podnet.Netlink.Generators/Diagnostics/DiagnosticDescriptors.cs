using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Podnet.Generators;

namespace Podnet.Netlink.Generators.Diagnostics;

/// <summary>
/// The catalog of netlink diagnostics (PN1xxx). The analyzers report them; the generator skips invalid input silently.
/// Every descriptor links to <c>docs/diagnostics/&lt;ID&gt;.md</c> and is tracked in <c>AnalyzerReleases.Unshipped.md</c>.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>The category shared by all netlink diagnostics.</summary>
    public const string Category = "Podnet.Netlink";

    /// <summary>PN1001: an attribute set must be partial.</summary>
    public static readonly DiagnosticDescriptor AttributeSetNotPartial = new(
        id: "PN1001",
        title: "Attribute set must be partial",
        messageFormat: "The attribute set '{0}' must be declared partial so the generator can add its writer and parser",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1001.md");

    /// <summary>PN1002: an attribute set must be a non-generic, non-abstract, non-static class with a parameterless constructor.</summary>
    public static readonly DiagnosticDescriptor AttributeSetNotConcreteClass = new(
        id: "PN1002",
        title: "Attribute set must be a non-generic, non-abstract, non-static class",
        messageFormat: "The attribute set '{0}' must be a non-generic, non-abstract, non-static class with a parameterless constructor, outside generic types, because the generated parser creates it with 'new'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1002.md");

    /// <summary>PN1003: a type that contains an attribute set must be partial.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = new(
        id: "PN1003",
        title: "Type containing an attribute set must be partial",
        messageFormat: "'{0}' contains the attribute set '{1}' and must be declared partial",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1003.md");

    /// <summary>PN1004: two members of one set use the same attribute type.</summary>
    public static readonly DiagnosticDescriptor DuplicateAttributeType = new(
        id: "PN1004",
        title: "Duplicate netlink attribute type",
        messageFormat: "Attribute type {0} of '{1}' is already used by '{2}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1004.md");

    /// <summary>PN1005: an attribute type is 0 or collides with the flag bits.</summary>
    public static readonly DiagnosticDescriptor AttributeTypeOutOfRange = new(
        id: "PN1005",
        title: "Netlink attribute type out of range",
        messageFormat: "Attribute type {0} of '{1}' must be between 1 and 16383 (0x3FFF): type 0 is unused by the kernel and bits 0x8000 and 0x4000 are NLA_F_NESTED and NLA_F_NET_BYTEORDER",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1005.md");

    /// <summary>PN1006: the member type has no netlink encoding.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMemberType = new(
        id: "PN1006",
        title: "Unsupported netlink attribute member type",
        messageFormat: "Type '{0}' of '{1}' has no netlink attribute encoding",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1006.md");

    /// <summary>PN1007: a class-typed member whose class is not an attribute set.</summary>
    public static readonly DiagnosticDescriptor NestedTypeNotAttributeSet = new(
        id: "PN1007",
        title: "Nested member type is not an attribute set",
        messageFormat: "Type '{0}' of '{1}' is encoded as a nested attribute set, but '{0}' is not marked [NetlinkAttributeSet]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1007.md");

    /// <summary>PN1008: the fixed header is not an unmanaged struct.</summary>
    public static readonly DiagnosticDescriptor HeaderNotUnmanagedStruct = new(
        id: "PN1008",
        title: "Fixed header must be an unmanaged struct",
        messageFormat: "The fixed header '{0}' has type '{1}', which is not an unmanaged struct",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1008.md");

    /// <summary>PN1009: more than one member is marked as the fixed header.</summary>
    public static readonly DiagnosticDescriptor MultipleHeaders = new(
        id: "PN1009",
        title: "More than one fixed header",
        messageFormat: "'{0}' is a second fixed header: '{1}' already is the fixed header of '{2}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1009.md");

    /// <summary>PN1010: the sub-message selector does not exist.</summary>
    public static readonly DiagnosticDescriptor SubMessageSelectorNotFound = new(
        id: "PN1010",
        title: "Sub-message selector not found",
        messageFormat: "The selector '{0}' of '{1}' is not a member of '{2}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1010.md");

    /// <summary>PN1011: the sub-message selector is not a string attribute.</summary>
    public static readonly DiagnosticDescriptor SubMessageSelectorNotStringAttribute = new(
        id: "PN1011",
        title: "Sub-message selector must be a string attribute",
        messageFormat: "The selector '{0}' of '{1}' must be a string property marked [NetlinkAttribute]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1011.md");

    /// <summary>PN1012: a sub-message case type is not an attribute set.</summary>
    public static readonly DiagnosticDescriptor SubMessageCaseNotAttributeSet = new(
        id: "PN1012",
        title: "Sub-message case type is not an attribute set",
        messageFormat: "Case \"{0}\" of '{1}' uses '{2}', which is not marked [NetlinkAttributeSet]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1012.md");

    /// <summary>PN1013: a sub-message case type cannot be stored in the property.</summary>
    public static readonly DiagnosticDescriptor SubMessageCaseNotAssignable = new(
        id: "PN1013",
        title: "Sub-message case type is not assignable to the member",
        messageFormat: "Case \"{0}\" of '{1}' uses '{2}', which is not assignable to '{3}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1013.md");

    /// <summary>PN1014: two sub-message cases share a selector value.</summary>
    public static readonly DiagnosticDescriptor DuplicateSubMessageCase = new(
        id: "PN1014",
        title: "Duplicate sub-message case value",
        messageFormat: "Case \"{0}\" appears more than once on '{1}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1014.md");

    /// <summary>PN1015: Repeated on a member that is not a List.</summary>
    public static readonly DiagnosticDescriptor RepeatedOnNonList = new(
        id: "PN1015",
        title: "Repeated requires a List<T> member",
        messageFormat: "'{0}' has Repeated = true, but its type '{1}' is not List<T>",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1015.md");

    /// <summary>PN1016: a List member without Repeated.</summary>
    public static readonly DiagnosticDescriptor ListWithoutRepeated = new(
        id: "PN1016",
        title: "List member must be Repeated",
        messageFormat: "'{0}' is a List<T>: set Repeated = true to write one attribute per element",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1016.md");

    /// <summary>PN1017: a byte order on a member that has no integer payload (warning).</summary>
    public static readonly DiagnosticDescriptor ByteOrderOnNonInteger = new(
        id: "PN1017",
        title: "Byte order on a non-integer member",
        messageFormat: "ByteOrder.BigEndian has no effect on '{0}' of type '{1}': only integer payloads have a byte order",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1017.md");

    /// <summary>PN1018: a netlink member the parser cannot assign.</summary>
    public static readonly DiagnosticDescriptor MemberNotSettableInstance = new(
        id: "PN1018",
        title: "Netlink member must be a settable instance member",
        messageFormat: "'{0}' must be an instance member with a getter and a set accessor (not init) so the generated code can read and assign it",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1018.md");

    /// <summary>PN1019: a message type that is not an attribute set.</summary>
    public static readonly DiagnosticDescriptor MessageWithoutAttributeSet = new(
        id: "PN1019",
        title: "Netlink message must be an attribute set",
        messageFormat: "'{0}' is marked [NetlinkMessage] but not [NetlinkAttributeSet]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1019.md");

    /// <summary>PN1020: a message that declares no message types.</summary>
    public static readonly DiagnosticDescriptor MessageWithoutTypes = new(
        id: "PN1020",
        title: "Netlink message declares no message types",
        messageFormat: "[NetlinkMessage] on '{0}' lists no nlmsg_type values",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1020.md");

    /// <summary>PN1021: a netlink member in a type that is not an attribute set.</summary>
    public static readonly DiagnosticDescriptor MemberOutsideAttributeSet = new(
        id: "PN1021",
        title: "Netlink member outside an attribute set",
        messageFormat: "'{0}' is marked [{1}], but '{2}' is not marked [NetlinkAttributeSet], so nothing reads or writes it",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1021.md");

    /// <summary>PN1022: sub-message attributes without their counterpart.</summary>
    public static readonly DiagnosticDescriptor IncompleteSubMessage = new(
        id: "PN1022",
        title: "Incomplete sub-message declaration",
        messageFormat: "'{0}' must combine [NetlinkAttribute], [NetlinkSubMessage] and at least one [NetlinkSubMessageCase]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1022.md");

    /// <summary>PN1023: an attribute set derives from another attribute set.</summary>
    public static readonly DiagnosticDescriptor AttributeSetDerivesFromAttributeSet = new(
        id: "PN1023",
        title: "Attribute set cannot derive from another attribute set",
        messageFormat: "The attribute set '{0}' derives from the attribute set '{1}'; the generated members of the two would clash",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticHelpLink.Base + "PN1023.md");

    /// <summary>All descriptors of the catalog, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        AttributeSetNotPartial,
        AttributeSetNotConcreteClass,
        ContainingTypeNotPartial,
        DuplicateAttributeType,
        AttributeTypeOutOfRange,
        UnsupportedMemberType,
        NestedTypeNotAttributeSet,
        HeaderNotUnmanagedStruct,
        MultipleHeaders,
        SubMessageSelectorNotFound,
        SubMessageSelectorNotStringAttribute,
        SubMessageCaseNotAttributeSet,
        SubMessageCaseNotAssignable,
        DuplicateSubMessageCase,
        RepeatedOnNonList,
        ListWithoutRepeated,
        ByteOrderOnNonInteger,
        MemberNotSettableInstance,
        MessageWithoutAttributeSet,
        MessageWithoutTypes,
        MemberOutsideAttributeSet,
        IncompleteSubMessage,
        AttributeSetDerivesFromAttributeSet);
}
