using Microsoft.CodeAnalysis.Text;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

/// <summary>A diagnostic ID expected on an exact span of the test source.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span)
{
    public override string ToString() => $"{Id} at {Span}";
}
