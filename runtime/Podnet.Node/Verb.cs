namespace Podnet.Node;

/// <summary>
/// One operator command of <c>podnet</c> or <c>podnetd</c> with its synopsis. <c>--help</c> prints the synopsis on
/// stdout and exits 0; a mistake on the command line prints the mistake and the synopsis on stderr and exits 2.
/// </summary>
/// <param name="Program">The executable's name, for messages (<c>podnetd</c>).</param>
/// <param name="Name">The verb as typed (<c>network init</c>).</param>
/// <param name="Usage">The synopsis, one or more lines.</param>
/// <param name="Flags">The options that take no value.</param>
/// <param name="Options">Every option the verb accepts, flags included.</param>
public sealed record Verb(string Program, string Name, string Usage, IReadOnlySet<string> Flags, IReadOnlySet<string> Options)
{
    /// <summary>Exit code of a command-line mistake.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Parses <paramref name="args"/> and runs <paramref name="body"/>; returns the exit code.</summary>
    public int Run(IEnumerable<string> args, Func<CommandLine, int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            CommandLine line = CommandLine.Parse(args, Flags);
            if (line.HelpRequested)
            {
                Console.Out.WriteLine("usage:");
                Console.Out.WriteLine(Usage);
                return 0;
            }

            line.RejectUnknown(Options);
            if (line.Positionals.Count > 0)
            {
                throw new UsageException($"unexpected argument {line.Positionals[0]}");
            }

            return body(line);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"{Program} {Name}: {e.Message}");
            Console.Error.WriteLine("usage:");
            Console.Error.WriteLine(Usage);
            return UsageExitCode;
        }
    }
}
