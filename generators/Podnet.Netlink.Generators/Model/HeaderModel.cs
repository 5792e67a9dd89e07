namespace Podnet.Netlink.Generators.Model;

/// <summary>The fixed header member of an attribute set.</summary>
/// <param name="Name">The member name as a C# identifier.</param>
/// <param name="TypeName">The <c>global::</c>-qualified unmanaged struct type.</param>
internal sealed record HeaderModel(string Name, string TypeName);
