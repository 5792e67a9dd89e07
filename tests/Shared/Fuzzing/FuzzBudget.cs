using System.Globalization;

namespace Podnet.Testing.Fuzzing;

/// <summary>
/// How long each parser is fuzzed: one second per type by default (the CI budget), or <c>PODNET_FUZZ_SECONDS</c> per type
/// (<c>./build.sh fuzz</c> sets it). A single input gets <see cref="InputTimeout"/> before it counts as a hang.
/// </summary>
public static class FuzzBudget
{
    public const int DefaultSecondsPerType = 1;

    public static TimeSpan InputTimeout { get; } = TimeSpan.FromSeconds(5);

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
}
