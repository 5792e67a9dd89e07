using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Podnet.Testing.Etcd;

namespace Podnet.Etcd.Tests;

/// <summary>https endpoints with client certificates (<c>--client-cert-auth</c>), certificates made by the test.</summary>
[Kernel]
public sealed class TlsTests : IDisposable
{
    private static readonly Oid s_serverAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid s_clientAuth = new("1.3.6.1.5.5.7.3.2");
    private readonly DirectoryInfo _directory = new(Podnet.Netlink.Testing.TestNames.CreateDirectory("etcd-tls"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_with_the_CA_and_a_client_certificate_talks_to_a_tls_cluster_and_others_are_refused()
    {
        using ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=podnet test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string caFile = Write("ca.pem", ca.ExportCertificatePem());
        (string serverCert, string serverKey) = Issue(ca, caKey, "etcd", [s_serverAuth, s_clientAuth], IPAddress.Loopback);
        (string clientCert, string clientKey) = Issue(ca, caKey, "podnetd", [s_clientAuth], null);

        var options = new EtcdClusterOptions
        {
            ServerCertificate = (serverCert, serverKey),
            ClientCaFile = caFile,
            ServerCaFile = caFile,
            ClientCertificate = (clientCert, clientKey),
        };
        await using EtcdCluster cluster = await EtcdCluster.StartOnLoopbackAsync(1, options, Ct);
        Assert.All(cluster.Endpoints, e => Assert.Equal("https", e.Scheme));

        await using EtcdClient client = cluster.CreateClient();
        await client.PutAsync("/tls/a", "secret"u8.ToArray(), cancellationToken: Ct);
        Assert.Equal("secret", Encoding.UTF8.GetString((await client.GetAsync("/tls/a", Ct))!.Value));

        // No client certificate: the server refuses the handshake.
        await using EtcdClient anonymous = EtcdClient.Create(new EtcdClientOptions
        {
            Endpoints = cluster.Endpoints,
            CaFile = caFile,
            ConnectCallback = EtcdCluster.ConnectInNamespace(cluster.NetnsPath!),
        });
        await Assert.ThrowsAsync<EtcdUnavailableException>(() => anonymous.GetAsync("/tls/a", Ct));

        // Not trusting the CA: the client refuses the server.
        await using EtcdClient untrusting = EtcdClient.Create(new EtcdClientOptions
        {
            Endpoints = cluster.Endpoints,
            CertFile = clientCert,
            KeyFile = clientKey,
            ConnectCallback = EtcdCluster.ConnectInNamespace(cluster.NetnsPath!),
        });
        EtcdUnavailableException e = await Assert.ThrowsAsync<EtcdUnavailableException>(() => untrusting.GetAsync("/tls/a", Ct));
        Assert.Contains("SSL", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private (string CertFile, string KeyFile) Issue(X509Certificate2 ca, ECDsa caKey, string name, Oid[] usages, IPAddress? address)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages], false));
        if (address is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(address);
            request.CertificateExtensions.Add(names.Build());
        }

        using X509Certificate2 certificate = request.Create(
            ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1),
            RandomNumberGenerator.GetBytes(8));
        return (Write(name + ".pem", certificate.ExportCertificatePem()), Write(name + "-key.pem", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        string path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, pem);
        return path;
    }
}
