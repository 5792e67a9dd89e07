using System.Text;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests.ApiServer;

/// <summary>Kubeconfig files for the test server, written the way <c>kubectl config</c> writes them.</summary>
internal static class TestKubeconfig
{
    /// <summary>Writes a kubeconfig for <paramref name="server"/> with <paramref name="token"/> into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory, Uri server, string caPem, string token, string fileName = "kubeconfig")
    {
        ArgumentNullException.ThrowIfNull(server);
        string ca = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        string text = $"""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: {ca}
                server: {server.GetLeftPart(UriPartial.Authority)}
              name: podnet-test
            contexts:
            - context:
                cluster: podnet-test
                user: podnetd
              name: podnet-test
            current-context: podnet-test
            kind: Config
            preferences: {"{}"}
            users:
            - name: podnetd
              user:
                token: {token}

            """;
        string path = Path.Combine(directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }
}
