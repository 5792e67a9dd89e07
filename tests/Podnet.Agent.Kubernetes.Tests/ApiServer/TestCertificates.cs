using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests.ApiServer;

/// <summary>A throwaway CA and a server certificate it signed, made fresh for each test run.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA (public part only is handed to clients).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key, valid for localhost, 127.0.0.1, ::1 and the given addresses.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The CA certificate as PEM.</summary>
    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>Makes a CA and a server certificate whose subject alternative names include <paramref name="addresses"/>.</summary>
    public static TestCertificates Create(params IPAddress[] addresses)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=podnet-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        X509Certificate2 authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName("kubernetes.default.svc");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        foreach (IPAddress address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using X509Certificate2 signed = request.Create(authority, now.AddMinutes(-5), now.AddDays(1), serial);
        X509Certificate2 server = signed.CopyWithPrivateKey(serverKey);

        // Kestrel wants a certificate whose key can be exported for SslStream on Linux: round-trip through PKCS#12.
        X509Certificate2 usable = X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null);
        server.Dispose();
        return new TestCertificates(X509CertificateLoader.LoadCertificate(authority.RawData), usable);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
