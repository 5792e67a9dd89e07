using Podnet.Testing.Fuzzing;

namespace Podnet.Netlink.Tests.Fuzzing;

/// <summary>The fuzzing harness itself must catch what it claims to catch: a wrong exception type and a hang.</summary>
public sealed class ParserFuzzerSelfTests
{
    private static readonly FuzzSeed[] s_seeds = [new("seed", [8, 0, 1, 0, 1, 2, 3, 4])];

    [Fact]
    public void An_unexpected_exception_type_fails_the_run()
    {
        var fuzzer = new ParserFuzzer("Fake", input => input.Length > 6 ? throw new IndexOutOfRangeException() : new object(), typeof(NetlinkParseException), MutationStyle.Netlink);
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => fuzzer.Run(s_seeds, s_seeds, seconds: 1));
        Assert.Contains(nameof(IndexOutOfRangeException), failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_allowed_exception_passes()
    {
        var fuzzer = new ParserFuzzer("Fake", input => input.Length > 6 ? throw new NetlinkParseException("bad") : new object(), typeof(NetlinkParseException), MutationStyle.Netlink);
        fuzzer.Run(s_seeds, s_seeds, seconds: 1);
        Assert.True(fuzzer.Inputs > 100);
    }

    [Fact]
    public void A_hanging_input_fails_the_run()
    {
        var fuzzer = new ParserFuzzer("Fake", input => { if (input.Length > 6) { Thread.Sleep(Timeout.Infinite); } return new object(); }, typeof(NetlinkParseException), MutationStyle.Netlink, TimeSpan.FromMilliseconds(500));
        Assert.Throws<TimeoutException>(() => fuzzer.Run(s_seeds, s_seeds, seconds: 1));
    }
}
