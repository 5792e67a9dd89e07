using System.Collections.Immutable;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>The outcome of parsing one attribute set: the model (null if the whole set is skipped) and every problem found.</summary>
/// <param name="Model">The model to emit; members with problems are left out of it.</param>
/// <param name="Problems">The problems, in declaration order.</param>
internal sealed record AttributeSetParseResult(AttributeSetModel? Model, ImmutableArray<AttributeSetProblem> Problems);
