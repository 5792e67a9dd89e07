namespace Podnet.Node;

/// <summary>
/// Minimal <c>--name value</c> / <c>--flag</c> parsing for the operator subcommands of <c>podnet</c> and
/// <c>podnetd</c>. The CNI entry point itself takes no arguments (runtimes pass everything in the environment and on
/// stdin). Run a verb through <see cref="Verb.Run"/> so that <c>--help</c> and usage errors behave alike everywhere.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    /// <summary>Whether <c>--help</c> or <c>-h</c> was given (anywhere on the line).</summary>
    public bool HelpRequested { get; private set; }

    /// <summary>Positional arguments, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> are the options that take no value.</summary>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var line = new CommandLine();
        using IEnumerator<string> e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (arg is "--help" or "-h")
            {
                line.HelpRequested = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                line.Positionals.Add(arg);
                continue;
            }

            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                line._options[arg[2..eq]] = arg[(eq + 1)..];
            }
            else if (flags.Contains(arg[2..]))
            {
                line._options[arg[2..]] = null;
            }
            else if (e.MoveNext())
            {
                line._options[arg[2..]] = e.Current;
            }
            else
            {
                throw new UsageException($"option {arg} needs a value");
            }
        }

        return line;
    }

    /// <summary>Whether the flag or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The option's value, or <paramref name="fallback"/>.</summary>
    public string? Get(string name, string? fallback = null) =>
        _options.TryGetValue(name, out string? value) ? value ?? fallback : fallback;

    /// <summary>The option's value; a usage error when missing.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new UsageException($"missing required option --{name}");

    /// <summary>Rejects options outside <paramref name="known"/>.</summary>
    public void RejectUnknown(IReadOnlySet<string> known)
    {
        foreach (string name in _options.Keys)
        {
            if (!known.Contains(name))
            {
                throw new UsageException($"unknown option --{name}");
            }
        }
    }
}
