using Podnet.Testing.Repository;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>
/// The published NativeAOT <c>podnetd</c> (<c>PODNETD_BINARY</c>, else <c>artifacts/bin/podnetd</c>), with the
/// published <c>podnet</c> next to it, which podnetd installs into its CNI bin directory as the DaemonSet does.
/// </summary>
internal static class AgentBinaries
{
    /// <summary>The podnetd binary; fails with instructions when it has not been published.</summary>
    public static string Podnetd
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("PODNETD_BINARY");
            string path = !string.IsNullOrEmpty(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : Path.Combine(RepositoryRoot.Path, "artifacts", "bin", "podnetd");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"podnetd is missing at {path}: run ./build.sh publish (or set PODNETD_BINARY)", path);
            }

            if (!File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "podnet")))
            {
                throw new FileNotFoundException($"podnet is missing next to {path}: run ./build.sh publish");
            }

            return path;
        }
    }
}
