using System.Reflection;
using Podnet.Cni.Schema;
using Podnet.Cni.Tests.Ipam.Support;
using Podnet.Testing.Fuzzing;

namespace Podnet.Cni.Tests.Fuzzing;

/// <summary>Every generated JSON reader: the types of <c>Podnet.Cni.Schema</c> with <c>static T Parse(ReadOnlySpan&lt;byte&gt;)</c>.</summary>
internal static class CniReaders
{
    /// <summary>How many schema object types the generator emits; a new one must get corpus seeds and raise this.</summary>
    public const int ExpectedCount = 24;

    public static IReadOnlyList<Type> Types { get; } =
    [
        .. typeof(CniDecodeException).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CniDecodeException).Namespace && ParseMethod(t) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    public static TheoryData<string> Names => [.. Types.Select(t => t.Name)];

    public static Type Find(string name) => Types.Single(t => t.Name == name);

    /// <summary><c>T.Parse</c> as a delegate.</summary>
    public static SpanParser For(Type type) => ParseMethod(type)!.CreateDelegate<SpanParser>();

    private static MethodInfo? ParseMethod(Type type)
    {
        MethodInfo? parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(ReadOnlySpan<byte>)]);
        return parse is not null && parse.ReturnType == type && !type.IsValueType ? parse : null;
    }
}
