using Microsoft.CodeAnalysis;
using Podnet.Netlink.Generators.Parsing;

namespace Podnet.Netlink.Generators.Diagnostics;

/// <summary>The one table from the parser's problem kinds to the diagnostics the analyzer reports.</summary>
internal static class ProblemDescriptors
{
    /// <summary>The descriptor of <paramref name="kind"/>.</summary>
    internal static DiagnosticDescriptor For(AttributeSetProblemKind kind) => kind switch
    {
        AttributeSetProblemKind.SetNotPartial => DiagnosticDescriptors.AttributeSetNotPartial,
        AttributeSetProblemKind.SetNotConcreteClass => DiagnosticDescriptors.AttributeSetNotConcreteClass,
        AttributeSetProblemKind.ContainingTypeNotPartial => DiagnosticDescriptors.ContainingTypeNotPartial,
        AttributeSetProblemKind.DuplicateAttributeType => DiagnosticDescriptors.DuplicateAttributeType,
        AttributeSetProblemKind.AttributeTypeOutOfRange => DiagnosticDescriptors.AttributeTypeOutOfRange,
        AttributeSetProblemKind.UnsupportedMemberType => DiagnosticDescriptors.UnsupportedMemberType,
        AttributeSetProblemKind.NestedTypeNotAttributeSet => DiagnosticDescriptors.NestedTypeNotAttributeSet,
        AttributeSetProblemKind.HeaderNotUnmanagedStruct => DiagnosticDescriptors.HeaderNotUnmanagedStruct,
        AttributeSetProblemKind.MultipleHeaders => DiagnosticDescriptors.MultipleHeaders,
        AttributeSetProblemKind.SelectorNotFound => DiagnosticDescriptors.SubMessageSelectorNotFound,
        AttributeSetProblemKind.SelectorNotString => DiagnosticDescriptors.SubMessageSelectorNotStringAttribute,
        AttributeSetProblemKind.CaseTypeNotAttributeSet => DiagnosticDescriptors.SubMessageCaseNotAttributeSet,
        AttributeSetProblemKind.CaseTypeNotAssignable => DiagnosticDescriptors.SubMessageCaseNotAssignable,
        AttributeSetProblemKind.DuplicateCaseValue => DiagnosticDescriptors.DuplicateSubMessageCase,
        AttributeSetProblemKind.RepeatedRequiresList => DiagnosticDescriptors.RepeatedOnNonList,
        AttributeSetProblemKind.ListNotRepeated => DiagnosticDescriptors.ListWithoutRepeated,
        AttributeSetProblemKind.ByteOrderOnNonInteger => DiagnosticDescriptors.ByteOrderOnNonInteger,
        AttributeSetProblemKind.MemberNotSettable => DiagnosticDescriptors.MemberNotSettableInstance,
        AttributeSetProblemKind.MessageWithoutTypes => DiagnosticDescriptors.MessageWithoutTypes,
        AttributeSetProblemKind.IncompleteSubMessage => DiagnosticDescriptors.IncompleteSubMessage,
        AttributeSetProblemKind.BaseTypeIsAttributeSet => DiagnosticDescriptors.AttributeSetDerivesFromAttributeSet,
        AttributeSetProblemKind.EnumWidthNotDeclared => DiagnosticDescriptors.EnumWidthNotDeclared,
        AttributeSetProblemKind.HeaderLayoutNotSequential => DiagnosticDescriptors.HeaderLayoutNotSequential,
        AttributeSetProblemKind.ReservedMemberName => DiagnosticDescriptors.ReservedMemberName,
        AttributeSetProblemKind.FileLocalType => DiagnosticDescriptors.FileLocalType,
        AttributeSetProblemKind.SetIsRecord => DiagnosticDescriptors.AttributeSetIsRecord,
        AttributeSetProblemKind.DuplicateAttributeSetDeclaration => DiagnosticDescriptors.DuplicateAttributeSetDeclaration,
        AttributeSetProblemKind.ControlMessageType => DiagnosticDescriptors.ControlMessageType,
        AttributeSetProblemKind.NestedSetHasErrors => DiagnosticDescriptors.NestedSetHasErrors,
        AttributeSetProblemKind.IndexedArrayMisused => DiagnosticDescriptors.IndexedArrayMisused,
        AttributeSetProblemKind.ObsoleteAsError => DiagnosticDescriptors.ObsoleteAsError,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "A problem kind without a diagnostic."),
    };

    /// <summary>Whether a problem of <paramref name="kind"/> keeps the set from being generated (every error does).</summary>
    internal static bool IsError(AttributeSetProblemKind kind) => For(kind).DefaultSeverity == DiagnosticSeverity.Error;
}
