using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Podnet.Generators;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// Classifies a <c>[NetlinkAttributeSet]</c> class into an <see cref="AttributeSetModel"/> and the list of problems
/// found on the way. The generator emits the model and ignores the problems; the analyzers report the problems.
/// </summary>
internal static class AttributeSetParser
{
    /// <summary>Parses <paramref name="type"/> within <paramref name="compilation"/>.</summary>
    public static AttributeSetParseResult Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken) =>
        Parse(type, new KnownTypes(compilation), cancellationToken);

    /// <summary>Parses <paramref name="type"/> with already resolved <paramref name="known"/> types (analyzers resolve them once per compilation).</summary>
    public static AttributeSetParseResult Parse(INamedTypeSymbol type, KnownTypes known, CancellationToken cancellationToken)
    {
        var problems = new List<AttributeSetProblem>();
        bool setValid = CheckSet(type, known, problems);
        ImmutableArray<ContainingTypeModel> containing = ParseContainingTypes(type, problems, ref setValid);

        HeaderModel? header = null;
        var members = new List<AttributeMemberModel>();
        var typesInUse = new Dictionary<int, ISymbol>();
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (KnownTypes.FindAttribute(member, known.HeaderAttribute) is { } headerAttribute)
            {
                setValid &= ParseHeader(member, headerAttribute, ref header, problems);
            }

            if (KnownTypes.FindAttribute(member, known.AttributeAttribute) is not { } attribute)
            {
                continue;
            }

            AttributeMemberModel? model = AttributeMemberParser.Parse(member, attribute, known, problems);
            if (model is null)
            {
                continue;
            }

            AttributeData? subMessage = KnownTypes.FindAttribute(member, known.SubMessageAttribute);
            if (subMessage is not null)
            {
                SubMessageModel? parsed = SubMessageParser.Parse(type, (IPropertySymbol)member, subMessage, known, problems);
                if (parsed is null)
                {
                    continue;
                }

                model = model with { SubMessage = parsed };
            }
            else if (KnownTypes.FindAttribute(member, known.SubMessageCaseAttribute) is { } orphanCase)
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.IncompleteSubMessage, member, orphanCase));
                continue;
            }

            if (typesInUse.TryGetValue(model.Type, out ISymbol? first))
            {
                problems.Add(new AttributeSetProblem(
                    AttributeSetProblemKind.DuplicateAttributeType,
                    member,
                    attribute,
                    RelatedSymbol: first,
                    Detail: model.Type.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            typesInUse.Add(model.Type, member);
            members.Add(model);
        }

        if (!setValid)
        {
            return new AttributeSetParseResult(null, problems.ToImmutableArray());
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString() : string.Empty;
        var setModel = new AttributeSetModel(
            ns,
            Keyword(type),
            AttributeMemberParser.Identifier(type.Name),
            containing.ToEquatableArray(),
            PayloadClassifier.TypeName(type),
            HintName(type, ns),
            header,
            ParseProtocol(type, known),
            members.ToEquatableArray());
        return new AttributeSetParseResult(setModel, problems.ToImmutableArray());
    }

    private static bool CheckSet(INamedTypeSymbol type, KnownTypes known, List<AttributeSetProblem> problems)
    {
        bool valid = true;
        if (!IsPartial(type))
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.SetNotPartial, type));
            valid = false;
        }

        bool hasParameterlessConstructor = false;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            hasParameterlessConstructor |= constructor.Parameters.Length == 0;
        }

        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract || type.Arity > 0 || !hasParameterlessConstructor)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.SetNotConcreteClass, type));
            valid = false;
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (known.IsAttributeSet(baseType))
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.BaseTypeIsAttributeSet, type, RelatedSymbol: baseType));
                valid = false;
                break;
            }
        }

        return valid;
    }

    private static ImmutableArray<ContainingTypeModel> ParseContainingTypes(INamedTypeSymbol type, List<AttributeSetProblem> problems, ref bool valid)
    {
        var containing = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer))
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.ContainingTypeNotPartial, outer, RelatedSymbol: type));
                valid = false;
            }

            if (outer.Arity > 0)
            {
                problems.Add(new AttributeSetProblem(AttributeSetProblemKind.SetNotConcreteClass, type, RelatedSymbol: outer));
                valid = false;
            }

            containing.Insert(0, new ContainingTypeModel(Keyword(outer), AttributeMemberParser.Identifier(outer.Name)));
        }

        return containing.ToImmutableArray();
    }

    private static bool ParseHeader(ISymbol member, AttributeData attribute, ref HeaderModel? header, List<AttributeSetProblem> problems)
    {
        if (header is not null)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.MultipleHeaders, member, attribute));
            return false;
        }

        (ITypeSymbol? type, bool settable) = member switch
        {
            IPropertySymbol { IsStatic: false, IsIndexer: false } property =>
                (property.Type, property.GetMethod is not null && property.SetMethod is { IsInitOnly: false }),
            IFieldSymbol { IsStatic: false } field => (field.Type, !field.IsReadOnly && !field.IsConst),
            _ => (null, false),
        };

        if (type is null || !settable)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.MemberNotSettable, member, attribute));
            return false;
        }

        if (type is not { TypeKind: TypeKind.Struct, IsUnmanagedType: true } ||
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            problems.Add(new AttributeSetProblem(AttributeSetProblemKind.HeaderNotUnmanagedStruct, member, attribute, RelatedSymbol: type));
            return false;
        }

        header = new HeaderModel(AttributeMemberParser.Identifier(member.Name), PayloadClassifier.TypeName(type));
        return true;
    }

    private static int? ParseProtocol(INamedTypeSymbol type, KnownTypes known)
    {
        if (KnownTypes.FindAttribute(type, known.MessageAttribute) is not { ConstructorArguments.Length: > 0 } message ||
            message.ConstructorArguments[0].Value is not int protocol)
        {
            return null;
        }

        // A member of the same name wins; the informational property is then left out.
        return type.GetMembers("Protocol").IsEmpty ? protocol : null;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string HintName(INamedTypeSymbol type, string ns)
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            parts.Insert(0, current.Name);
        }

        if (ns.Length > 0)
        {
            parts.Insert(0, ns);
        }

        return string.Join(".", parts) + ".Netlink.g.cs";
    }
}
