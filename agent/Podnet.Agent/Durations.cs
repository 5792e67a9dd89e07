using System.Globalization;
using Podnet.Node;

namespace Podnet.Agent;

/// <summary>Durations on the command line as Go writes them: <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>24h</c>, <c>1h30m</c>.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string option, string text)
    {
        TimeSpan total = TimeSpan.Zero;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            int unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (unitStart == start || !double.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
            {
                throw new UsageException($"--{option} {text}: expected a duration such as 10s, 5m or 24h");
            }

            total += text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => throw new UsageException($"--{option} {text}: unknown unit '{text[unitStart..i]}' (use ms, s, m or h)"),
            };
        }

        return total > TimeSpan.Zero ? total : throw new UsageException($"--{option} {text}: must be positive");
    }
}

/// <summary><c>--flag=true|false</c> values.</summary>
internal static class Booleans
{
    public static bool Parse(string option, string text) => text switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new UsageException($"--{option} {text}: expected true or false"),
    };
}
