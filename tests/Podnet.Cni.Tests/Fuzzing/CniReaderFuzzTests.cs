using Podnet.Cni.Schema;
using Podnet.Cni.Tests.Ipam.Support;
using Podnet.Testing.Fuzzing;

namespace Podnet.Cni.Tests.Fuzzing;

/// <summary>
/// Every generated CNI JSON reader gets random bytes and mutations of the SPEC.md examples and schema-shaped seeds
/// (tests/fuzz-corpus/cni): it must throw nothing but <see cref="CniDecodeException"/>. Budget:
/// <see cref="FuzzBudget.PerType"/> (one second per type; a fixed number of inputs in the unit loop).
/// </summary>
public sealed class CniReaderFuzzTests
{
    private const string Area = "cni";

    [Fact]
    public void Every_generated_reader_is_discovered_and_has_seeds()
    {
        Assert.Equal(CniReaders.ExpectedCount, CniReaders.Types.Count);
        Assert.All(CniReaders.Types, t => Assert.NotEmpty(FuzzCorpus.Load(Area, t.Name)));
        string[] directories = [.. Directory.EnumerateDirectories(FuzzCorpus.AreaDirectory(Area)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(CniReaders.Types.Select(t => t.Name).Order(StringComparer.Ordinal), directories);
    }

    [Theory]
    [MemberData(nameof(CniReaders.Names), MemberType = typeof(CniReaders))]
    public void Every_seed_parses(string typeName)
    {
        SpanParser parse = CniReaders.For(CniReaders.Find(typeName));
        foreach (FuzzSeed seed in FuzzCorpus.Load(Area, typeName))
        {
            Assert.NotNull(parse(seed.Bytes));
        }
    }

    [Theory]
    [MemberData(nameof(CniReaders.Names), MemberType = typeof(CniReaders))]
    public void Reader_throws_only_CniDecodeException_on_random_and_mutated_input(string typeName)
    {
        var fuzzer = new ParserFuzzer(typeName, CniReaders.For(CniReaders.Find(typeName)), typeof(CniDecodeException), MutationStyle.Json);
        fuzzer.Run(FuzzCorpus.Load(Area, typeName), FuzzCorpus.LoadAll(Area), FuzzBudget.PerType);
        TestContext.Current.TestOutputHelper?.WriteLine($"{typeName}: {fuzzer.Inputs} inputs, {fuzzer.Accepted} parsed");
        Assert.True(fuzzer.Inputs > 0);
    }
}
