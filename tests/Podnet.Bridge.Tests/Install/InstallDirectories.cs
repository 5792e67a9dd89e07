using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Install;

/// <summary>Private stand-ins for <c>/opt/cni/bin</c> and <c>/etc/cni/net.d</c>, deleted on dispose.</summary>
public sealed class InstallDirectories : IDisposable
{
    private readonly string _root = Podnet.Netlink.Testing.TestNames.CreateDirectory("install");

    /// <summary>The CNI bin directory (not created: <c>podnet install</c> creates it).</summary>
    public string BinDirectory => Path.Combine(_root, "opt", "cni", "bin");

    /// <summary>The CNI configuration directory (not created either).</summary>
    public string ConfDirectory => Path.Combine(_root, "etc", "cni", "net.d");

    /// <summary>Where the conflist goes by default.</summary>
    public string ConflistPath => Path.Combine(ConfDirectory, "10-podnet.conflist");

    /// <summary>Where the binary goes.</summary>
    public string BinaryPath => Path.Combine(BinDirectory, "podnet");

    /// <summary>A scratch file path inside the temporary root.</summary>
    public string File(string name) => Path.Combine(_root, name);

    /// <summary><c>--bin-dir … --conf-dir …</c> followed by <paramref name="more"/>.</summary>
    public string[] Arguments(params string[] more) => ["install", "--bin-dir", BinDirectory, "--conf-dir", ConfDirectory, .. more];

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_root, recursive: true);
}
