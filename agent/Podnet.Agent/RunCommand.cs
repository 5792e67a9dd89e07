using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Podnet.Agent.Cluster;
using Podnet.Agent.Etcd;
using Podnet.Agent.Kubernetes;
using Podnet.Agent.Node;
using Podnet.Node;

namespace Podnet.Agent;

/// <summary><c>podnetd run</c>: the long-running agent.</summary>
internal static class RunCommand
{
    public static readonly Verb Verb = new(
        "podnetd",
        "run",
        """
          podnetd run --backend etcd --etcd-endpoints URL[,URL...] --node NAME [--public-ip IP | --iface IFNAME]
                      [--etcd-prefix /podnet/network] [--etcd-cacert F --etcd-cert F --etcd-key F] [--lease-ttl 24h]
                      [--cni-conf-dir /etc/cni/net.d] [--cni-bin-dir /opt/cni/bin] [--subnet-file /run/podnet/subnet.env]
                      [--resync 10s] [--health-addr 127.0.0.1:9155] [--ip-masq=false] [--mtu N]
          podnetd run --backend kubernetes --node NAME [--kubeconfig FILE [--kube-context NAME]] [--cluster-cidr CIDR[,CIDR]]
                      [--watch-timeout 5m] [the same node options]   (in-cluster service account without --kubeconfig)
          podnetd run --backend file --cluster FILE --node NAME [the same node options]
          --node defaults to the environment variable NODE_NAME (a DaemonSet sets it from spec.nodeName).
        """,
        new HashSet<string>(),
        new HashSet<string>
        {
            "backend", "node", "cluster", "etcd-endpoints", "etcd-prefix", "etcd-cacert", "etcd-cert", "etcd-key", "public-ip", "iface",
            "lease-ttl", "kubeconfig", "kube-context", "cluster-cidr", "watch-timeout", "cni-conf-dir", "cni-bin-dir", "subnet-file", "resync", "health-addr", "ip-masq", "mtu", "conf-name", "network-name", "bridge",
        });

    public static int Run(IEnumerable<string> args) => Verb.Run(args, line =>
    {
        AgentOptions options = Options(line);
        IClusterSource source;
        try
        {
            source = line.Require("backend") switch
            {
                "file" => new FileClusterSource(line.Require("cluster"), options.NodeName),
                "etcd" => EtcdClusterSource.FromCommandLine(line, options.NodeName),
                "kubernetes" => KubernetesClusterSource.FromCommandLine(line, options.NodeName),
                string other => throw new UsageException($"--backend {other}: expected etcd, kubernetes or file"),
            };
        }
        catch (AgentException e)
        {
            // A kubeconfig or service account that cannot be read: no usage text, just the reason.
            Log.Error(e.Message);
            return 1;
        }

        return RunAgent(options, source);
    });

    private static int RunAgent(AgentOptions options, IClusterSource source)
    {
        using var stop = new CancellationTokenSource();
        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        Log.Info($"podnetd {PodnetdBuildInfo.Version} starting: node {options.NodeName}, source {source.Name}");
        try
        {
            var agent = new NodeAgent(options, source, new AgentMetrics());
            return agent.RunAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (AgentException e)
        {
            Log.Error(e.Message);
            return 1;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            Log.Error($"cannot serve health endpoints: {e.Message}");
            return 1;
        }
        finally
        {
            source.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static AgentOptions Options(CommandLine line)
    {
        string node = line.Get("node") ?? Environment.GetEnvironmentVariable("NODE_NAME") ?? line.Require("node");
        if (node.Length == 0 || node.Contains('/', StringComparison.Ordinal))
        {
            throw new UsageException($"--node {node}: a node name must be non-empty and contain no '/'");
        }

        return new AgentOptions
        {
            NodeName = node,
            CniConfDir = line.Get("cni-conf-dir", "/etc/cni/net.d")!,
            CniBinDir = line.Get("cni-bin-dir", "/opt/cni/bin")!,
            ConfName = line.Get("conf-name", "10-podnet.conflist")!,
            NetworkName = line.Get("network-name", "podnet")!,
            BridgeName = line.Get("bridge", "v-net-0")!,
            SubnetFilePath = line.Get("subnet-file", Podnet.Node.Installation.SubnetFile.DefaultPath)!,
            Resync = Durations.Parse("resync", line.Get("resync", "10s")!),
            IpMasq = Booleans.Parse("ip-masq", line.Get("ip-masq", "true")!),
            Mtu = line.Get("mtu") is { } m
                ? int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out int mtu) && mtu is >= 68 and <= 65535 ? mtu : throw new UsageException($"--mtu {m}: expected 68..65535")
                : null,
            HealthEndpoint = line.Get("health-addr", "127.0.0.1:9155") is { Length: > 0 } h
                ? IPEndPoint.TryParse(h, out IPEndPoint? endpoint) && endpoint.Port > 0 ? endpoint : throw new UsageException($"--health-addr {h}: expected IP:PORT")
                : null,
        };
    }
}
