using Podnet.Testing.Fuzzing;

namespace Podnet.Netlink.Tests.Fuzzing;

/// <summary>The fuzzing harness itself must catch what it claims to catch: a wrong exception type and a hang.</summary>
public sealed class ParserFuzzerSelfTests
{
    private static readonly FuzzSeed[] s_seeds = [new("seed", [8, 0, 1, 0, 1, 2, 3, 4])];

    /// <summary>Both kinds of budget: a time (the full run) and a number of inputs (the unit loop).</summary>
    public static TheoryData<string> Amounts { get; } = new("1 s", "2000 inputs");

    [Theory]
    [MemberData(nameof(Amounts))]
    public void An_unexpected_exception_type_fails_the_run(string amount)
    {
        var fuzzer = new ParserFuzzer("Fake", input => input.Length > 6 ? throw new IndexOutOfRangeException() : new object(), typeof(NetlinkParseException), MutationStyle.Netlink);
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => fuzzer.Run(s_seeds, s_seeds, Parse(amount)));
        Assert.Contains(nameof(IndexOutOfRangeException), failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Amounts))]
    public void The_allowed_exception_passes(string amount)
    {
        var fuzzer = new ParserFuzzer("Fake", input => input.Length > 6 ? throw new NetlinkParseException("bad") : new object(), typeof(NetlinkParseException), MutationStyle.Netlink);
        fuzzer.Run(s_seeds, s_seeds, Parse(amount));
        Assert.True(fuzzer.Inputs > 100);
        if (Parse(amount).Inputs > 0)
        {
            Assert.Equal(Parse(amount).Inputs, fuzzer.Inputs);
        }
    }

    [Theory]
    [MemberData(nameof(Amounts))]
    public void A_hanging_input_fails_the_run(string amount)
    {
        var fuzzer = new ParserFuzzer("Fake", input => { if (input.Length > 6) { Thread.Sleep(Timeout.Infinite); } return new object(); }, typeof(NetlinkParseException), MutationStyle.Netlink, TimeSpan.FromMilliseconds(500));
        Assert.Throws<TimeoutException>(() => fuzzer.Run(s_seeds, s_seeds, Parse(amount)));
    }

    private static FuzzAmount Parse(string amount) => amount.Split(' ') switch
    {
        [string seconds, "s"] => FuzzAmount.OfSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
        [string inputs, "inputs"] => FuzzAmount.OfInputs(int.Parse(inputs, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(amount, nameof(amount)),
    };
}
