namespace Podnet.Netlink.Generators.Model;

/// <summary>A type that contains the attribute set (outermost first), re-declared as <c>partial</c>.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type name as a C# identifier.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
