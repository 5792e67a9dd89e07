using System.Collections.Generic;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Emitting;

/// <summary>Snippets shared by the size, write and read code of sub-message members.</summary>
internal static class SubMessageCode
{
    /// <summary>The pattern variable of a type-switch case.</summary>
    public const string CaseLocal = "data";

    /// <summary>The case types in declaration order, each once (two selector values may share a type).</summary>
    public static IEnumerable<string> DistinctCaseTypes(AttributeMemberModel member)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (SubMessageCaseModel subCase in member.SubMessage!.Cases)
        {
            if (seen.Add(subCase.TypeName))
            {
                yield return subCase.TypeName;
            }
        }
    }

    /// <summary>The statement thrown when the member holds an object of a type no case declares.</summary>
    public static string ThrowNotACase(AttributeMemberModel member) =>
        $"throw new {RuntimeNames.InvalidOperation}(\"{member.Name.TrimStart('@')} holds a type that no [NetlinkSubMessageCase] declares.\");";

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string Literal(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
