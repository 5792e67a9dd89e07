using Podnet.Agent.Etcd;
using Podnet.Node;

namespace Podnet.Agent;

/// <summary>
/// <c>podnetd</c>: the node agent. <c>run</c> keeps this node's routes, conflist, subnet.env and masquerade rule in
/// step with the cluster's membership (from etcd, Kubernetes or a file); the other verbs administer the etcd network.
/// </summary>
internal static class Program
{
    private const string Usage =
        """
        usage:
          podnetd run --backend etcd --etcd-endpoints URL[,URL...] --node NAME [--public-ip IP | --iface IFNAME] ...
          podnetd run --backend file --cluster FILE --node NAME ...
          podnetd network init --etcd-endpoints URLS --network CIDR [--subnet-len 24] [--etcd-prefix P]
          podnetd network reserve --etcd-endpoints URLS --subnet CIDR --public-ip IP [--etcd-prefix P]
          podnetd leave --etcd-endpoints URLS --node NAME [--etcd-prefix P]
          podnetd version
        'podnetd VERB --help' prints the options of a verb.
        """;

    private static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                [] => Print(Console.Error, Usage, 2),
                ["help" or "--help" or "-h"] => Print(Console.Out, Usage, 0),
                ["version" or "--version"] => Print(Console.Out, $"podnetd {PodnetdBuildInfo.Version}", 0),
                ["version", "--help" or "-h"] => Print(Console.Out, "usage:\n  podnetd version", 0),
                ["network"] or ["network", "--help" or "-h"] => Print(Console.Out, "usage:\n" + NetworkCommands.InitVerb.Usage + "\n" + NetworkCommands.ReserveVerb.Usage, 0),
                ["run", .. var rest] => RunCommand.Run(rest),
                ["network", "init", .. var rest] => NetworkCommands.Init(rest),
                ["network", "reserve", .. var rest] => NetworkCommands.Reserve(rest),
                ["leave", .. var rest] => NetworkCommands.Leave(rest),
                _ => throw new UsageException($"unknown command: {string.Join(' ', args)}"),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"podnetd: {e.Message}");
            Console.Error.WriteLine(Usage);
            return Verb.UsageExitCode;
        }
    }

    private static int Print(TextWriter writer, string text, int exitCode)
    {
        writer.WriteLine(text);
        return exitCode;
    }
}
