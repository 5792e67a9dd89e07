using System.Text.Json;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>What one libcni driver run produced.</summary>
public sealed class LibcniOutcome
{
    /// <summary>Exit code of a failure that carries a CNI error.</summary>
    public const int CniErrorExitCode = 2;

    /// <summary>Exit code of <see cref="LibcniCommand.Cached"/> when nothing is cached.</summary>
    public const int NoCachedResultExitCode = 3;

    /// <summary>Exit code of a command-line error.</summary>
    public const int UsageExitCode = 64;

    /// <summary>Wraps a finished driver process.</summary>
    public LibcniOutcome(LibcniCommand command, ProcessOutcome process)
    {
        Command = command;
        Process = process;
        if (process.ExitCode == CniErrorExitCode)
        {
            (CniErrorCode, CniErrorMessage) = ReadCniError(process.Stderr);
        }
    }

    /// <summary>The verb that ran.</summary>
    public LibcniCommand Command { get; }

    /// <summary>The raw process outcome.</summary>
    public ProcessOutcome Process { get; }

    /// <summary>The driver's exit code.</summary>
    public int ExitCode => Process.ExitCode;

    /// <summary>The result JSON (add, cached, validate) or empty.</summary>
    public string Stdout => Process.Stdout;

    /// <summary>Whether libcni reported success.</summary>
    public bool Succeeded => Process.ExitCode == 0;

    /// <summary>The CNI error code a plugin returned, when the failure carried a CNI error.</summary>
    public uint? CniErrorCode { get; }

    /// <summary>The CNI error's <c>msg</c>, when the failure carried a CNI error.</summary>
    public string? CniErrorMessage { get; }

    /// <inheritdoc/>
    public override string ToString() => $"libcni-driver {Command.ToString().ToLowerInvariant()}: {Process}";

    private static (uint?, string?) ReadCniError(string stderr)
    {
        // The driver writes the error's JSON {code,msg,details} as the first line of stderr.
        string firstLine = stderr.Split('\n', 2)[0];
        try
        {
            using JsonDocument document = JsonDocument.Parse(firstLine);
            JsonElement root = document.RootElement;
            uint? code = root.TryGetProperty("code", out JsonElement c) && c.TryGetUInt32(out uint value) ? value : null;
            string? message = root.TryGetProperty("msg", out JsonElement m) ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
