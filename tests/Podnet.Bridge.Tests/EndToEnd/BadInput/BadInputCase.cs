using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.BadInput;

/// <summary>One malformed or impossible request and the CNI error code the plugin must answer it with.</summary>
/// <param name="ExpectedCode">The error code.</param>
/// <param name="Build">Builds the invocation against the shared node.</param>
public sealed record BadInputCase(int ExpectedCode, Func<BadInputResidents, PluginInvocation> Build)
{
    /// <summary>Text the error's <c>msg</c> must contain, when the message matters.</summary>
    public string? Message { get; init; }

    /// <summary>The whole <c>msg</c>, where its exact wording is part of the plugin's interface (the schema states it).</summary>
    public string? ExactMessage { get; init; }
}
