using Podnet.Agent.Kubernetes;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>deploy/kubernetes/podnet.yaml, read with podnetd's own YAML reader: RBAC equal to the code's API usage, a DaemonSet fit for every node.</summary>
public sealed class DeployManifestTests
{
    private static readonly Dictionary<string, Dictionary<string, object?>> s_documents = Load();

    [Fact]
    public void The_cluster_role_grants_exactly_the_calls_podnetd_makes()
    {
        var granted = new List<(string, string, string)>();
        foreach (object? rule in List(Document("ClusterRole")["rules"]))
        {
            var r = Map(rule);
            foreach (string group in Strings(r["apiGroups"]))
            {
                foreach (string resource in Strings(r["resources"]))
                {
                    foreach (string verb in Strings(r["verbs"]))
                    {
                        granted.Add((group, resource, verb));
                    }
                }
            }
        }

        Assert.Equal(KubernetesApi.Permissions.Order(), granted.Order());
        Assert.Equal(3, granted.Count);
    }

    [Fact]
    public void The_binding_gives_the_role_to_the_daemon_sets_service_account()
    {
        var binding = Document("ClusterRoleBinding");
        Assert.Equal(Map(Document("ClusterRole")["metadata"])["name"], Map(binding["roleRef"])["name"]);
        var subject = Map(Assert.Single(List(binding["subjects"])));
        var account = Map(Document("ServiceAccount")["metadata"]);
        Assert.Equal(account["name"], subject["name"]);
        Assert.Equal(account["namespace"], subject["namespace"]);
        Assert.Equal(account["name"], Map(Map(Map(Document("DaemonSet")["spec"])["template"])["spec"])["serviceAccountName"]);
    }

    [Fact]
    public void The_daemon_set_runs_podnetd_with_the_kubernetes_backend_on_every_node_with_host_network_and_net_admin()
    {
        var pod = Map(Map(Map(Document("DaemonSet")["spec"])["template"])["spec"]);
        Assert.Equal("true", pod["hostNetwork"]);
        var toleration = Map(Assert.Single(List(pod["tolerations"])));
        Assert.Equal("Exists", toleration["operator"]);
        Assert.False(toleration.ContainsKey("key"), "a toleration with a key does not tolerate every taint");

        var container = Map(Assert.Single(List(pod["containers"])));
        Assert.Contains("--backend=kubernetes", Strings(container["args"]));
        Assert.Equal("run", Strings(container["args"])[0]);
        Assert.Contains("NET_ADMIN", Strings(Map(Map(container["securityContext"])["capabilities"])["add"]));
        var env = List(container["env"]).Select(Map).Single(e => (string?)e["name"] == "NODE_NAME");
        Assert.Equal("spec.nodeName", Map(Map(env["valueFrom"])["fieldRef"])["fieldPath"]);

        // The host directories podnetd writes: the plugin, the conflist, subnet.env; mounted where podnetd is told to write.
        var hostPaths = List(pod["volumes"]).Select(Map).ToDictionary(v => (string)v["name"]!, v => (string)Map(v["hostPath"])["path"]!);
        var mounts = List(container["volumeMounts"]).Select(Map).ToDictionary(m => (string)m["mountPath"]!, m => hostPaths[(string)m["name"]!]);
        Assert.Equal("/opt/cni/bin", mounts["/opt/cni/bin"]);
        Assert.Equal("/etc/cni/net.d", mounts["/etc/cni/net.d"]);
        Assert.Equal("/run/podnet", mounts["/run/podnet"]);
        Assert.Contains("--cni-bin-dir=/opt/cni/bin", Strings(container["args"]));
        Assert.Contains("--cni-conf-dir=/etc/cni/net.d", Strings(container["args"]));
        Assert.Contains("--subnet-file=/run/podnet/subnet.env", Strings(container["args"]));
    }

    private static Dictionary<string, object?> Document(string kind) => s_documents[kind];

    private static Dictionary<string, Dictionary<string, object?>> Load()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Deploy", "podnet.yaml"));
        var documents = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (string part in text.Split("\n---\n"))
        {
            var document = Map(YamlSubset.Parse(part));
            documents.Add((string)document["kind"]!, document);
        }

        return documents;
    }

    private static Dictionary<string, object?> Map(object? value) => Assert.IsType<Dictionary<string, object?>>(value);

    private static List<object?> List(object? value) => Assert.IsType<List<object?>>(value);

    private static List<string> Strings(object? value) => [.. List(value).Select(v => Assert.IsType<string>(v))];
}
