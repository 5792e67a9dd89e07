
namespace Podnet.Testing.Fuzzing;

/// <summary>A generated parser entry point (<c>Read</c> or <c>Parse</c>) bound to one type.</summary>
/// <param name="input">The whole input.</param>
/// <returns>The decoded value.</returns>
public delegate object SpanParser(ReadOnlySpan<byte> input);
