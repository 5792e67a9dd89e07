namespace Podnet.Cni.Tests.Support;

/// <summary>
/// A unique directory under the temp directory, removed on dispose. Named by <see cref="Podnet.Netlink.Testing.TestNames"/>
/// (<c>pn-t-PID-N-cni</c>), so what a killed run leaves (a timed-out mutant's test process) is reclaimed by the next run.
/// </summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = Podnet.Netlink.Testing.TestNames.CreateDirectory("cni");
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
