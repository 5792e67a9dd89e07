using Xunit.v3;

namespace Podnet.Testing.Traits;

/// <summary>
/// Marks tests that need root or the kernel: netlink sockets, network namespaces, the published <c>podnet</c> and
/// <c>podnetd</c> binaries, etcd, QEMU or the reference (Go) CNI plugins. <c>./build.sh test unit</c> runs every test
/// without it, as an unprivileged user may; <c>./build.sh test</c> runs all. Put it on the class (on its own line
/// directly above the declaration), or on the assembly for a project that is kernel-bound throughout.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class KernelAttribute : Attribute, ITraitAttribute
{
    /// <summary>The trait name that <c>build.sh</c> filters on.</summary>
    public const string TraitName = "Category";

    /// <summary>The trait value of every test that needs root or the kernel.</summary>
    public const string TraitValue = "Kernel";

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, TraitValue)];
}
