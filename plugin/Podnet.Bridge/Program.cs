using Podnet.Bridge.Cli;
using Podnet.Bridge.Install;
using Podnet.Node;
using Podnet.Node.Installation;
using Podnet.Cni;

namespace Podnet.Bridge;

/// <summary>
/// Entry point. With <c>CNI_COMMAND</c> set, <c>podnet</c> is a CNI plugin (environment + stdin in, JSON out);
/// otherwise it is an operator tool: <c>install</c>, <c>routes sync</c>, <c>version</c>.
/// </summary>
internal static class Program
{
    private const string Usage =
        """
        usage:
          podnet                          (run by a container runtime, with CNI_COMMAND set: the CNI plugin)
          podnet install ...              install the plugin and a conflist on this node
          podnet routes sync --cluster FILE --node NAME [--watch]
                                          route every other node's pod subnets via that node
          podnet version
        """;

    private static int Main(string[] args)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CNI_COMMAND")))
        {
            return CniPluginHost.Run(new BridgePlugin());
        }

        try
        {
            return args switch
            {
                [] => PrintUsage(Console.Error, exitCode: 0),
                ["version" or "--version"] => PrintVersion(),
                ["version", "--help" or "-h"] => PrintUsage(Console.Out, exitCode: 0),
                ["help" or "--help" or "-h"] => PrintUsage(Console.Out, exitCode: 0),
                ["install", .. var rest] => InstallCommand.Run(rest, Console.Out),
                ["routes", "sync", .. var rest] => Routing.RouteSyncCommand.Run(rest, Console.Out),
                _ => throw new UsageException($"unknown command: {string.Join(' ', args)}"),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"podnet: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (InstallException e)
        {
            Console.Error.WriteLine($"podnet install: {e.Message}");
            return 1;
        }
    }

    private static int PrintVersion()
    {
        Console.Out.WriteLine($"podnet {PodnetVersion.Text}");
        Console.Out.WriteLine($"CNI protocol versions supported: {string.Join(", ", CniVersion.Supported)}");
        return 0;
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine(PodnetVersion.About);
        writer.WriteLine($"CNI protocol versions supported: {string.Join(", ", CniVersion.Supported)}");
        writer.WriteLine(Usage);
        return exitCode;
    }
}
