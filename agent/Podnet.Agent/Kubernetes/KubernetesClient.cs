using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text;
using Podnet.Agent.Kubernetes.Wire;
using Podnet.Etcd.Wire;

namespace Podnet.Agent.Kubernetes;

/// <summary>
/// The three Node calls of <see cref="KubernetesApi"/> over HTTP/1.1 with JSON: get one Node, list them all (paged),
/// and watch them from a resourceVersion as newline-delimited JSON events. Failures the server reports come as
/// <see cref="KubernetesApiException"/>; a broken connection as <see cref="HttpRequestException"/>,
/// <see cref="IOException"/> or a timeout.
/// </summary>
internal sealed class KubernetesClient : IDisposable
{
    /// <summary>Items per list page, as kubectl and client-go's reflector ask.</summary>
    public const int PageSize = 500;

    private static readonly KubernetesJsonContext Json = KubernetesJsonContext.Default;
    private readonly HttpClient _http;
    private readonly KubernetesEndpoint _endpoint;
    private readonly TimeSpan _requestTimeout;

    private KubernetesClient(HttpClient http, KubernetesEndpoint endpoint, TimeSpan requestTimeout)
    {
        _http = http;
        _endpoint = endpoint;
        _requestTimeout = requestTimeout;
    }

    /// <summary>Where the client connects.</summary>
    public KubernetesEndpoint Endpoint => _endpoint;

    /// <summary>Creates a client; nothing is connected until the first call.</summary>
    public static KubernetesClient Create(KubernetesEndpoint endpoint, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var tls = new SslClientAuthenticationOptions();
        if (endpoint.InsecureSkipTlsVerify)
        {
            tls.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (endpoint.CertificateAuthorities is { } roots)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }

        if (endpoint.ClientCertificate is { } certificate)
        {
            tls.ClientCertificates = [certificate];
        }

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            SslOptions = tls,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        };
        var http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        return new KubernetesClient(http, endpoint, requestTimeout);
    }

    /// <summary><c>GET /api/v1/nodes/NAME</c>; <see langword="null"/> when there is no such Node.</summary>
    public async Task<NodeObject?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        using HttpResponseMessage response = await SendAsync($"{KubernetesApi.NodesPath}/{Uri.EscapeDataString(name)}", HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, timeout.Token).ConfigureAwait(false);
        return await ReadAsync(response, Json.NodeObject, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Every Node, read in pages of <see cref="PageSize"/> (<c>limit</c>/<c>continue</c>), and the resourceVersion of
    /// the list to watch from. A continue token that expired mid-way (410) starts the list over, as kubectl does not
    /// but a consistent snapshot needs.
    /// </summary>
    public async Task<(List<NodeObject> Nodes, string ResourceVersion)> ListNodesAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var nodes = new List<NodeObject>();
            string? next = null;
            string? resourceVersion = null;
            try
            {
                do
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(_requestTimeout);
                    string path = $"{KubernetesApi.NodesPath}?limit={PageSize}" + (next is null ? string.Empty : $"&continue={Uri.EscapeDataString(next)}");
                    using HttpResponseMessage response = await SendAsync(path, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, timeout.Token).ConfigureAwait(false);
                    NodeList page = await ReadAsync(response, Json.NodeList, timeout.Token).ConfigureAwait(false);
                    nodes.AddRange(page.Items ?? []);
                    resourceVersion = page.Metadata?.ResourceVersion;
                    next = page.Metadata?.Continue is { Length: > 0 } token ? token : null;
                }
                while (next is not null);
            }
            catch (KubernetesApiException e) when (e.IsExpired && next is not null && attempt < 3)
            {
                Log.Warn($"kubernetes: the list's continue token expired ({e.Message}); listing again from the start");
                continue;
            }

            return resourceVersion is { Length: > 0 } rv
                ? (nodes, rv)
                : throw new KubernetesApiException(200, null, "the NodeList has no metadata.resourceVersion");
        }
    }

    /// <summary>
    /// Watches Nodes from <paramref name="resourceVersion"/> with bookmarks. The server ends the stream after
    /// <paramref name="timeout"/> (<c>timeoutSeconds</c>); the enumeration then just ends. An <c>ERROR</c> event is
    /// thrown as <see cref="KubernetesApiException"/> (410 Expired: list again). <paramref name="connected"/> runs once
    /// the server has accepted the watch, before any event.
    /// </summary>
    public async IAsyncEnumerable<NodeWatchEvent> WatchNodesAsync(string resourceVersion, TimeSpan timeout, Func<Task> connected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int seconds = (int)Math.Max(1, timeout.TotalSeconds);
        string path = $"{KubernetesApi.NodesPath}?watch=1&resourceVersion={Uri.EscapeDataString(resourceVersion)}&allowWatchBookmarks=true&timeoutSeconds={seconds.ToString(CultureInfo.InvariantCulture)}";

        // The server closes the stream after timeoutSeconds; a stream that outlives that by a margin is dead.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(seconds) + _requestTimeout);
        HttpResponseMessage response;
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token))
        {
            connect.CancelAfter(_requestTimeout);
            response = await SendAsync(path, HttpCompletionOption.ResponseHeadersRead, connect.Token).ConfigureAwait(false);
        }

        using (response)
        {
            await EnsureSuccessAsync(response, deadline.Token).ConfigureAwait(false);
            await connected().ConfigureAwait(false);
            Stream body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using var lines = new JsonLineReader(body);
            while (true)
            {
                WatchEventLine? line = await lines.ReadAsync(Json.WatchEventLine, deadline.Token).ConfigureAwait(false);
                if (line is null)
                {
                    yield break;
                }

                yield return Decode(line);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static NodeWatchEvent Decode(WatchEventLine line)
    {
        if (line.Object.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"watch event {line.Type} has no object");
        }

        switch (line.Type)
        {
            case "ADDED" or "MODIFIED" or "DELETED" or "BOOKMARK":
                NodeObject node = line.Object.Deserialize(Json.NodeObject) ?? throw new JsonException($"watch event {line.Type} has a null object");
                return new NodeWatchEvent(line.Type, node);
            case "ERROR":
                StatusObject status = line.Object.Deserialize(Json.StatusObject) ?? new StatusObject();
                throw new KubernetesApiException(status.Code, status.Reason, $"watch ERROR event: {status.Code} {status.Reason}: {status.Message}");
            default:
                throw new JsonException($"unknown watch event type \"{line.Type}\"");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.Server, _endpoint.Server.AbsolutePath.TrimEnd('/') + pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("podnetd", PodnetdBuildInfo.Version));
        if (_endpoint.CurrentToken() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"{response.RequestMessage?.RequestUri?.AbsolutePath}: the response is null");
    }

    /// <summary>Throws the server's <c>Status</c> for a non-2xx answer.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        StatusObject? status = null;
        try
        {
            status = JsonSerializer.Deserialize(text, Json.StatusObject);
        }
        catch (JsonException)
        {
        }

        int code = (int)response.StatusCode;
        string what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        string message = status?.Message is { Length: > 0 } m ? m : Shorten(text);
        throw new KubernetesApiException(code, status?.Reason ?? response.ReasonPhrase, $"{what}: {code} {status?.Reason ?? response.ReasonPhrase}: {message}");
    }

    private static string Shorten(string text)
    {
        string oneLine = new StringBuilder(text).Replace('\n', ' ').Replace('\r', ' ').ToString().Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "...";
    }
}

/// <summary>One watch event: <c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c> or <c>BOOKMARK</c>, with its Node.</summary>
internal sealed record NodeWatchEvent(string Type, NodeObject Node);
