using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>
/// The Go program in tests/interop/libcni-driver: the reference CNI runtime library (libcni) driving plugins
/// the way container runtimes do, so any plugin can be checked against it.
/// </summary>
public sealed class LibcniDriver
{
    /// <summary>How long a build or a driver run may take.</summary>
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim s_buildLock = new(1, 1);
    private static string? s_builtBinary;

    private LibcniDriver(string binaryPath) => BinaryPath = binaryPath;

    /// <summary>The driver executable, artifacts/interop/libcni-driver.</summary>
    public string BinaryPath { get; }

    /// <summary>The script that builds the driver offline from Debian's Go and libcni sources.</summary>
    public static string BuildScript => Path.Combine(RepositoryRoot.Path, "tests", "interop", "build-libcni-driver.sh");

    /// <summary>
    /// Returns the driver, running its build script once per process first (a no-op when the binary is newer
    /// than its sources; a build of a few seconds when it is missing or stale).
    /// </summary>
    public static async Task<LibcniDriver> LocateAsync(CancellationToken cancellationToken)
    {
        await s_buildLock.WaitAsync(cancellationToken);
        try
        {
            if (s_builtBinary is null)
            {
                ProcessOutcome build = await OperatorCommand.RunAsync("bash", [BuildScript], timeLimit: s_timeLimit, cancellationToken: cancellationToken);
                string path = build.Stdout.Trim();
                if (build.ExitCode != 0 || !File.Exists(path))
                {
                    throw new InvalidOperationException($"building the libcni driver failed ({BuildScript}): {build}");
                }

                s_builtBinary = path;
            }

            return new LibcniDriver(s_builtBinary);
        }
        finally
        {
            s_buildLock.Release();
        }
    }

    /// <summary>Runs one driver verb, inside <see cref="LibcniRuntimeConf.Node"/> when it is set.</summary>
    public async Task<LibcniOutcome> RunAsync(LibcniCommand command, LibcniRuntimeConf runtimeConf, CancellationToken cancellationToken)
    {
        string[] arguments = [command.ToString().ToLowerInvariant(), .. runtimeConf.ToArguments()];
        ProcessOutcome process = await OperatorCommand.RunAsync(
            BinaryPath, arguments, runtimeConf.Node?.Path, timeLimit: s_timeLimit, cancellationToken: cancellationToken);
        return new LibcniOutcome(command, process);
    }

    /// <summary>Runs the driver with raw arguments (for tests of the driver's own command line).</summary>
    public Task<ProcessOutcome> RunRawAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync(BinaryPath, arguments, timeLimit: s_timeLimit, cancellationToken: cancellationToken);
}
