namespace Podnet.Agent;

/// <summary>
/// The agent's log: one line per event on stderr, <c>2026-12-07T11:12:13.456Z level message</c>, written whole so that
/// lines from concurrent tasks never interleave.
/// </summary>
public static class Log
{
    private static readonly Lock s_gate = new();

    /// <summary>Something happened that an operator may want to know.</summary>
    public static void Info(string message) => Write("info", message);

    /// <summary>Something is wrong but the agent carries on (bad data skipped, store unreachable).</summary>
    public static void Warn(string message) => Write("warn", message);

    /// <summary>The agent cannot go on.</summary>
    public static void Error(string message) => Write("error", message);

    private static void Write(string level, string message)
    {
        string line = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {level} {message}";
        lock (s_gate)
        {
            Console.Error.WriteLine(line);
        }
    }
}
