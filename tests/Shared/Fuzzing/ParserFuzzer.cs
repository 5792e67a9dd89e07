using System.Diagnostics;
using CsCheck;

namespace Podnet.Testing.Fuzzing;

/// <summary>
/// Fuzzes one parser with CsCheck for a time or a number of inputs (<see cref="FuzzAmount"/>): random bytes and mutated corpus seeds. Every input must either
/// parse or throw <paramref name="allowedException"/>; anything else (another exception type, a crash, an input that
/// runs longer than <paramref name="inputTimeout"/>, default <see cref="FuzzBudget.InputTimeout"/>) fails with the input in hex.
/// </summary>
public sealed class ParserFuzzer(string typeName, SpanParser parser, Type allowedException, MutationStyle style, TimeSpan? inputTimeout = null)
{
    private readonly TimeSpan _inputTimeout = inputTimeout ?? FuzzBudget.InputTimeout;

    private readonly Lock _watch = new();
    private byte[]? _current;
    private long _currentStarted;
    private long _inputs;
    private long _accepted;

    /// <summary>Inputs tried so far.</summary>
    public long Inputs => Interlocked.Read(ref _inputs);

    /// <summary>Inputs that parsed without error.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Runs <paramref name="amount"/>; returns normally only if no input failed.</summary>
    public void Run(IReadOnlyList<FuzzSeed> seeds, IReadOnlyList<FuzzSeed> spliceSources, FuzzAmount amount)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(spliceSources);
        if (seeds.Count == 0)
        {
            throw new InvalidOperationException($"{typeName} has no corpus seeds");
        }

        Gen<byte[]> random = Gen.Byte.Array[0, 256];
        Gen<byte[]> mutated = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, spliceSources.Count - 1], Gen.Int.Array[1, 32])
            .Select((s, o, choices) => InputMutator.Mutate(seeds[s].Bytes, spliceSources[o].Bytes, choices, style));
        Gen<byte[]> inputs = Gen.Frequency((1, random), (3, mutated));

        Exception? failure = null;
        var fuzzing = new Thread(() =>
        {
            try
            {
                if (amount.Seconds > 0)
                {
                    inputs.Sample(Parse, time: amount.Seconds, threads: 1, print: Convert.ToHexString);
                }
                else
                {
                    inputs.Sample(Parse, iter: amount.Inputs, threads: 1, print: Convert.ToHexString);
                }
            }
#pragma warning disable CA1031 // The failure is handed to the test thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        })
        {
            IsBackground = true, // a hung parser must not keep the test host alive
            Name = "fuzz " + typeName,
        };
        fuzzing.Start();

        // The budget, plus CsCheck's shrinking of a failure, plus slack for a loaded machine.
        var deadline = Stopwatch.StartNew();
        TimeSpan limit = TimeSpan.FromSeconds(amount.Seconds) + TimeSpan.FromSeconds(60);
        while (!fuzzing.Join(TimeSpan.FromMilliseconds(100)))
        {
            (byte[]? input, TimeSpan running) = Current();
            if (input is not null && running > _inputTimeout)
            {
                throw new TimeoutException($"{typeName}: one input ran for {running.TotalSeconds:F1} s (hang): {Convert.ToHexString(input)}");
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"{typeName}: fuzzing did not finish within {limit}");
            }
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"{typeName}: {failure.Message}", failure);
        }
    }

    private void Parse(byte[] input)
    {
        lock (_watch)
        {
            _current = input;
            _currentStarted = Stopwatch.GetTimestamp();
        }

        Interlocked.Increment(ref _inputs);
        try
        {
            _ = parser(input);
            Interlocked.Increment(ref _accepted);
        }
        catch (Exception e) when (e.GetType() == allowedException)
        {
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{typeName} threw {e.GetType().FullName} (only {allowedException.FullName} is allowed) for {Convert.ToHexString(input)}: {e}", e);
        }
        finally
        {
            lock (_watch)
            {
                _current = null;
            }
        }
    }

    private (byte[]? Input, TimeSpan Running) Current()
    {
        lock (_watch)
        {
            return (_current, _current is null ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_currentStarted));
        }
    }
}
