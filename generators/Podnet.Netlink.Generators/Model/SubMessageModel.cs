using Podnet.Generators;

namespace Podnet.Netlink.Generators.Model;

/// <summary>A sub-message: the payload type is chosen by the string value of a sibling member.</summary>
/// <param name="SelectorName">The selector member, as a C# identifier.</param>
/// <param name="Cases">The known selector values, in declaration order, without duplicate values.</param>
internal sealed record SubMessageModel(string SelectorName, EquatableArray<SubMessageCaseModel> Cases);
