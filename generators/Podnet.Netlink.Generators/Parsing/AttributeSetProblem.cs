using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>One reason the parser skipped a set, member or case. Never part of the generator model.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Symbol">The set, member or containing type at fault.</param>
/// <param name="Attribute">The attribute application at fault, if any (its syntax is the best diagnostic location).</param>
/// <param name="RelatedSymbol">The other symbol involved (for example the member that already uses an attribute type, or a case type).</param>
/// <param name="Detail">A value for the message: the attribute type number, the selector name or the case value.</param>
internal sealed record AttributeSetProblem(
    AttributeSetProblemKind Kind,
    ISymbol Symbol,
    AttributeData? Attribute = null,
    ISymbol? RelatedSymbol = null,
    string? Detail = null)
{
    /// <summary>Where to report the problem: the attribute syntax if known, else the symbol's first location.</summary>
    public Location GetLocation()
    {
        SyntaxReference? syntax = Attribute?.ApplicationSyntaxReference;
        if (syntax is not null)
        {
            return Location.Create(syntax.SyntaxTree, syntax.Span);
        }

        return Symbol.Locations.Length > 0 ? Symbol.Locations[0] : Location.None;
    }
}
