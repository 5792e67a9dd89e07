using System.Net;

namespace Podnet.Etcd;

/// <summary>How to reach an etcd cluster.</summary>
public sealed class EtcdClientOptions
{
    /// <summary>Client URLs, <c>http://</c> or <c>https://</c>, tried in turn (the last one that answered first).</summary>
    public required IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>PEM file of the CA that signed the servers' certificates (https endpoints).</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate for mutual TLS, with <see cref="KeyFile"/>.</summary>
    public string? CertFile { get; init; }

    /// <summary>PEM private key of <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; init; }

    /// <summary>How long one request to one endpoint may take before the next endpoint is tried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long connecting to one endpoint may take.</summary>
    public TimeSpan DialTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens the connection to one endpoint instead of the default socket connect (becomes
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>); TLS, when the endpoint is <c>https://</c>, runs over the
    /// returned stream. Tests use it to create the client's sockets inside a network namespace. The token carries
    /// <see cref="DialTimeout"/>.
    /// </summary>
    public Func<DnsEndPoint, CancellationToken, ValueTask<Stream>>? ConnectCallback { get; init; }
}
