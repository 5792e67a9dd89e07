using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Podnet.Generators;

namespace Podnet.Cni.Generators.Diagnostics;

/// <summary>
/// The catalog of schema diagnostics (PN2xxx). <c>CniSchemaAnalyzer</c> reports them on the schema files; the generator
/// skips invalid files silently. Every descriptor links to <c>docs/diagnostics/&lt;ID&gt;.md</c> and is tracked in
/// <c>AnalyzerReleases.Unshipped.md</c>.
/// </summary>
public static class DiagnosticDescriptors
{
    /// <summary>The category shared by all schema diagnostics.</summary>
    public const string Category = "Podnet.Cni.Schema";

    private const string HelpLinkBase = DiagnosticHelpLink.Base;

    /// <summary>PN2001: the schema file is not valid JSON.</summary>
    public static readonly DiagnosticDescriptor InvalidJson = new(
        id: "PN2001",
        title: "Schema file is not valid JSON",
        messageFormat: "'{0}' is not valid JSON: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2001.md");

    /// <summary>PN2002: a <c>type</c> value the generator does not support.</summary>
    public static readonly DiagnosticDescriptor UnsupportedType = new(
        id: "PN2002",
        title: "Unsupported schema type",
        messageFormat: "Type '{0}' is not supported; use one of string, boolean, integer, number, array or object",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2002.md");

    /// <summary>PN2003: a <c>$ref</c> that does not resolve.</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        id: "PN2003",
        title: "Unresolvable $ref",
        messageFormat: "'$ref' '{0}' cannot be resolved: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2003.md");

    /// <summary>PN2004: a keyword outside the supported subset (oneOf, anyOf, pattern, …).</summary>
    public static readonly DiagnosticDescriptor UnsupportedKeyword = new(
        id: "PN2004",
        title: "Unsupported schema keyword",
        messageFormat: "Keyword '{0}' is not supported by the CNI schema generator",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2004.md");

    /// <summary>PN2005: an enum that is not a non-empty list of strings.</summary>
    public static readonly DiagnosticDescriptor InvalidEnum = new(
        id: "PN2005",
        title: "Enum must list strings",
        messageFormat: "Enum '{0}' is not supported: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2005.md");

    /// <summary>PN2006: two schema elements generate the same C# name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(
        id: "PN2006",
        title: "Duplicate generated name",
        messageFormat: "The generated name '{0}' ({1}) is already used",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2006.md");

    /// <summary>PN2007: an <c>x-csharp-*</c> name that is not a valid C# identifier.</summary>
    public static readonly DiagnosticDescriptor InvalidName = new(
        id: "PN2007",
        title: "Invalid C# name",
        messageFormat: "'{0}' given by '{1}' is not a valid C# identifier",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2007.md");

    /// <summary>PN2008: <c>required</c> names a property the schema does not declare.</summary>
    public static readonly DiagnosticDescriptor UndeclaredRequiredMember = new(
        id: "PN2008",
        title: "Required member is not declared",
        messageFormat: "'{0}' is required but is not declared in the properties of '{1}'",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2008.md");

    /// <summary>PN2009: a supported keyword with a value of the wrong kind.</summary>
    public static readonly DiagnosticDescriptor InvalidKeywordValue = new(
        id: "PN2009",
        title: "Invalid keyword value",
        messageFormat: "The value of '{0}' is invalid: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2009.md");

    /// <summary>PN2010: a string <c>format</c> maps to a type the compilation does not define.</summary>
    public static readonly DiagnosticDescriptor FormatTypeMissing = new(
        id: "PN2010",
        title: "Type of a string format is missing",
        messageFormat: "Format '{0}' maps to {1}, but the compilation has no type '{2}'; reference the assembly that defines it, or remove the format",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "PN2010.md");

    /// <summary>Every descriptor, by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = new Dictionary<string, DiagnosticDescriptor>
    {
        [InvalidJson.Id] = InvalidJson,
        [UnsupportedType.Id] = UnsupportedType,
        [UnresolvedReference.Id] = UnresolvedReference,
        [UnsupportedKeyword.Id] = UnsupportedKeyword,
        [InvalidEnum.Id] = InvalidEnum,
        [DuplicateName.Id] = DuplicateName,
        [InvalidName.Id] = InvalidName,
        [UndeclaredRequiredMember.Id] = UndeclaredRequiredMember,
        [InvalidKeywordValue.Id] = InvalidKeywordValue,
        [FormatTypeMissing.Id] = FormatTypeMissing,
    };
}
