using System.Net;
using Podnet.Node;
using Podnet.Node.Installation;
using Podnet.Node.Routing;

namespace Podnet.Bridge.Install;

/// <summary><c>podnet install</c>: the binary into the CNI bin directory and a conflist for the node's pod subnets.</summary>
internal static class InstallCommand
{
    public const string Usage =
        """
        podnet install (--subnet CIDR[,CIDR] | --cluster FILE --node NAME)
                       [--bin-dir /opt/cni/bin] [--conf-dir /etc/cni/net.d] [--conf-name 10-podnet.conflist]
                       [--network podnet] [--bridge v-net-0] [--mtu N] [--portmap] [--force]
                       [--cni-version 1.1.0]   (1.0.0 or 0.4.0 for runtimes whose libcni predates CNI 1.1)
        """;

    public static readonly Verb Verb = new(
        "podnet",
        "install",
        Usage,
        new HashSet<string> { "force", "portmap" },
        new HashSet<string> { "subnet", "cluster", "node", "bin-dir", "conf-dir", "conf-name", "network", "bridge", "mtu", "portmap", "force", "cni-version" });

    public static int Run(IEnumerable<string> args, TextWriter stdout) => Verb.Run(args, line =>
    {
        try
        {
            return Install(line, stdout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A directory that cannot be created or a file that cannot be written: an error, not a crash.
            Console.Error.WriteLine($"podnet install: cannot write the installation ({e.GetType().Name}): {e.Message}");
            return 1;
        }
    });

    private static int Install(CommandLine line, TextWriter stdout)
    {
        IReadOnlyList<IPNetwork> subnets = ResolveSubnets(line);
        int? mtu = line.Get("mtu") is { } m
            ? int.TryParse(m, out int parsed) && parsed is >= 68 and <= 65535 ? parsed : throw new UsageException($"--mtu {m}: expected 68..65535")
            : null;
        string network = line.Get("network", "podnet")!;
        if (!Podnet.Cni.CniNames.IsValidNetworkName(network))
        {
            throw new UsageException($"--network {network}: only letters, digits, '_', '.' and '-' are allowed");
        }

        string bridge = line.Get("bridge", "v-net-0")!;
        if (Podnet.Cni.CniNames.InterfaceNameProblem(bridge) is { } problem)
        {
            throw new UsageException($"--bridge {bridge}: {problem}");
        }

        string cniVersion = line.Get("cni-version", Podnet.Cni.CniVersion.Latest)!;
        if (!Podnet.Cni.CniVersion.IsSupported(cniVersion) || !Podnet.Cni.CniVersion.AtLeast(cniVersion, "0.4.0"))
        {
            // Below 0.4.0 a runtime could not CHECK the attachment; podnet writes results in 0.3.x but does not install them.
            throw new UsageException($"--cni-version {cniVersion}: expected one of 0.4.0, 1.0.0, 1.1.0");
        }

        var template = new ConflistTemplate(network, bridge, subnets, mtu, line.Has("portmap"), cniVersion);
        var installation = new NodeInstallation(
            line.Get("bin-dir", "/opt/cni/bin")!,
            line.Get("conf-dir", "/etc/cni/net.d")!,
            line.Get("conf-name", "10-podnet.conflist")!,
            line.Has("force"));

        string self = Environment.ProcessPath ?? throw new InstallException("cannot find the running podnet binary");
        NodeInstallation.Outcome binary = installation.InstallBinary(self);
        NodeInstallation.Outcome conflist = installation.InstallConflist(template.Render());
        stdout.WriteLine($"{installation.BinaryPath}: {Label(binary)}");
        stdout.WriteLine($"{installation.ConflistPath}: {Label(conflist)}");
        return 0;
    }

    private static List<IPNetwork> ResolveSubnets(CommandLine line)
    {
        if (line.Get("subnet") is { } text)
        {
            if (line.Has("cluster"))
            {
                throw new UsageException("give either --subnet or --cluster/--node, not both");
            }

            var result = new List<IPNetwork>();
            foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!CidrNotation.TryParse(part, out IPNetwork network))
                {
                    throw new UsageException($"--subnet {part}: not a CIDR with the host bits zero (e.g. 10.244.1.0/24)");
                }

                result.Add(network);
            }

            return result.Count > 0 ? result : throw new UsageException("--subnet is empty");
        }

        if (line.Get("cluster") is { } cluster)
        {
            return ClusterSubnets.ForNode(cluster, line.Require("node"));
        }

        throw new UsageException("give --subnet CIDR or --cluster FILE --node NAME");
    }

    private static string Label(NodeInstallation.Outcome outcome) => outcome switch
    {
        NodeInstallation.Outcome.Created => "created",
        NodeInstallation.Outcome.Replaced => "replaced",
        _ => "unchanged",
    };
}
