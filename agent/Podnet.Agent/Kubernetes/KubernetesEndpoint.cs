using System.Security.Cryptography.X509Certificates;

namespace Podnet.Agent.Kubernetes;

/// <summary>
/// Where the API server is and how to prove who we are: read from the pod's service account (in-cluster) or from a
/// kubeconfig file. A token file is re-read at most once a minute, so projected service-account tokens that the kubelet
/// rotates keep working.
/// </summary>
public sealed class KubernetesEndpoint
{
    /// <summary>The service account directory every pod gets.</summary>
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    private static readonly TimeSpan s_tokenRefresh = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private string? _token;
    private DateTime _tokenRead;

    /// <summary>The API server, <c>https://HOST:PORT</c> (a path prefix is kept).</summary>
    public required Uri Server { get; init; }

    /// <summary>The CAs that sign the server's certificate; <see langword="null"/>: the system's trust store.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    /// <summary>Skip server certificate checks (kubeconfig <c>insecure-skip-tls-verify: true</c>).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>A client certificate with its private key.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>A fixed bearer token.</summary>
    public string? Token { get; init; }

    /// <summary>A file holding the bearer token (read again as it rotates).</summary>
    public string? TokenFile { get; init; }

    /// <summary>Where these settings came from, for logs and errors.</summary>
    public required string Origin { get; init; }

    /// <summary>
    /// The in-cluster settings, as client-go's <c>InClusterConfig</c> builds them: <c>https://</c> +
    /// <c>KUBERNETES_SERVICE_HOST</c>:<c>KUBERNETES_SERVICE_PORT</c>, the service account's token and <c>ca.crt</c>.
    /// </summary>
    /// <exception cref="AgentException">Not in a pod, or the service account files are missing.</exception>
    public static KubernetesEndpoint InCluster(string serviceAccountDirectory = ServiceAccountDirectory)
    {
        string? host = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        string? port = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new AgentException("not running in a pod: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set (or give --kubeconfig FILE)");
        }

        string token = Path.Combine(serviceAccountDirectory, "token");
        string ca = Path.Combine(serviceAccountDirectory, "ca.crt");
        if (!File.Exists(token))
        {
            throw new AgentException($"in-cluster configuration: {token} is missing (is automountServiceAccountToken off?)");
        }

        string authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        if (!Uri.TryCreate($"https://{authority}", UriKind.Absolute, out Uri? server))
        {
            throw new AgentException($"in-cluster configuration: https://{authority} is not a URL");
        }

        return new KubernetesEndpoint
        {
            Server = server,
            TokenFile = token,
            CertificateAuthorities = File.Exists(ca) ? LoadCertificates(ca, File.ReadAllText(ca)) : null,
            Origin = $"in-cluster service account ({server})",
        };
    }

    /// <summary>The bearer token to send, if any: <see cref="Token"/>, or the current content of <see cref="TokenFile"/>.</summary>
    /// <exception cref="IOException">The token file cannot be read.</exception>
    public string? CurrentToken()
    {
        if (TokenFile is not { } file)
        {
            return Token;
        }

        lock (_gate)
        {
            if (_token is null || DateTime.UtcNow - _tokenRead > s_tokenRefresh)
            {
                _token = File.ReadAllText(file).Trim();
                _tokenRead = DateTime.UtcNow;
            }

            return _token;
        }
    }

    /// <summary>Every PEM certificate in <paramref name="pem"/>.</summary>
    /// <exception cref="AgentException">No certificate in it.</exception>
    internal static X509Certificate2Collection LoadCertificates(string what, string pem)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new AgentException($"{what}: not a PEM certificate: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new AgentException($"{what}: no PEM certificate in it");
    }
}
