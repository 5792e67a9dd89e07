using System.Reflection;
using Podnet.Testing.Fuzzing;

namespace Podnet.Netlink.Tests.Fuzzing;

/// <summary>Every generated netlink parser: the <see cref="INetlinkSerializable{TSelf}"/> implementations of Podnet.Netlink.</summary>
internal static class NetlinkParsers
{
    /// <summary>How many attribute sets Podnet.Netlink declares; a new one must get corpus seeds and raise this.</summary>
    public const int ExpectedCount = 29;

    public static IReadOnlyList<Type> Types { get; } =
    [
        .. typeof(INetlinkSerializable<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INetlinkSerializable<>) && i.GenericTypeArguments[0] == t))
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    public static TheoryData<string> Names => [.. Types.Select(t => t.Name)];

    public static Type Find(string name) => Types.Single(t => t.Name == name);

    /// <summary><c>T.Read</c> as a delegate.</summary>
    public static SpanParser For(Type type) =>
        typeof(NetlinkParsers).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .CreateDelegate<SpanParser>();

    private static object Read<T>(ReadOnlySpan<byte> input)
        where T : INetlinkSerializable<T> => T.Read(input);
}
