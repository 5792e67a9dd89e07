namespace Podnet.Cni.Generators.Parsing;

/// <summary>The diagnostic ids the parser and the resolver report; the descriptors live in <c>DiagnosticDescriptors</c>.</summary>
internal static class SchemaProblemIds
{
    public const string InvalidJson = "PN2001";
    public const string UnsupportedType = "PN2002";
    public const string UnresolvedReference = "PN2003";
    public const string UnsupportedKeyword = "PN2004";
    public const string InvalidEnum = "PN2005";
    public const string DuplicateName = "PN2006";
    public const string InvalidName = "PN2007";
    public const string UndeclaredRequiredMember = "PN2008";
    public const string InvalidKeywordValue = "PN2009";
    public const string FormatTypeMissing = "PN2010";
}
