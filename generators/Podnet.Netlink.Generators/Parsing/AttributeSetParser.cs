using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;
using Podnet.Generators;
using Podnet.Netlink.Generators.Diagnostics;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// The one rule engine of the netlink generator: checks a <c>[NetlinkAttributeSet]</c> type against every rule and
/// turns it into an <see cref="AttributeSetModel"/>. The analyzer reports the problems; the generator emits the model,
/// which is <see langword="null"/> exactly when a problem is an error, so "no error" and "code is generated" agree.
/// </summary>
internal static class AttributeSetParser
{
    /// <summary>The members every generated set declares; a user member of the same name would clash with them.</summary>
    public static readonly ImmutableArray<string> ReservedNames = ImmutableArray.Create("UnknownAttributes", "GetSize", "Write", "Read", "ReadCore");

    /// <summary>The end of every generated file name.</summary>
    public const string GeneratedFileSuffix = ".Netlink.g.cs";

    /// <summary>Smallest <c>nlmsg_type</c> of a family's own messages (<c>NLMSG_MIN_TYPE</c>); below are netlink's control types.</summary>
    public const int MinimumMessageType = 0x10;

    /// <summary>Parses <paramref name="type"/> within <paramref name="compilation"/>.</summary>
    public static AttributeSetParseResult Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken) =>
        Parse(type, new KnownTypes(compilation), cancellationToken);

    /// <summary>Parses <paramref name="type"/> with already resolved <paramref name="known"/> types (the analyzer resolves them once per compilation).</summary>
    public static AttributeSetParseResult Parse(INamedTypeSymbol type, KnownTypes known, CancellationToken cancellationToken) =>
        Parse(type, new ParseContext(known, cancellationToken));

    /// <summary>Whether <paramref name="set"/>, used by another set, has generated code to call: no errors if it is compiled here, the interface if it comes from a reference.</summary>
    internal static bool HasGeneratedCode(INamedTypeSymbol set, ParseContext context)
    {
        if (!context.Known.IsInCompilation(set))
        {
            return set.AllInterfaces.Any(candidate =>
                SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, context.Known.Serializable) &&
                SymbolEqualityComparer.Default.Equals(candidate.TypeArguments[0], set));
        }

        if (context.Validity.TryGetValue(set, out bool known))
        {
            return known;
        }

        if (!context.Visiting.Add(set))
        {
            // A cycle: the set's own errors decide for it when it is parsed at the top level.
            return true;
        }

        bool valid = Parse(set, context).Model is not null;
        context.Visiting.Remove(set);
        context.Validity[set] = valid;
        return valid;
    }

    private static AttributeSetParseResult Parse(INamedTypeSymbol type, ParseContext context)
    {
        var problems = new List<AttributeSetProblem>();
        context.Visiting.Add(type);
        CheckDeclaration(type, context, problems);
        CheckMessage(type, context, problems);
        CheckReservedNames(type, problems);
        CheckObsolete(type, context, problems);
        HeaderModel? header = HeaderParser.Parse(type, context, problems);
        List<AttributeMemberModel> members = AttributeMemberParser.ParseAll(type, context, problems);
        SubMessageParser.CheckOrphans(type, context, problems);

        if (problems.Any(problem => ProblemDescriptors.IsError(problem.Kind)))
        {
            return new AttributeSetParseResult(null, problems.ToImmutableArray());
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString() : string.Empty;
        var containing = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(Keyword(outer), AttributeMemberParser.Identifier(outer.Name)));
        }

        var setModel = new AttributeSetModel(
            ns,
            Keyword(type),
            AttributeMemberParser.Identifier(type.Name),
            containing.ToEquatableArray(),
            PayloadClassifier.TypeName(type),
            HintName(type),
            header,
            ParseProtocol(type, context.Known),
            members.ToEquatableArray());
        return new AttributeSetParseResult(setModel, problems.ToImmutableArray());
    }

    private static void CheckDeclaration(INamedTypeSymbol type, ParseContext context, List<AttributeSetProblem> problems)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        Location identifier = DiagnosticLocations.Identifier(type);
        AttributeData[] applications = type.GetAttributes()
            .Where(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, context.Known.AttributeSetAttribute))
            .ToArray();
        for (int i = 1; i < applications.Length; i++)
        {
            problems.Add(AttributeSetProblem.Create(
                AttributeSetProblemKind.DuplicateAttributeSetDeclaration,
                DiagnosticLocations.Attribute(applications[i], type, cancellationToken),
                type.Name));
        }

        bool hasParameterlessConstructor = type.InstanceConstructors.Any(constructor => constructor.Parameters.Length == 0);
        if (type.TypeKind != TypeKind.Class || type.IsGenericType || type.IsAbstract || type.IsStatic || !hasParameterlessConstructor)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.SetNotConcreteClass, identifier, type.Name));
        }

        if (type.IsRecord)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.SetIsRecord, identifier, type.Name));
        }

        if (!IsPartial(type, cancellationToken))
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.SetNotPartial, identifier, type.Name));
        }

        if (type.IsFileLocal)
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.FileLocalType, identifier, type.Name, type.Name));
        }

        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartial(container, cancellationToken))
            {
                problems.Add(new AttributeSetProblem(
                    AttributeSetProblemKind.ContainingTypeNotPartial,
                    DiagnosticLocations.Identifier(container),
                    ImmutableArray.Create(container.Name, type.Name),
                    ImmutableArray.Create(identifier)));
            }

            if (container.IsFileLocal)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.FileLocalType, DiagnosticLocations.Identifier(container), container.Name, type.Name));
            }
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (context.Known.IsAttributeSet(baseType))
            {
                problems.Add(AttributeSetProblem.Create(
                    AttributeSetProblemKind.BaseTypeIsAttributeSet,
                    BaseTypeLocation(type, cancellationToken),
                    type.Name,
                    baseType.Name));
                break;
            }
        }
    }

    private static void CheckMessage(INamedTypeSymbol type, ParseContext context, List<AttributeSetProblem> problems)
    {
        if (KnownTypes.FindAttribute(type, context.Known.MessageAttribute) is not { } message)
        {
            return;
        }

        ImmutableArray<TypedConstant> messageTypes = AttributeArguments.ArrayValues(message, 1);
        if (messageTypes.IsEmpty)
        {
            problems.Add(AttributeSetProblem.Create(
                AttributeSetProblemKind.MessageWithoutTypes,
                DiagnosticLocations.Attribute(message, type, context.CancellationToken),
                type.Name));
            return;
        }

        for (int i = 0; i < messageTypes.Length; i++)
        {
            if (messageTypes[i].Value is ushort value && value < MinimumMessageType)
            {
                problems.Add(AttributeSetProblem.Create(
                    AttributeSetProblemKind.ControlMessageType,
                    DiagnosticLocations.ConstructorArgument(message, i + 1, type, context.CancellationToken),
                    value.ToString(CultureInfo.InvariantCulture),
                    type.Name));
            }
        }
    }

    private static void CheckReservedNames(INamedTypeSymbol type, List<AttributeSetProblem> problems)
    {
        if (ReservedNames.Contains(type.Name))
        {
            problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.ReservedMemberName, DiagnosticLocations.Identifier(type), type.Name, type.Name));
        }

        for (INamedTypeSymbol? owner = type; owner is not null; owner = owner.BaseType)
        {
            foreach (string name in ReservedNames)
            {
                foreach (ISymbol member in owner.GetMembers(name))
                {
                    if (member.IsImplicitlyDeclared || IsGenerated(member) || (!SymbolEqualityComparer.Default.Equals(owner, type) && member.DeclaredAccessibility == Accessibility.Private))
                    {
                        continue;
                    }

                    Location location = SymbolEqualityComparer.Default.Equals(owner, type) ? DiagnosticLocations.Identifier(member) : BaseTypeLocation(type, default);
                    problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.ReservedMemberName, location, member.Name, type.Name));
                }
            }
        }
    }

    private static void CheckObsolete(INamedTypeSymbol type, ParseContext context, List<AttributeSetProblem> problems)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if ((KnownTypes.FindAttribute(member, context.Known.AttributeAttribute) is not null || KnownTypes.FindAttribute(member, context.Known.HeaderAttribute) is not null)
                && KnownTypes.ObsoleteAsError(member) is { } obsolete)
            {
                problems.Add(AttributeSetProblem.Create(AttributeSetProblemKind.ObsoleteAsError, DiagnosticLocations.Identifier(member), obsolete.Name, type.Name));
            }
        }
    }

    private static int? ParseProtocol(INamedTypeSymbol type, KnownTypes known)
    {
        if (KnownTypes.FindAttribute(type, known.MessageAttribute) is not { ConstructorArguments.Length: > 0 } message ||
            message.ConstructorArguments[0].Value is not int protocol)
        {
            return null;
        }

        // A member of the same name wins (and a set named Protocol cannot hold one); the informational property is then left out.
        return type.GetMembers("Protocol").IsEmpty && type.Name != "Protocol" ? protocol : null;
    }

    /// <summary>
    /// Whether <paramref name="member"/> comes from this generator's output, which the analyzer sees in its compilation
    /// (the generator itself never does).
    /// </summary>
    private static bool IsGenerated(ISymbol member) =>
        member.DeclaringSyntaxReferences.Length > 0 &&
        member.DeclaringSyntaxReferences.All(reference => reference.SyntaxTree.FilePath.EndsWith(GeneratedFileSuffix, System.StringComparison.Ordinal));

    /// <summary>Whether every declaration of <paramref name="type"/> in source carries <c>partial</c>.</summary>
    internal static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>The base class in the declaration's base list (the first entry of a class's base list is its base class).</summary>
    private static Location BaseTypeLocation(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types }
                && RightmostName(types[0].Type) == type.BaseType?.Name)
            {
                return types[0].GetLocation();
            }
        }

        return DiagnosticLocations.Identifier(type);
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    /// <summary>
    /// The generated file name: the namespace, then the type and its containing types joined by <c>+</c> (as in
    /// metadata names), so a nested type can never share a name with a namespace-qualified one.
    /// </summary>
    internal static string HintName(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            parts.Insert(0, current.Name);
        }

        string types = string.Join("+", parts);
        return (type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + types : types) + GeneratedFileSuffix;
    }
}

/// <summary>The outcome of parsing one attribute set: the model (null if the whole set is skipped) and every problem found.</summary>
/// <param name="Model">The model to emit; members with problems are left out of it.</param>
/// <param name="Problems">The problems, in declaration order.</param>
internal sealed record AttributeSetParseResult(AttributeSetModel? Model, ImmutableArray<AttributeSetProblem> Problems);
