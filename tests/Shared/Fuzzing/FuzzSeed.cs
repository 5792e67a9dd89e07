
namespace Podnet.Testing.Fuzzing;

/// <summary>One corpus file.</summary>
/// <param name="Name">The file name (relative to the area for cross-type seeds).</param>
/// <param name="Bytes">The input.</param>
public sealed record FuzzSeed(string Name, byte[] Bytes)
{
    public override string ToString() => Name;
}
