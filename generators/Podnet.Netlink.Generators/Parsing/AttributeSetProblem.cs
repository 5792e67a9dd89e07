using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// One rule an attribute set breaks, found by <see cref="AttributeSetParser"/>. The analyzer reports it as the
/// diagnostic that <see cref="Diagnostics.ProblemDescriptors"/> maps its <see cref="Kind"/> to; the generator only
/// looks at whether the set has any error. Never part of the generator model.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Location">Where the diagnostic points.</param>
/// <param name="Arguments">The arguments of the diagnostic's message format.</param>
/// <param name="AdditionalLocations">Other syntax involved (for example the set inside a non-partial container).</param>
/// <param name="Properties">Diagnostic properties a code fix reads (for example a free attribute type).</param>
internal sealed record AttributeSetProblem(
    AttributeSetProblemKind Kind,
    Location Location,
    ImmutableArray<string> Arguments,
    ImmutableArray<Location> AdditionalLocations = default,
    ImmutableDictionary<string, string?>? Properties = null)
{
    /// <summary>Creates a problem with message arguments.</summary>
    public static AttributeSetProblem Create(AttributeSetProblemKind kind, Location location, params string[] arguments) =>
        new(kind, location, ImmutableArray.Create(arguments));
}

/// <summary>
/// The rules an attribute set can break. Each kind maps to exactly one diagnostic of the catalog
/// (<see cref="Diagnostics.ProblemDescriptors"/>); every kind but <see cref="ByteOrderOnNonInteger"/> is an error,
/// and a set with an error gets no generated code.
/// </summary>
internal enum AttributeSetProblemKind
{
    /// <summary>PN1001: the set is not declared <c>partial</c>.</summary>
    SetNotPartial,

    /// <summary>PN1002: the set is generic, abstract, static, not a class, has no parameterless constructor, or sits in a generic type.</summary>
    SetNotConcreteClass,

    /// <summary>PN1003: a containing type is not <c>partial</c>.</summary>
    ContainingTypeNotPartial,

    /// <summary>PN1004: the attribute type is already used by an earlier member.</summary>
    DuplicateAttributeType,

    /// <summary>PN1005: the attribute type is 0 or above 0x3FFF.</summary>
    AttributeTypeOutOfRange,

    /// <summary>PN1006: the member type has no netlink encoding.</summary>
    UnsupportedMemberType,

    /// <summary>PN1007: a class-typed member whose (source) class is not an attribute set.</summary>
    NestedTypeNotAttributeSet,

    /// <summary>PN1008: the <c>[NetlinkHeader]</c> member is not an unmanaged, non-nullable struct.</summary>
    HeaderNotUnmanagedStruct,

    /// <summary>PN1009: more than one <c>[NetlinkHeader]</c> member.</summary>
    MultipleHeaders,

    /// <summary>PN1010: the sub-message selector names no member of the set.</summary>
    SelectorNotFound,

    /// <summary>PN1011: the selector is not a <c>string</c> <c>[NetlinkAttribute]</c> property.</summary>
    SelectorNotString,

    /// <summary>PN1012: a case type is not an attribute set.</summary>
    CaseTypeNotAttributeSet,

    /// <summary>PN1013: a case type is not assignable to the member type.</summary>
    CaseTypeNotAssignable,

    /// <summary>PN1014: a case value is declared twice.</summary>
    DuplicateCaseValue,

    /// <summary>PN1015: <c>Repeated = true</c> on a member that is not a <c>List&lt;T&gt;</c>.</summary>
    RepeatedRequiresList,

    /// <summary>PN1016: a <c>List&lt;T&gt;</c> member without <c>Repeated = true</c>.</summary>
    ListNotRepeated,

    /// <summary>PN1017 (warning): <c>ByteOrder = BigEndian</c> on a member without an integer payload; the generator ignores the byte order.</summary>
    ByteOrderOnNonInteger,

    /// <summary>PN1018: the member is static, read-only or init-only (a get-only repeated list is fine).</summary>
    MemberNotSettable,

    /// <summary>PN1020: <c>[NetlinkMessage]</c> lists no message types.</summary>
    MessageWithoutTypes,

    /// <summary>PN1022: <c>[NetlinkSubMessage]</c>, its cases and <c>[NetlinkAttribute]</c> do not all appear together.</summary>
    IncompleteSubMessage,

    /// <summary>PN1023: the set derives from another attribute set (the generated members would clash).</summary>
    BaseTypeIsAttributeSet,

    /// <summary>PN1024: an enum written to the wire (attribute or header field) does not declare its underlying type, so its width is an accident.</summary>
    EnumWidthNotDeclared,

    /// <summary>PN1025: the fixed header struct (or a struct inside it) is not laid out field after field.</summary>
    HeaderLayoutNotSequential,

    /// <summary>PN1026: a member of the set has a name the generator declares.</summary>
    ReservedMemberName,

    /// <summary>PN1027: the set, a containing type or a type the generated code names is <c>file</c>-local.</summary>
    FileLocalType,

    /// <summary>PN1028: the set is a <c>record</c>.</summary>
    SetIsRecord,

    /// <summary>PN1029: <c>[NetlinkAttributeSet]</c> appears on more than one part of a partial class.</summary>
    DuplicateAttributeSetDeclaration,

    /// <summary>PN1030: a message type is one of netlink's own control types (below <c>NLMSG_MIN_TYPE</c> = 16).</summary>
    ControlMessageType,

    /// <summary>PN1031: a nested or case attribute set has errors itself, so it has no generated code to call.</summary>
    NestedSetHasErrors,

    /// <summary>PN1032: <c>IndexedArray = true</c> on a member that is not a <c>List&lt;T&gt;</c>, or together with <c>Repeated = true</c>.</summary>
    IndexedArrayMisused,

    /// <summary>PN1033: a netlink member (or its type) is <c>[Obsolete(..., error: true)]</c>, so the generated code could not use it.</summary>
    ObsoleteAsError,
}
