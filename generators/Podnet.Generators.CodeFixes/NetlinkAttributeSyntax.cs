using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Podnet.Generators.CodeFixes;

/// <summary>Finds the <c>[NetlinkAttribute]</c> application among a member's attribute lists.</summary>
internal static class NetlinkAttributeSyntax
{
    public const string MetadataName = "Podnet.Netlink.NetlinkAttributeAttribute";

    public static AttributeSyntax? Find(
        SyntaxList<AttributeListSyntax> attributeLists,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        INamedTypeSymbol? attributeType = model.Compilation.GetTypeByMetadataName(MetadataName);
        if (attributeType is null)
        {
            return null;
        }

        foreach (AttributeListSyntax list in attributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                ISymbol? constructor = model.GetSymbolInfo(attribute, cancellationToken).Symbol;
                if (SymbolEqualityComparer.Default.Equals(constructor?.ContainingType, attributeType))
                {
                    return attribute;
                }
            }
        }

        return null;
    }
}
