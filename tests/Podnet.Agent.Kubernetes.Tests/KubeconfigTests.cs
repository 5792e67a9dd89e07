using System.Text;
using Podnet.Agent.Kubernetes;
using Podnet.Agent.Kubernetes.Tests.ApiServer;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests;

/// <summary>The kubeconfig files podnetd reads, and the YAML subset reader under them.</summary>
public sealed class KubeconfigTests : IDisposable
{
    private readonly DirectoryInfo _directory = new(Podnet.Netlink.Testing.TestNames.CreateDirectory("kubeconfig"));
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public void Dispose()
    {
        _certificates.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void The_test_kubeconfig_that_kubectl_accepts_gives_server_ca_and_token()
    {
        string path = TestKubeconfig.Write(_directory.FullName, new Uri("https://127.0.0.1:6443"), _certificates.AuthorityPem, "abc.def");
        KubernetesEndpoint endpoint = Kubeconfig.Load(path);

        Assert.Equal(new Uri("https://127.0.0.1:6443"), endpoint.Server);
        Assert.Equal("abc.def", endpoint.CurrentToken());
        Assert.Equal(_certificates.Authority.Thumbprint, Assert.Single(endpoint.CertificateAuthorities!).Thumbprint);
        Assert.Null(endpoint.ClientCertificate);
    }

    [Fact]
    public void Contexts_relative_files_client_certificates_token_files_comments_and_quotes_are_resolved_as_kubectl_does()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "pki"));
        File.WriteAllText(Path.Combine(_directory.FullName, "pki", "ca.crt"), _certificates.AuthorityPem);
        File.WriteAllText(Path.Combine(_directory.FullName, "pki", "client.crt"), _certificates.Server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory.FullName, "pki", "client.key"), System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions.GetECDsaPrivateKey(_certificates.Server)!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_directory.FullName, "token"), "from-file\n");
        string path = Path.Combine(_directory.FullName, "config");
        File.WriteAllText(path, """
            # written by hand, in the styles kubectl and kubeadm use
            apiVersion: v1
            kind: Config
            preferences: {}
            clusters:
              - name: "other"
                cluster:
                  server: https://10.0.0.1:6443
              - name: 'prod'
                cluster:
                  certificate-authority: pki/ca.crt   # relative to this file
                  server: "https://[fd00::1]:6443"
                  extensions:
                  - name: client.authentication.k8s.io/exec
                    extension: {}
            contexts:
            - context: {cluster: other, user: "nobody"}
              name: flow-style
            - name: node
              context:
                cluster: prod
                user: podnetd
                namespace: kube-system
            current-context: flow-style
            users:
            - name: nobody
              user: {}
            - name: podnetd
              user:
                client-certificate: pki/client.crt
                client-key: pki/client.key
                tokenFile: token
            """);

        Assert.Equal(new Uri("https://10.0.0.1:6443"), Kubeconfig.Load(path).Server);
        KubernetesEndpoint endpoint = Kubeconfig.Load(path, "node");

        Assert.Equal(new Uri("https://[fd00::1]:6443"), endpoint.Server);
        Assert.Equal(_certificates.Authority.Thumbprint, Assert.Single(endpoint.CertificateAuthorities!).Thumbprint);
        Assert.Equal(_certificates.Server.Thumbprint, endpoint.ClientCertificate!.Thumbprint);
        Assert.True(endpoint.ClientCertificate.HasPrivateKey);
        Assert.Equal("from-file", endpoint.CurrentToken());
    }

    [Fact]
    public void A_json_kubeconfig_is_read_too()
    {
        string path = Path.Combine(_directory.FullName, "config.json");
        string ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(_certificates.AuthorityPem));
        File.WriteAllText(path, $$$"""
            {"apiVersion":"v1","kind":"Config","current-context":"c",
             "clusters":[{"name":"k","cluster":{"server":"https://127.0.0.1:1","certificate-authority-data":"{{{ca}}}"}}],
             "contexts":[{"name":"c","context":{"cluster":"k","user":"u"}}],
             "users":[{"name":"u","user":{"token":"t"}}]}
            """);

        KubernetesEndpoint endpoint = Kubeconfig.Load(path);
        Assert.Equal("t", endpoint.CurrentToken());
        Assert.NotNull(endpoint.CertificateAuthorities);
    }

    [Theory]
    [InlineData("users:\n- name: u\n  user:\n    exec:\n      command: aws\n", "exec or auth-provider plugin")]
    [InlineData("users:\n- name: x\n  user:\n    token: t\n", "no user named \"u\"")]
    [InlineData("users:\n- name: u\n  user:\n    client-certificate-data: AAAA\n", "without a key")]
    public void Unusable_kubeconfigs_are_refused_with_the_reason(string users, string reason)
    {
        string path = Path.Combine(_directory.FullName, "bad");
        File.WriteAllText(path, "current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n" + users);

        AgentException error = Assert.Throws<AgentException>(() => Kubeconfig.Load(path));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: &x 1\n", "anchors")]
    [InlineData("a: {b: {c: 1}}\n", "nested flow")]
    [InlineData("a:\n  b: 1\n c: 2\n", "line 3")]
    [InlineData("a: 1\na: 2\n", "duplicate key")]
    [InlineData("a: \"open\n", "unterminated")]
    public void Yaml_outside_the_subset_is_refused_with_the_line(string yaml, string reason)
    {
        FormatException error = Assert.Throws<FormatException>(() => YamlSubset.Parse(yaml));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_excerpt_of_the_captured_kind_cluster_reads_as_the_json_it_was_converted_to()
    {
        // The captured kubectl YAML and its JSON conversion (Fixtures/README.md) must give the same Node names, subnets and addresses.
        var yaml = (Dictionary<string, object?>)YamlSubset.Parse(Fixtures.Text("nodes-list-kind-dualstack-cilium-v1.27.source-excerpt.yaml"))!;
        var items = (List<object?>)yaml["items"]!;
        Assert.Equal(3, items.Count);
        foreach (Dictionary<string, object?> item in items.Cast<Dictionary<string, object?>>())
        {
            string name = (string)((Dictionary<string, object?>)item["metadata"]!)["name"]!;
            var spec = (Dictionary<string, object?>)item["spec"]!;
            var json = Fixtures.Node(Fixtures.KindDualStack, name);
            Assert.Equal(json["spec"]!["podCIDRs"]!.AsArray().Select(c => c!.GetValue<string>()), ((List<object?>)spec["podCIDRs"]!).Cast<string>());
        }
    }
}
