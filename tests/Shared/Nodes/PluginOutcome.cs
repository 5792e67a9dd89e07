using System.Text.Json;
using System.Text.Json.Nodes;
using Podnet.Testing.Processes;

namespace Podnet.Testing.Nodes;

/// <summary>What a plugin execution produced: the exit code, stdout (JSON when the plugin behaves) and stderr.</summary>
public sealed class PluginOutcome
{
    private readonly Lazy<JsonNode?> _json;

    /// <summary>Creates the outcome.</summary>
    public PluginOutcome(PluginInvocation invocation, int exitCode, string stdout, string stderr, TimeSpan elapsed = default, bool killed = false)
    {
        Invocation = invocation;
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        Elapsed = elapsed;
        Killed = killed;
        _json = new Lazy<JsonNode?>(() => ParseOrNull(stdout));
    }

    /// <summary>The outcome of <paramref name="invocation"/> as the launcher saw it.</summary>
    internal PluginOutcome(PluginInvocation invocation, RuntimeOutcome outcome)
        : this(invocation, outcome.ExitCode, outcome.Stdout, outcome.Stderr, outcome.Elapsed, outcome.Killed)
    {
    }

    /// <summary>What was run.</summary>
    public PluginInvocation Invocation { get; }

    /// <summary>The exit status.</summary>
    public int ExitCode { get; }

    /// <summary>Everything written to stdout.</summary>
    public string Stdout { get; }

    /// <summary>Everything written to stderr.</summary>
    public string Stderr { get; }

    /// <summary>Time from the process start to its end.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True if the caller's <c>killAfter</c> SIGKILLed the plugin before it exited on its own.</summary>
    public bool Killed { get; }

    /// <summary>Exited 0 on its own.</summary>
    public bool Succeeded => !Killed && ExitCode == 0;

    /// <summary>stdout parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json => _json.Value;

    /// <summary>The result object of a successful ADD; fails the test when the plugin failed.</summary>
    public JsonObject Result
    {
        get
        {
            EnsureSuccess();
            return Json as JsonObject ?? throw new Xunit.Sdk.XunitException($"stdout is not a JSON object:\n{this}");
        }
    }

    /// <summary>Fails the test, showing everything, unless the exit code is 0.</summary>
    public PluginOutcome EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"the plugin failed:\n{this}");
        }

        return this;
    }

    /// <summary>
    /// Asserts a CNI error as the specification defines it: non-zero exit, stdout one JSON object with a string
    /// <c>cniVersion</c>, the numeric <c>code</c> <paramref name="expectedCode"/> and a non-empty <c>msg</c>.
    /// </summary>
    public PluginOutcome AssertError(int expectedCode)
    {
        Assert.True(ExitCode != 0, $"expected error {expectedCode}, the plugin succeeded:\n{this}");
        if (Json is not JsonObject error)
        {
            throw new Xunit.Sdk.XunitException($"the error is not a JSON object:\n{this}");
        }

        Assert.True(error["cniVersion"] is JsonValue v && v.GetValueKind() == JsonValueKind.String, $"error without a string cniVersion:\n{this}");
        Assert.True(error["msg"] is JsonValue m && m.GetValueKind() == JsonValueKind.String && m.GetValue<string>().Length > 0, $"error without msg:\n{this}");
        Assert.True(error["code"] is JsonValue c && c.GetValueKind() == JsonValueKind.Number, $"error without a numeric code:\n{this}");
        Assert.True(ErrorCode == expectedCode, $"expected error code {expectedCode}, got {ErrorCode}:\n{this}");
        return this;
    }

    /// <summary>The <c>code</c> of an error object, or null.</summary>
    public int? ErrorCode => Json is JsonObject o && o["code"] is JsonValue c && c.TryGetValue(out int code) ? code : null;

    /// <summary>The error <c>msg</c>, or null.</summary>
    public string? ErrorMessage => Json is JsonObject o && o["msg"] is JsonValue m && m.TryGetValue(out string? text) ? text : null;

    /// <inheritdoc/>
    public override string ToString() => Killed
        ? $"$ {Invocation}\nkilled after {Elapsed.TotalMilliseconds:F1} ms"
        : $"$ {Invocation}\nexit {ExitCode} after {Elapsed.TotalMilliseconds:F1} ms\nstdout: {Stdout}\nstderr: {Stderr}";

    private static JsonNode? ParseOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
