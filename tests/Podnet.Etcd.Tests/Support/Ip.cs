using System.Diagnostics;

namespace Podnet.Etcd.Tests.Support;

/// <summary>Runs iproute2 to build test topologies inside the tests' own namespaces.</summary>
internal static class Ip
{
    /// <summary>Runs <c>ip ARGS</c>; fails the test on a non-zero exit.</summary>
    public static async Task RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("ip") { RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process ip = Process.Start(info) ?? throw new InvalidOperationException("could not start ip");
        string error = await ip.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await ip.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(ip.ExitCode == 0, $"ip {string.Join(' ', arguments)}: {error}");
    }
}
