using System.Text.Json;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>What one run of the command loop (in process or a real binary) produced.</summary>
internal sealed record HostOutcome(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>stdout parsed as JSON (fails the test when it is not JSON).</summary>
    public JsonElement Json
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(StandardOutput);
            return document.RootElement.Clone();
        }
    }

    /// <summary>Asserts a CNI error object with <paramref name="code"/> and exit code 1, and returns it.</summary>
    public JsonElement AssertError(int code)
    {
        Assert.True(ExitCode == 1, $"expected exit code 1, got {ExitCode}; stdout: {StandardOutput}; stderr: {StandardError}");
        JsonElement error = Json;
        Assert.True(
            error.TryGetProperty("code", out JsonElement actual) && actual.GetInt32() == code,
            $"expected error code {code}; stdout: {StandardOutput}");
        Assert.Equal(JsonValueKind.String, error.GetProperty("msg").ValueKind);
        return error;
    }

    /// <summary>The <c>msg</c> of an error object.</summary>
    public string Message => Json.GetProperty("msg").GetString()!;
}
