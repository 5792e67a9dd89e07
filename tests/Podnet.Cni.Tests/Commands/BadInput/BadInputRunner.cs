using System.Text.Json;

namespace Podnet.Cni.Tests.Commands;

/// <summary>Runs one corpus case in a fresh sandbox and checks the code and that nothing changed.</summary>
internal static class BadInputRunner
{
    public static async Task RunAsync(BadInputCase badInput)
    {
        using PodnetSandbox sandbox = PodnetSandbox.Create();
        if (badInput.Setup is not null)
        {
            await badInput.Setup(sandbox);
        }

        SandboxState before = sandbox.State();
        Dictionary<string, string> environment = sandbox.Environment(badInput.Command);
        foreach ((string name, string? value) in badInput.Environment)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = Substitute(value, sandbox);
            }
        }

        HostOutcome outcome = await sandbox.RunAsync(environment, Substitute(badInput.Config, sandbox));

        JsonElement error = outcome.AssertError(badInput.Code);
        Assert.True(JsonShape.Has(error, "cniVersion"), outcome.StandardOutput);
        if (badInput.Message is { } message)
        {
            Assert.Contains(message, outcome.Message, StringComparison.Ordinal);
        }

        // Bad input always has a well-known code and words for a person, never an exception's type name.
        Assert.NotEqual(CniErrorCode.Internal, badInput.Code);
        if (error.TryGetProperty("details", out JsonElement details))
        {
            Assert.DoesNotMatch(@"^[\w.]*Exception$", details.GetString()!);
        }

        sandbox.State().AssertUnchangedSince(before);
    }

    private static string Substitute(string text, PodnetSandbox sandbox) =>
        text.Replace("{DATA}", sandbox.DataDirectory, StringComparison.Ordinal).Replace("{FILE}", sandbox.RegularFile, StringComparison.Ordinal);
}
