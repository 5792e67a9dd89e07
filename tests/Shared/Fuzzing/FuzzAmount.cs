namespace Podnet.Testing.Fuzzing;

/// <summary>How long one fuzzing run lasts: a number of seconds, or a number of inputs (exactly one is positive).</summary>
public readonly record struct FuzzAmount
{
    private FuzzAmount(int seconds, int inputs)
    {
        Seconds = seconds;
        Inputs = inputs;
    }

    /// <summary>Seconds of fuzzing; 0 when the amount is a number of inputs.</summary>
    public int Seconds { get; }

    /// <summary>Inputs to try; 0 when the amount is a time.</summary>
    public int Inputs { get; }

    public static FuzzAmount OfSeconds(int seconds) =>
        new(seconds > 0 ? seconds : throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "must be positive"), 0);

    public static FuzzAmount OfInputs(int inputs) =>
        new(0, inputs > 0 ? inputs : throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "must be positive"));

    public override string ToString() => Seconds > 0 ? $"{Seconds} s" : $"{Inputs} inputs";
}
