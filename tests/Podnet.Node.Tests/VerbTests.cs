
namespace Podnet.Node.Tests;

[Collection(nameof(ConsoleCollection))]
public sealed class VerbTests
{
    private static readonly Verb s_verb = new("tool", "thing", "  tool thing --name N [--flag]", new HashSet<string> { "flag" }, new HashSet<string> { "name", "flag" });

    [Theory]
    [InlineData("--help")]
    [InlineData("--name x -h")]
    [InlineData("--bogus 1 --help")]
    public void Help_prints_the_verbs_usage_on_stdout_and_exits_0(string line)
    {
        (int code, string stdout, string stderr) = Capture(() => s_verb.Run(line.Split(' '), _ => throw new InvalidOperationException("must not run")));
        Assert.Equal(0, code);
        Assert.Equal("usage:\n  tool thing --name N [--flag]\n", stdout);
        Assert.Empty(stderr);
    }

    [Theory]
    [InlineData("--bogus 1", "tool thing: unknown option --bogus")]
    [InlineData("--name", "tool thing: option --name needs a value")]
    [InlineData("stray", "tool thing: unexpected argument stray")]
    [InlineData("", "tool thing: missing required option --name")]
    public void A_mistake_prints_it_and_the_usage_on_stderr_and_exits_2(string line, string message)
    {
        (int code, string stdout, string stderr) = Capture(() => s_verb.Run(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), l => l.Require("name").Length));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith(message + "\nusage:\n  tool thing", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_line_runs_the_body()
    {
        (int code, _, _) = Capture(() => s_verb.Run(["--name=abc", "--flag"], line => line.Has("flag") ? line.Require("name").Length : -1));
        Assert.Equal(3, code);
    }

    private static (int Code, string Stdout, string Stderr) Capture(Func<int> run)
    {
        TextWriter stdout = Console.Out, stderr = Console.Error;
        using var o = new StringWriter { NewLine = "\n" };
        using var e = new StringWriter { NewLine = "\n" };
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            return (run(), o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
