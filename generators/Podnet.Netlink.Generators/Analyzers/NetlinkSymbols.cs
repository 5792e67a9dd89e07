using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Analyzers;

/// <summary>
/// The netlink attribute types and the payload types of one compilation, resolved by metadata name (the analyzers
/// never reference the runtime assembly).
/// </summary>
internal sealed class NetlinkSymbols
{
    private NetlinkSymbols(Compilation compilation, INamedTypeSymbol attributeSet)
    {
        Compilation = compilation;
        AttributeSet = attributeSet;
        Attribute = compilation.GetTypeByMetadataName("Podnet.Netlink.NetlinkAttributeAttribute");
        Header = compilation.GetTypeByMetadataName("Podnet.Netlink.NetlinkHeaderAttribute");
        Message = compilation.GetTypeByMetadataName("Podnet.Netlink.NetlinkMessageAttribute");
        SubMessage = compilation.GetTypeByMetadataName("Podnet.Netlink.NetlinkSubMessageAttribute");
        SubMessageCase = compilation.GetTypeByMetadataName("Podnet.Netlink.NetlinkSubMessageCaseAttribute");
        MacAddress = compilation.GetTypeByMetadataName("Podnet.Netlink.MacAddress");
        IpAddress = compilation.GetTypeByMetadataName("System.Net.IPAddress");
        ReadOnlyMemory = compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1");
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol AttributeSet { get; }

    public INamedTypeSymbol? Attribute { get; }

    public INamedTypeSymbol? Header { get; }

    public INamedTypeSymbol? Message { get; }

    public INamedTypeSymbol? SubMessage { get; }

    public INamedTypeSymbol? SubMessageCase { get; }

    public INamedTypeSymbol? MacAddress { get; }

    public INamedTypeSymbol? IpAddress { get; }

    public INamedTypeSymbol? ReadOnlyMemory { get; }

    public INamedTypeSymbol? List { get; }

    /// <summary>Resolves the symbols, or returns <see langword="null"/> when the compilation does not use netlink attributes.</summary>
    public static NetlinkSymbols? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? attributeSet = compilation.GetTypeByMetadataName("Podnet.Netlink.NetlinkAttributeSetAttribute");
        return attributeSet is null ? null : new NetlinkSymbols(compilation, attributeSet);
    }

    public static bool IsClass(AttributeData attribute, INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass);

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return null;
        }

        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (IsClass(attribute, attributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsAttributeSet(ITypeSymbol type) => Find(type, AttributeSet) is not null;
}
