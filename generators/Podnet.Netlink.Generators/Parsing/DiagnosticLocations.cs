using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// Finds the precise syntax a diagnostic points at: an attribute argument, a member's type or its identifier.
/// Falls back to the attribute or the symbol when the syntax is not available.
/// </summary>
internal static class DiagnosticLocations
{
    /// <summary>The identifier of a member or type.</summary>
    public static Location Identifier(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault(location => location.IsInSource) ?? Location.None;

    /// <summary>The declared type of a property or field.</summary>
    public static Location MemberType(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax(cancellationToken);
            TypeSyntax? type = node switch
            {
                PropertyDeclarationSyntax property => property.Type,
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                _ => null,
            };
            if (type is not null)
            {
                return type.GetLocation();
            }
        }

        return Identifier(member);
    }

    /// <summary>The whole attribute application (name and arguments).</summary>
    public static Location Attribute(AttributeData attribute, ISymbol fallback, CancellationToken cancellationToken) =>
        Syntax(attribute, cancellationToken)?.GetLocation() ?? Identifier(fallback);

    /// <summary>The positional constructor argument <paramref name="index"/> (or the argument naming its parameter).</summary>
    public static Location ConstructorArgument(
        AttributeData attribute,
        int index,
        ISymbol fallback,
        CancellationToken cancellationToken)
    {
        AttributeSyntax? syntax = Syntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is not { } arguments)
        {
            return Attribute(attribute, fallback, cancellationToken);
        }

        string? parameterName = attribute.AttributeConstructor is { } constructor && index < constructor.Parameters.Length
            ? constructor.Parameters[index].Name
            : null;
        int position = 0;
        foreach (AttributeArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } nameColon)
            {
                if (nameColon.Name.Identifier.ValueText == parameterName)
                {
                    return argument.GetLocation();
                }

                continue;
            }

            if (position++ == index)
            {
                return argument.GetLocation();
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>A named argument such as <c>ByteOrder = NetlinkByteOrder.BigEndian</c>.</summary>
    public static Location NamedArgument(
        AttributeData attribute,
        string name,
        ISymbol fallback,
        CancellationToken cancellationToken)
    {
        AttributeSyntax? syntax = Syntax(attribute, cancellationToken);
        AttributeArgumentSyntax? argument = syntax?.ArgumentList?.Arguments
            .FirstOrDefault(candidate => candidate.NameEquals?.Name.Identifier.ValueText == name);
        return argument?.GetLocation() ?? Attribute(attribute, fallback, cancellationToken);
    }

    private static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
}
