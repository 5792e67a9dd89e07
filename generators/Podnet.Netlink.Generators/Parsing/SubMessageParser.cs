using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Podnet.Generators;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// Checks and reads <c>[NetlinkSubMessage]</c> and its <c>[NetlinkSubMessageCase]</c>s on one property: the selector
/// is a sibling string attribute, every case type is a generated attribute set that fits the member, no selector value
/// appears twice, and the three attributes appear together.
/// </summary>
internal static class SubMessageParser
{
    /// <summary>Checks the sub-message attributes on properties that are not <c>[NetlinkAttribute]</c> members (so nothing else looks at them).</summary>
    public static void CheckOrphans(INamedTypeSymbol set, ParseContext context, List<AttributeSetProblem> problems)
    {
        foreach (ISymbol member in set.GetMembers())
        {
            if (member is IPropertySymbol property && KnownTypes.FindAttribute(property, context.Known.AttributeAttribute) is null)
            {
                Parse(set, property, context, problems);
            }
        }
    }

    /// <summary>
    /// Checks the sub-message of <paramref name="property"/> (declared in <paramref name="set"/>); returns its model, or
    /// <see langword="null"/> when it has none or a problem (added to <paramref name="problems"/>).
    /// </summary>
    public static SubMessageModel? Parse(INamedTypeSymbol set, IPropertySymbol property, ParseContext context, List<AttributeSetProblem> problems)
    {
        KnownTypes known = context.Known;
        AttributeData? subMessage = KnownTypes.FindAttribute(property, known.SubMessageAttribute);
        ImmutableArray<AttributeData> cases = property.GetAttributes()
            .Where(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.SubMessageCaseAttribute))
            .ToImmutableArray();
        if (subMessage is null && cases.IsEmpty)
        {
            return null;
        }

        int before = AttributeMemberParser.ErrorCount(problems);
        if (subMessage is null || cases.IsEmpty || KnownTypes.FindAttribute(property, known.AttributeAttribute) is null)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.IncompleteSubMessage, DiagnosticLocations.Identifier(property), property.Name));
        }

        if (subMessage is null)
        {
            return null;
        }

        string? selector = CheckSelector(set, property, subMessage, context, problems);
        List<SubMessageCaseModel> models = CheckCases(set, property, cases, context, problems);
        return AttributeMemberParser.ErrorCount(problems) == before && selector is not null && models.Count > 0
            ? new SubMessageModel(AttributeMemberParser.Identifier(selector), models.ToEquatableArray())
            : null;
    }

    private static string? CheckSelector(INamedTypeSymbol set, IPropertySymbol property, AttributeData subMessage, ParseContext context, List<AttributeSetProblem> problems)
    {
        if (AttributeArguments.Positional(subMessage, 0) is not { Value: string selector })
        {
            // The compiler reports the malformed attribute itself.
            return null;
        }

        Location location = DiagnosticLocations.ConstructorArgument(subMessage, 0, property, context.CancellationToken);

        // The selector is a sibling: a member declared in the set itself, not in a base class.
        ISymbol? target = set.GetMembers(selector).FirstOrDefault();
        if (target is null)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.SelectorNotFound, location, selector, property.Name, set.Name));
            return null;
        }

        if (target is not IPropertySymbol { Type.SpecialType: SpecialType.System_String, IsStatic: false } selectorProperty
            || KnownTypes.FindAttribute(selectorProperty, context.Known.AttributeAttribute) is null)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.SelectorNotString, location, selector, property.Name));
            return null;
        }

        return selector;
    }

    private static List<SubMessageCaseModel> CheckCases(INamedTypeSymbol set, IPropertySymbol property, ImmutableArray<AttributeData> cases, ParseContext context, List<AttributeSetProblem> problems)
    {
        var models = new List<SubMessageCaseModel>();
        var values = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (AttributeData @case in cases)
        {
            if (AttributeArguments.Positional(@case, 0) is not { Value: string value })
            {
                continue;
            }

            if (!values.Add(value))
            {
                problems.Add(AttributeSetProblem.Create(
                    AttributeSetProblemKind.DuplicateCaseValue,
                    DiagnosticLocations.ConstructorArgument(@case, 0, property, context.CancellationToken),
                    value,
                    property.Name));
            }

            if (AttributeArguments.Positional(@case, 1) is not { Value: ITypeSymbol caseType })
            {
                continue;
            }

            Location typeLocation = DiagnosticLocations.ConstructorArgument(@case, 1, property, context.CancellationToken);
            string caseTypeName = caseType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (!context.Known.IsAttributeSet(caseType))
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.CaseTypeNotAttributeSet, typeLocation, value, property.Name, caseTypeName));
            }
            else if (!IsAssignable(context.Known.Compilation, caseType, property.Type))
            {
                problems.Add(AttributeSetProblem.Create(
                    AttributeSetProblemKind.CaseTypeNotAssignable,
                    typeLocation,
                    value,
                    property.Name,
                    caseTypeName,
                    property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
            else
            {
                AttributeMemberParser.CheckNamedType(set, property, caseType, typeLocation, isNestedSet: true, context, problems);
                models.Add(new SubMessageCaseModel(value, PayloadClassifier.TypeName(caseType), context.Known.IsInCompilation(caseType)));
            }
        }

        return models;
    }

    private static bool IsAssignable(Compilation compilation, ITypeSymbol source, ITypeSymbol destination)
    {
        Microsoft.CodeAnalysis.Operations.CommonConversion conversion = compilation.ClassifyCommonConversion(source, destination);
        return conversion.IsIdentity || (conversion.IsImplicit && conversion.IsReference);
    }
}
