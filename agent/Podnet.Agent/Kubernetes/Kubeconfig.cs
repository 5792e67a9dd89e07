using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Podnet.Agent.Kubernetes;

/// <summary>
/// Reads the parts of a kubeconfig file podnetd needs: the current context (or a named one), its cluster's
/// <c>server</c>, <c>certificate-authority(-data)</c> and <c>insecure-skip-tls-verify</c>, and its user's
/// <c>token</c>, <c>tokenFile</c> or <c>client-certificate(-data)</c> + <c>client-key(-data)</c>. Relative file paths
/// are relative to the kubeconfig's directory, as kubectl resolves them. Exec and auth-provider plugins are refused.
/// </summary>
internal static class Kubeconfig
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="AgentException">The file is missing, unreadable or lacks what is needed.</exception>
    public static KubernetesEndpoint Load(string path, string? contextName = null)
    {
        string full = Path.GetFullPath(path);
        object? root;
        try
        {
            root = YamlSubset.Parse(File.ReadAllText(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgentException($"kubeconfig {full}: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new AgentException($"kubeconfig {full}: {e.Message}", e);
        }

        string directory = Path.GetDirectoryName(full)!;
        var config = root as Dictionary<string, object?> ?? throw new AgentException($"kubeconfig {full}: not a mapping");
        string context = contextName ?? Text(config, "current-context") ?? throw new AgentException($"kubeconfig {full}: no current-context");
        Dictionary<string, object?> contextEntry = Named(full, config, "contexts", "context", context);
        string clusterName = Text(contextEntry, "cluster") ?? throw new AgentException($"kubeconfig {full}: context {context} names no cluster");
        string? userName = Text(contextEntry, "user");
        Dictionary<string, object?> cluster = Named(full, config, "clusters", "cluster", clusterName);
        Dictionary<string, object?> user = userName is null ? [] : Named(full, config, "users", "user", userName);

        string server = Text(cluster, "server") ?? throw new AgentException($"kubeconfig {full}: cluster {clusterName} has no server");
        if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? serverUri) || serverUri.Scheme is not ("https" or "http"))
        {
            throw new AgentException($"kubeconfig {full}: cluster {clusterName}: server \"{server}\" is not an https:// URL");
        }

        if (user.ContainsKey("exec") || user.ContainsKey("auth-provider"))
        {
            throw new AgentException($"kubeconfig {full}: user {userName} uses an exec or auth-provider plugin, which podnetd does not run; give it a token or a client certificate");
        }

        string? ca = PemOrFile(full, directory, cluster, "certificate-authority");
        X509Certificate2? clientCertificate = null;
        string? certificate = PemOrFile(full, directory, user, "client-certificate");
        string? key = PemOrFile(full, directory, user, "client-key");
        if (certificate is not null || key is not null)
        {
            if (certificate is null || key is null)
            {
                throw new AgentException($"kubeconfig {full}: user {userName} has a client certificate without a key, or a key without a certificate");
            }

            try
            {
                clientCertificate = X509Certificate2.CreateFromPem(certificate, key);
            }
            catch (CryptographicException e)
            {
                throw new AgentException($"kubeconfig {full}: user {userName}: the client certificate or key cannot be read: {e.Message}", e);
            }
        }

        string? tokenFile = Text(user, "tokenFile") is { } tf ? Path.GetFullPath(tf, directory) : null;
        return new KubernetesEndpoint
        {
            Server = serverUri,
            CertificateAuthorities = ca is null ? null : KubernetesEndpoint.LoadCertificates($"kubeconfig {full}: cluster {clusterName}: certificate-authority", ca),
            InsecureSkipTlsVerify = Text(cluster, "insecure-skip-tls-verify") is "true",
            ClientCertificate = clientCertificate,
            Token = Text(user, "token"),
            TokenFile = tokenFile,
            Origin = $"kubeconfig {full}, context {context} ({serverUri})",
        };
    }

    /// <summary>The <c>value</c> of the entry of <paramref name="list"/> whose <c>name</c> is <paramref name="name"/>.</summary>
    private static Dictionary<string, object?> Named(string file, Dictionary<string, object?> config, string list, string field, string name)
    {
        if (config.GetValueOrDefault(list) is List<object?> entries)
        {
            foreach (object? entry in entries)
            {
                if (entry is Dictionary<string, object?> item && Text(item, "name") == name)
                {
                    return item.GetValueOrDefault(field) as Dictionary<string, object?> ?? [];
                }
            }
        }

        throw new AgentException($"kubeconfig {file}: no {field} named \"{name}\" in {list}");
    }

    /// <summary>The PEM text of <c>KEY-data</c> (base64) or of the file <c>KEY</c>.</summary>
    private static string? PemOrFile(string file, string directory, Dictionary<string, object?> section, string key)
    {
        if (Text(section, key + "-data") is { } data)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException)
            {
                throw new AgentException($"kubeconfig {file}: {key}-data is not base64");
            }
        }

        if (Text(section, key) is not { } path)
        {
            return null;
        }

        string resolved = Path.GetFullPath(path, directory);
        try
        {
            return File.ReadAllText(resolved);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgentException($"kubeconfig {file}: {key} {resolved}: {e.Message}", e);
        }
    }

    private static string? Text(Dictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as string;
}
