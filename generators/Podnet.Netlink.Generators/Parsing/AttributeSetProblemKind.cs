namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// Why the parser skipped an attribute set or one of its members. Each kind maps to one diagnostic of the
/// catalog (the analyzers report them; the generator stays silent).
/// </summary>
internal enum AttributeSetProblemKind
{
    /// <summary>PN1001: the set is not declared <c>partial</c>. Whole set skipped.</summary>
    SetNotPartial,

    /// <summary>PN1002: the set is generic, abstract, static, has no parameterless constructor, or sits in a generic type. Whole set skipped.</summary>
    SetNotConcreteClass,

    /// <summary>PN1003: a containing type is not <c>partial</c>. Whole set skipped.</summary>
    ContainingTypeNotPartial,

    /// <summary>PN1004: the attribute type is already used by <see cref="AttributeSetProblem.RelatedSymbol"/>. Member skipped.</summary>
    DuplicateAttributeType,

    /// <summary>PN1005: the attribute type is 0 or above 0x3FFF. Member skipped.</summary>
    AttributeTypeOutOfRange,

    /// <summary>PN1006: the member type has no netlink encoding. Member skipped.</summary>
    UnsupportedMemberType,

    /// <summary>PN1007: a class-typed member whose class is not an attribute set. Member skipped.</summary>
    NestedTypeNotAttributeSet,

    /// <summary>PN1008: the <c>[NetlinkHeader]</c> member is not an unmanaged, non-nullable struct. Whole set skipped.</summary>
    HeaderNotUnmanagedStruct,

    /// <summary>PN1009: more than one <c>[NetlinkHeader]</c> member. Whole set skipped.</summary>
    MultipleHeaders,

    /// <summary>PN1010: the sub-message selector names no member of the set. Member skipped.</summary>
    SelectorNotFound,

    /// <summary>PN1011: the selector is not a <c>string</c> <c>[NetlinkAttribute]</c> property. Member skipped.</summary>
    SelectorNotString,

    /// <summary>PN1012: a case type is not an attribute set. Case skipped.</summary>
    CaseTypeNotAttributeSet,

    /// <summary>PN1013: a case type is not assignable to the member type. Case skipped.</summary>
    CaseTypeNotAssignable,

    /// <summary>PN1014: a case value is declared twice. Later case skipped.</summary>
    DuplicateCaseValue,

    /// <summary>PN1015: <c>Repeated = true</c> on a member that is not a <c>List&lt;T&gt;</c>. Member skipped.</summary>
    RepeatedRequiresList,

    /// <summary>PN1016: a <c>List&lt;T&gt;</c> member without <c>Repeated = true</c>. Member skipped.</summary>
    ListNotRepeated,

    /// <summary>PN1017: <c>ByteOrder = BigEndian</c> on a member that is not a 16/32/64-bit integer. Reported by the analyzer as a warning; the generator ignores the byte order and keeps the member.</summary>
    ByteOrderOnNonInteger,

    /// <summary>PN1018: the member is static, read-only or init-only (a get-only repeated list is fine). Member (or, for a header, the set) skipped.</summary>
    MemberNotSettable,

    /// <summary>PN1022: <c>[NetlinkSubMessage]</c> without a valid case, or cases without <c>[NetlinkSubMessage]</c>. Member skipped.</summary>
    IncompleteSubMessage,

    /// <summary>The set derives from another attribute set (the generated members would clash). Whole set skipped.</summary>
    BaseTypeIsAttributeSet,
}
