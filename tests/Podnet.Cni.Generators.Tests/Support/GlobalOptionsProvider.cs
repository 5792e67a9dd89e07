using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Podnet.Cni.Generators.Tests.Support;

/// <summary>Supplies <c>build_property.*</c> values the way MSBuild does for <c>CompilerVisibleProperty</c>.</summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    public GlobalOptionsProvider(IReadOnlyDictionary<string, string> values)
    {
        GlobalOptions = new DictionaryOptions(values);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
