using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// One rule an attribute set breaks, found by <see cref="AttributeSetParser"/>. The analyzer reports it as the
/// diagnostic that <see cref="Diagnostics.ProblemDescriptors"/> maps its <see cref="Kind"/> to; the generator only
/// looks at whether the set has any error. Never part of the generator model.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Location">Where the diagnostic points.</param>
/// <param name="Arguments">The arguments of the diagnostic's message format.</param>
/// <param name="AdditionalLocations">Other syntax involved (for example the set inside a non-partial container).</param>
/// <param name="Properties">Diagnostic properties a code fix reads (for example a free attribute type).</param>
internal sealed record AttributeSetProblem(
    AttributeSetProblemKind Kind,
    Location Location,
    ImmutableArray<string> Arguments,
    ImmutableArray<Location> AdditionalLocations = default,
    ImmutableDictionary<string, string?>? Properties = null)
{
    /// <summary>Creates a problem with message arguments.</summary>
    public static AttributeSetProblem Create(AttributeSetProblemKind kind, Location location, params string[] arguments) =>
        new(kind, location, ImmutableArray.Create(arguments));
}
