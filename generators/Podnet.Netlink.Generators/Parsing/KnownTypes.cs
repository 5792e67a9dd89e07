using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>The runtime and BCL types the parser compares against, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    public KnownTypes(Compilation compilation)
    {
        Compilation = compilation;
        AttributeSetAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.AttributeSetAttribute);
        MessageAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.MessageAttribute);
        HeaderAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.HeaderAttribute);
        AttributeAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.AttributeAttribute);
        SubMessageAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.SubMessageAttribute);
        SubMessageCaseAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.SubMessageCaseAttribute);
        MacAddress = compilation.GetTypeByMetadataName(KnownMetadataNames.MacAddress);
        IPAddress = compilation.GetTypeByMetadataName(KnownMetadataNames.IPAddress);
        List = compilation.GetTypeByMetadataName(KnownMetadataNames.List);
        ReadOnlyMemory = compilation.GetTypeByMetadataName(KnownMetadataNames.ReadOnlyMemory);
        Serializable = compilation.GetTypeByMetadataName(KnownMetadataNames.Serializable);
        StructLayoutAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.StructLayoutAttribute);
        FieldOffsetAttribute = compilation.GetTypeByMetadataName(KnownMetadataNames.FieldOffsetAttribute);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? AttributeSetAttribute { get; }

    public INamedTypeSymbol? MessageAttribute { get; }

    public INamedTypeSymbol? HeaderAttribute { get; }

    public INamedTypeSymbol? AttributeAttribute { get; }

    public INamedTypeSymbol? SubMessageAttribute { get; }

    public INamedTypeSymbol? SubMessageCaseAttribute { get; }

    public INamedTypeSymbol? MacAddress { get; }

    public INamedTypeSymbol? IPAddress { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol? ReadOnlyMemory { get; }

    public INamedTypeSymbol? Serializable { get; }

    public INamedTypeSymbol? StructLayoutAttribute { get; }

    public INamedTypeSymbol? FieldOffsetAttribute { get; }

    /// <summary>Whether <paramref name="type"/> is marked <c>[NetlinkAttributeSet]</c> (whether or not it is a valid set).</summary>
    public bool IsAttributeSet(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && FindAttribute(named, AttributeSetAttribute) is not null;

    /// <summary>The first application of <paramref name="attributeClass"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return null;
        }

        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The <c>file</c>-local type that <paramref name="type"/> is or is nested in, if any.</summary>
    public static INamedTypeSymbol? FileLocalType(ITypeSymbol type)
    {
        for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>
    /// The symbol among <paramref name="symbol"/> and the types it names (a member's type, list elements, nullable
    /// values) that is <c>[Obsolete(..., true)]</c>: using it is a compiler error, so generated code cannot.
    /// </summary>
    public static ISymbol? ObsoleteAsError(ISymbol symbol)
    {
        if (IsObsoleteAsError(symbol))
        {
            return symbol;
        }

        ITypeSymbol? type = symbol switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        var pending = new Stack<ITypeSymbol>();
        if (type is not null)
        {
            pending.Push(type);
        }

        while (pending.Count > 0)
        {
            ITypeSymbol current = pending.Pop();
            for (INamedTypeSymbol? named = current as INamedTypeSymbol; named is not null; named = named.ContainingType)
            {
                if (IsObsoleteAsError(named))
                {
                    return named;
                }
            }

            if (current is INamedTypeSymbol { IsGenericType: true } generic)
            {
                foreach (ITypeSymbol argument in generic.TypeArguments)
                {
                    pending.Push(argument);
                }
            }
        }

        return null;
    }

    private static bool IsObsoleteAsError(ISymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute"
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[1].Value is true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> is declared in the assembly being compiled (so its generated <c>ReadCore</c> is accessible).</summary>
    public bool IsInCompilation(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly);
}
