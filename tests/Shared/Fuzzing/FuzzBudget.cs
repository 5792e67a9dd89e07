using System.Globalization;

namespace Podnet.Testing.Fuzzing;

/// <summary>
/// How much random input the fuzzing and random-declaration tests get. The one switch is <c>PODNET_FUZZ_BUDGET</c>:
/// <list type="bullet">
/// <item>unset or <c>full</c> (<c>./build.sh test</c>, CI): one second per parser type, <c>PODNET_FUZZ_SECONDS</c> per
/// type when set (<c>./build.sh fuzz</c>), and every count at its full value;</item>
/// <item><c>quick</c> (<c>./build.sh test unit</c> sets it): <see cref="QuickInputsPerType"/> inputs per parser type and
/// the quick counts given to <see cref="Count"/> (docs/testing.md, "Unit tests").</item>
/// </list>
/// A single input gets <see cref="InputTimeout"/> before it counts as a hang.
/// </summary>
public static class FuzzBudget
{
    public const int DefaultSecondsPerType = 1;

    /// <summary>Inputs per parser type in the quick budget, whatever the machine's speed or load.</summary>
    public const int QuickInputsPerType = 20_000;

    public static TimeSpan InputTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether <c>PODNET_FUZZ_BUDGET=quick</c> (the unit loop).</summary>
    public static bool IsQuick
    {
        get
        {
            string? text = Environment.GetEnvironmentVariable("PODNET_FUZZ_BUDGET");
            return text switch
            {
                null or "" or "full" => false,
                "quick" => true,
                _ => throw new InvalidOperationException($"PODNET_FUZZ_BUDGET must be \"full\" or \"quick\", not \"{text}\""),
            };
        }
    }

    /// <summary>The budget of one parser type: seconds in the full budget, a number of inputs in the quick one.</summary>
    public static FuzzAmount PerType =>
        IsQuick && !HasSeconds ? FuzzAmount.OfInputs(QuickInputsPerType) : FuzzAmount.OfSeconds(SecondsPerType);

    /// <summary><paramref name="full"/>, or <paramref name="quick"/> in the quick budget.</summary>
    public static int Count(int full, int quick) => IsQuick ? quick : full;

    public static int SecondsPerType
    {
        get
        {
            string? text = Environment.GetEnvironmentVariable("PODNET_FUZZ_SECONDS");
            return string.IsNullOrWhiteSpace(text)
                ? DefaultSecondsPerType
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
                    ? seconds
                    : throw new InvalidOperationException($"PODNET_FUZZ_SECONDS must be a positive number of seconds, not \"{text}\"");
        }
    }

    private static bool HasSeconds => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PODNET_FUZZ_SECONDS"));
}
