namespace Podnet.Cni.Tests.Commands;

/// <summary>
/// One bad input for the real <c>podnet</c> binary and the exact error code it must answer with. In the configuration,
/// <c>{DATA}</c> stands for the sandbox's IPAM data directory and <c>{FILE}</c> for a regular file; environment values
/// may use them too, and a null value removes the variable.
/// </summary>
internal sealed record BadInputCase(string Name, int Code, string Config)
{
    public string Command { get; init; } = "ADD";

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text the <c>msg</c> must contain, when the message matters.</summary>
    public string? Message { get; init; }

    /// <summary>Work done before the state is recorded (real ADDs that fill the store).</summary>
    public Func<PodnetSandbox, Task>? Setup { get; init; }

    public override string ToString() => Name;
}
