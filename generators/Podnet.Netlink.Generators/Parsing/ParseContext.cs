using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Podnet.Netlink.Generators.Parsing;

/// <summary>
/// The state of one top-level parse: the resolved types, and which nested sets were already found valid or are being
/// parsed (a cycle of nested sets is assumed valid; each set's own errors decide for it at its own top-level parse).
/// </summary>
internal sealed class ParseContext
{
    public ParseContext(KnownTypes known, CancellationToken cancellationToken)
    {
        Known = known;
        CancellationToken = cancellationToken;
    }

    public KnownTypes Known { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Sets being parsed on the current path.</summary>
    public HashSet<INamedTypeSymbol> Visiting { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Nested sets whose validity is settled within this parse.</summary>
    public Dictionary<INamedTypeSymbol, bool> Validity { get; } = new(SymbolEqualityComparer.Default);
}
