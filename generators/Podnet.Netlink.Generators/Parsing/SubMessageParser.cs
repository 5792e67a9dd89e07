using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Podnet.Generators;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>Reads <c>[NetlinkSubMessage]</c> and its <c>[NetlinkSubMessageCase]</c>s on one property.</summary>
internal static class SubMessageParser
{
    /// <summary>
    /// Parses the selector and cases of <paramref name="property"/> (declared in <paramref name="set"/>); returns
    /// <see langword="null"/> and adds to <paramref name="problems"/> if the member must be skipped.
    /// </summary>
    public static SubMessageModel? Parse(INamedTypeSymbol set, IPropertySymbol property, AttributeData subMessage, KnownTypes known, List<AttributeSetProblem> problems)
    {
        if (subMessage.ConstructorArguments.Length != 1 || subMessage.ConstructorArguments[0].Value is not string selector)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.IncompleteSubMessage, property, subMessage));
            return null;
        }

        if (FindSelector(set, selector) is not { } selectorMember)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.SelectorNotFound, property, subMessage, Detail: selector));
            return null;
        }

        if (selectorMember is not IPropertySymbol { IsStatic: false, Type.SpecialType: SpecialType.System_String } ||
            KnownTypes.FindAttribute(selectorMember, known.AttributeAttribute) is null)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.SelectorNotString, property, subMessage, RelatedSymbol: selectorMember, Detail: selector));
            return null;
        }

        var cases = new List<SubMessageCaseModel>();
        var values = new HashSet<string>(System.StringComparer.Ordinal);
        bool anyCase = false;
        foreach (AttributeData attribute in property.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.SubMessageCaseAttribute))
            {
                continue;
            }

            anyCase = true;
            if (attribute.ConstructorArguments.Length != 2 ||
                attribute.ConstructorArguments[0].Value is not string value ||
                attribute.ConstructorArguments[1].Value is not ITypeSymbol caseType)
            {
                continue;
            }

            if (!known.IsAttributeSet(caseType))
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.CaseTypeNotAttributeSet, property, attribute, RelatedSymbol: caseType, Detail: value));
                continue;
            }

            if (!IsAssignable(caseType, property.Type, known.Compilation))
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.CaseTypeNotAssignable, property, attribute, RelatedSymbol: caseType, Detail: value));
                continue;
            }

            if (!values.Add(value))
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.DuplicateCaseValue, property, attribute, RelatedSymbol: caseType, Detail: value));
                continue;
            }

            cases.Add(new SubMessageCaseModel(value, PayloadClassifier.TypeName(caseType), known.IsInCompilation(caseType)));
        }

        if (cases.Count == 0)
        {
            // Without a usable case there is nothing to generate; report only if no case problem explains it already.
            if (!anyCase)
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.IncompleteSubMessage, property, subMessage, Detail: selector));
            }

            return null;
        }

        return new SubMessageModel(AttributeMemberParser.Identifier(selector), cases.ToEquatableArray());
    }

    private static ISymbol? FindSelector(INamedTypeSymbol set, string selector)
    {
        foreach (ISymbol candidate in set.GetMembers(selector))
        {
            return candidate;
        }

        return null;
    }

    private static bool IsAssignable(ITypeSymbol caseType, ITypeSymbol memberType, Compilation compilation)
    {
        Microsoft.CodeAnalysis.Operations.CommonConversion conversion = compilation.ClassifyCommonConversion(caseType, memberType);
        return conversion.Exists && conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference);
    }
}
