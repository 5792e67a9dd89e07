using System.Globalization;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>How many killed ADDs the fault test runs: <c>PODNET_FAULT_ITERATIONS</c>, 200 by default.</summary>
internal static class FaultIterations
{
    public const int Default = 200;

    public static int Count
    {
        get
        {
            string? text = Environment.GetEnvironmentVariable("PODNET_FAULT_ITERATIONS");
            return string.IsNullOrWhiteSpace(text)
                ? Default
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > 0
                    ? count
                    : throw new InvalidOperationException($"PODNET_FAULT_ITERATIONS must be a positive integer, not \"{text}\"");
        }
    }
}
