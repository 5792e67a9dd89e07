namespace Podnet.Netlink.Generators.Emitting;

/// <summary>One generated file.</summary>
/// <param name="HintName">The file name passed to <c>AddSource</c>.</param>
/// <param name="Text">The C# text.</param>
internal sealed record GeneratedSource(string HintName, string Text);
