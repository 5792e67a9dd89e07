namespace Podnet.Netlink.Generators.Model;

/// <summary>One case of a sub-message: when the selector equals <paramref name="Value"/>, the payload is a <paramref name="TypeName"/>.</summary>
/// <param name="Value">The selector value, for example <c>"veth"</c>.</param>
/// <param name="TypeName">The <c>global::</c>-qualified attribute set type.</param>
/// <param name="ReadsWithDepth">The case type is generated in the same assembly (parsed through <c>ReadCore</c>).</param>
internal sealed record SubMessageCaseModel(string Value, string TypeName, bool ReadsWithDepth);
