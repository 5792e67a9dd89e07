using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Podnet.Etcd.Wire;

namespace Podnet.Etcd;

/// <summary>
/// <see cref="IEtcdClient"/> over etcd's gRPC gateway (JSON over HTTP/1.1, <c>/v3/...</c>). Each call goes to the
/// endpoint that answered last and moves on to the next one when an endpoint refuses, times out after
/// <see cref="EtcdClientOptions.RequestTimeout"/> or reports that it cannot serve (no leader, request timed out);
/// any other etcd error is thrown as <see cref="EtcdServerException"/>. Thread-safe; one instance per process.
/// </summary>
/// <remarks>
/// A write whose attempt failed after it may have reached a member (a timeout, a connection lost mid-request) is sent
/// again to the next endpoint, so it may apply twice. That is harmless for puts; a resent delete can report that the
/// key did not exist. <see cref="CreateAsync"/> and <see cref="ReplaceAsync"/> account for it: when a resent
/// transaction finds the key already holding exactly this value and lease, they report it as written.
/// </remarks>
public sealed class EtcdClient : IEtcdClient
{
    private static readonly EtcdJsonContext Json = EtcdJsonContext.Default;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly TimeSpan WatchRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http;
    private readonly Uri[] _endpoints;
    private readonly TimeSpan _requestTimeout;
    private int _current;

    private EtcdClient(HttpClient http, Uri[] endpoints, TimeSpan requestTimeout)
    {
        _http = http;
        _endpoints = endpoints;
        _requestTimeout = requestTimeout;
    }

    /// <summary>The configured endpoints.</summary>
    public IReadOnlyList<Uri> Endpoints => _endpoints;

    /// <summary>The endpoint the next call goes to first: the one that answered last.</summary>
    public Uri CurrentEndpoint => _endpoints[Volatile.Read(ref _current)];

    /// <summary>Creates a client. Certificates are loaded here; nothing is connected until the first call.</summary>
    /// <exception cref="ArgumentException">No endpoint, an endpoint that is not http(s), a certificate without key, or a timeout that is not positive.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A PEM file cannot be read.</exception>
    public static EtcdClient Create(EtcdClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoints is not { Count: > 0 })
        {
            throw new ArgumentException("At least one endpoint is needed.", nameof(options));
        }

        foreach (Uri endpoint in options.Endpoints)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"Endpoint '{endpoint}' is not an http:// or https:// URL.", nameof(options));
            }
        }

        if (options.CertFile is null != options.KeyFile is null)
        {
            throw new ArgumentException("CertFile and KeyFile go together.", nameof(options));
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.DialTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout and DialTimeout must be positive.", nameof(options));
        }

        SslClientAuthenticationOptions tls = CreateTlsOptions(options);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.DialTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = tls,
        };
        if (options.ConnectCallback is { } connect)
        {
            handler.ConnectCallback = (context, token) => connect(context.DnsEndPoint, token);
        }

        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new EtcdClient(http, [.. options.Endpoints], options.RequestTimeout);
    }

    /// <inheritdoc/>
    public async Task<EtcdRange> GetPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        byte[] key = Encode(prefix);
        var request = new RangeRequest { Key = key, RangeEnd = PrefixEnd(key) };
        RangeResponse response = await CallAsync("/v3/kv/range", request, Json.RangeRequest, Json.RangeResponse, cancellationToken).ConfigureAwait(false);
        var items = new EtcdKeyValue[response.Kvs?.Count ?? 0];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = ToKeyValue(response.Kvs![i]);
        }

        return new EtcdRange(items, RevisionOf(response.Header));
    }

    /// <inheritdoc/>
    public async Task<EtcdKeyValue?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var request = new RangeRequest { Key = Encode(key) };
        RangeResponse response = await CallAsync("/v3/kv/range", request, Json.RangeRequest, Json.RangeResponse, cancellationToken).ConfigureAwait(false);
        return response.Kvs is [KeyValue kv, ..] ? ToKeyValue(kv) : null;
    }

    /// <inheritdoc/>
    public Task<bool> CreateAsync(string key, ReadOnlyMemory<byte> value, long leaseId = 0, CancellationToken cancellationToken = default)
    {
        byte[] k = Encode(key);
        return PutIfAsync(new Compare { Key = k, Target = "CREATE", Result = "EQUAL", CreateRevision = 0 }, k, value, leaseId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> ReplaceAsync(string key, ReadOnlyMemory<byte> value, long modRevision, long leaseId = 0, CancellationToken cancellationToken = default)
    {
        byte[] k = Encode(key);
        return PutIfAsync(new Compare { Key = k, Target = "MOD", Result = "EQUAL", ModRevision = modRevision }, k, value, leaseId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<long> PutAsync(string key, ReadOnlyMemory<byte> value, long leaseId = 0, CancellationToken cancellationToken = default)
    {
        var request = new PutRequest { Key = Encode(key), Value = value.ToArray(), Lease = leaseId };
        PutResponse response = await CallAsync("/v3/kv/put", request, Json.PutRequest, Json.PutResponse, cancellationToken).ConfigureAwait(false);
        return RevisionOf(response.Header);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var request = new DeleteRangeRequest { Key = Encode(key) };
        DeleteRangeResponse response = await CallAsync("/v3/kv/deleterange", request, Json.DeleteRangeRequest, Json.DeleteRangeResponse, cancellationToken).ConfigureAwait(false);
        return response.Deleted > 0;
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteIfAsync(string key, long modRevision, CancellationToken cancellationToken = default)
    {
        byte[] k = Encode(key);
        var request = new TxnRequest
        {
            Compare = [new Compare { Key = k, Target = "MOD", Result = "EQUAL", ModRevision = modRevision }],
            Success = [new RequestOp { DeleteRange = new DeleteRangeRequest { Key = k } }],
        };
        TxnResponse response = await CallAsync("/v3/kv/txn", request, Json.TxnRequest, Json.TxnResponse, cancellationToken).ConfigureAwait(false);
        return response.Succeeded;
    }

    /// <inheritdoc/>
    public async Task<EtcdLease> GrantLeaseAsync(TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var request = new LeaseRequest { Ttl = Math.Max(1, (long)Math.Ceiling(ttl.TotalSeconds)) };
        LeaseResponse response = await CallAsync("/v3/lease/grant", request, Json.LeaseRequest, Json.LeaseResponse, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(response.Error) || response.Id == 0)
        {
            throw new EtcdException("lease grant failed: " + (response.Error ?? "no lease id"));
        }

        return new EtcdLease(response.Id, TimeSpan.FromSeconds(response.Ttl));
    }

    /// <inheritdoc/>
    public async Task<TimeSpan?> KeepAliveAsync(long leaseId, CancellationToken cancellationToken = default)
    {
        // A bidirectional stream on the gateway: one request line in, one response line out.
        LeaseResponse response;
        try
        {
            (response, _) = await SendAsync("/v3/lease/keepalive", new LeaseRequest { Id = leaseId }, Json.LeaseRequest, ReadFirstLeaseMessageAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (EtcdServerException e) when (e.Code == GrpcCode.NotFound)
        {
            return null;
        }

        return response.Ttl > 0 ? TimeSpan.FromSeconds(response.Ttl) : null;
    }

    /// <inheritdoc/>
    public async Task<TimeSpan?> TimeToLiveAsync(long leaseId, CancellationToken cancellationToken = default)
    {
        var request = new LeaseRequest { Id = leaseId };
        LeaseResponse response = await CallAsync("/v3/lease/timetolive", request, Json.LeaseRequest, Json.LeaseResponse, cancellationToken).ConfigureAwait(false);
        return response.Ttl >= 0 ? TimeSpan.FromSeconds(response.Ttl) : null;
    }

    /// <inheritdoc/>
    public async Task RevokeLeaseAsync(long leaseId, CancellationToken cancellationToken = default)
    {
        try
        {
            await CallAsync("/v3/lease/revoke", new LeaseRequest { Id = leaseId }, Json.LeaseRequest, Json.LeaseResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (EtcdServerException e) when (e.Code == GrpcCode.NotFound)
        {
            // Already expired or revoked.
        }
    }

    /// <summary>
    /// Compacts the key-value history up to <paramref name="revision"/>: watches from older revisions then fail with
    /// <see cref="EtcdCompactedException"/>. A revision that is already compacted throws <see cref="EtcdServerException"/> (code 11).
    /// </summary>
    public async Task CompactAsync(long revision, CancellationToken cancellationToken = default)
    {
        var request = new CompactionRequest { Revision = revision, Physical = true };
        await CallAsync("/v3/kv/compaction", request, Json.CompactionRequest, Json.CompactionResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks one member (no failover) for its status: its id, the leader it follows, its term and revision.</summary>
    /// <exception cref="EtcdUnavailableException">The member did not answer within the request timeout.</exception>
    public async Task<EtcdMemberStatus> StatusAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new StatusRequest(), Json.StatusRequest);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        StatusResponse response;
        try
        {
            response = await SendOnceAsync(endpoint, "/v3/maintenance/status", body, Unary(Json.StatusResponse), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsMemberFailure(e))
        {
            throw new EtcdUnavailableException($"{endpoint}: {e.Message}", e);
        }

        return new EtcdMemberStatus(response.Header?.MemberId ?? 0, response.Leader, response.RaftTerm, RevisionOf(response.Header), response.Version ?? "");
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<EtcdWatchBatch> WatchPrefixAsync(string prefix, long startRevision, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        byte[] key = Encode(prefix);
        byte[] rangeEnd = PrefixEnd(key);
        long next = startRevision;
        int index = Volatile.Read(ref _current);
        var failures = new List<Exception>();
        long failingSince = 0;
        while (true)
        {
            var request = new WatchRequest
            {
                Create = new WatchCreateRequest { Key = key, RangeEnd = rangeEnd, StartRevision = next, ProgressNotify = true },
            };
            WatchStream? stream = await TryOpenWatchAsync(index, request, failures, cancellationToken).ConfigureAwait(false);
            index = (index + 1) % _endpoints.Length;
            if (stream is null)
            {
                // Members refuse watches while they have no leader, so a whole round can fail during an election:
                // keep going round (paced) until the failures have lasted a request timeout.
                failingSince = failures.Count == 1 ? Stopwatch.GetTimestamp() : failingSince;
                if (failures.Count % _endpoints.Length == 0)
                {
                    if (Stopwatch.GetElapsedTime(failingSince) >= _requestTimeout)
                    {
                        throw Unavailable("watch", failures[^_endpoints.Length..]);
                    }

                    await Task.Delay(WatchRetryDelay, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            failures.Clear();
            bool delivered = false;
            await using (stream.ConfigureAwait(false))
            {
                while (await NextBatchAsync(stream, failures, cancellationToken).ConfigureAwait(false) is { } batch)
                {
                    delivered = true;
                    next = Math.Max(next, batch.Revision + 1);
                    yield return batch;
                }
            }

            // The stream broke: resume on the next member from where the caller is (at once if this one was useful).
            failures.Clear();
            if (!delivered)
            {
                await Task.Delay(WatchRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<WatchStream?> TryOpenWatchAsync(int index, WatchRequest request, List<Exception> failures, CancellationToken cancellationToken)
    {
        Uri endpoint = _endpoints[index];
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, Json.WatchRequest);
        try
        {
            WatchStream stream = await WatchStream.OpenAsync(_http, endpoint, body, _requestTimeout, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, index);
            return stream;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsMemberFailure(e))
        {
            failures.Add(new EtcdException($"{endpoint}: {e.Message}", e));
            return null;
        }
    }

    /// <summary>The next batch; <see langword="null"/> (with the reason added to <paramref name="failures"/>) when the stream broke.</summary>
    private static async Task<EtcdWatchBatch?> NextBatchAsync(WatchStream stream, List<Exception> failures, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                WatchResponse response = await stream.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (response.Canceled)
                {
                    if (response.CompactRevision > 0)
                    {
                        throw new EtcdCompactedException(response.CompactRevision);
                    }

                    throw new EtcdServerException(GrpcCode.Unavailable, "watch canceled: " + (response.CancelReason ?? "no reason given"));
                }

                if (!response.Created)
                {
                    return ToBatch(response);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (IsMemberFailure(e) || e is EtcdServerException))
        {
            // Whatever ends an established stream (other than compaction) is worth retrying on another member.
            failures.Add(new EtcdException($"{stream.Endpoint}: {e.Message}", e));
            return null;
        }
    }

    private static EtcdWatchBatch ToBatch(WatchResponse response)
    {
        List<WatchEvent>? events = response.Events;
        if (events is not { Count: > 0 })
        {
            // A progress notification: every change up to the header's revision has been sent.
            return new EtcdWatchBatch(RevisionOf(response.Header), []);
        }

        var result = new EtcdEvent[events.Count];
        for (int i = 0; i < result.Length; i++)
        {
            WatchEvent e = events[i];
            KeyValue kv = e.Kv ?? throw new EtcdException("watch event without a key");
            result[i] = new EtcdEvent(e.Type == "DELETE" ? EtcdEventType.Delete : EtcdEventType.Put, ToKeyValue(kv));
        }

        // The header of a catch-up response can be ahead of its events (etcd sends large backlogs in parts), so the
        // batch is complete up to its last event.
        return new EtcdWatchBatch(result[^1].Item.ModRevision, result);
    }

    private async Task<bool> PutIfAsync(Compare compare, byte[] key, ReadOnlyMemory<byte> value, long leaseId, CancellationToken cancellationToken)
    {
        var request = new TxnRequest
        {
            Compare = [compare],
            Success = [new RequestOp { Put = new PutRequest { Key = key, Value = value.ToArray(), Lease = leaseId } }],
            Failure = [new RequestOp { Range = new RangeRequest { Key = key } }],
        };
        (TxnResponse response, bool resent) = await SendAsync("/v3/kv/txn", request, Json.TxnRequest, Unary(Json.TxnResponse), cancellationToken).ConfigureAwait(false);
        if (response.Succeeded)
        {
            return true;
        }

        // Resent after an attempt that may have applied: the key holding exactly what this call writes means it did.
        return resent && response.Responses is [{ Range.Kvs: [KeyValue current, ..] }, ..] && current.Lease == leaseId &&
            value.Span.SequenceEqual(current.Value ?? []) && current.ModRevision > compare.ModRevision;
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string path, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
        where TResponse : class =>
        (await SendAsync(path, request, requestInfo, Unary(responseInfo), cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>
    /// Sends one request to the endpoints in turn, from the last good one, until one answers. <c>Resent</c> tells
    /// whether an earlier attempt failed after the request may have reached its member.
    /// </summary>
    private async Task<(TResponse Response, bool Resent)> SendAsync<TRequest, TResponse>(
        string path, TRequest request, JsonTypeInfo<TRequest> requestInfo, Func<Stream, CancellationToken, ValueTask<TResponse?>> read, CancellationToken cancellationToken)
        where TResponse : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, requestInfo);
        int first = Volatile.Read(ref _current);
        List<Exception>? failures = null;
        bool resent = false;
        for (int i = 0; i < _endpoints.Length; i++)
        {
            int index = (first + i) % _endpoints.Length;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_requestTimeout);
            try
            {
                TResponse response = await SendOnceAsync(_endpoints[index], path, body, read, timeout.Token).ConfigureAwait(false);
                Volatile.Write(ref _current, index);
                return (response, resent);
            }
            catch (EtcdServerException e) when (!e.IsMemberFailure)
            {
                Volatile.Write(ref _current, index);
                throw;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsMemberFailure(e))
            {
                (failures ??= []).Add(new EtcdException($"{_endpoints[index]}: {e.Message}", e));
                resent |= e is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };
            }
        }

        throw Unavailable(path, failures!);
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(
        Uri endpoint, string path, byte[] body, Func<Stream, CancellationToken, ValueTask<TResponse?>> read, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var message = CreateRequest(endpoint, path, body);
        using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadErrorAsync(stream, response.StatusCode, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await read(stream, cancellationToken).ConfigureAwait(false) ?? throw new EtcdException($"{new Uri(endpoint, path)}: empty response");
            }
            catch (JsonException e)
            {
                throw new EtcdException($"{new Uri(endpoint, path)}: malformed response: {e.Message}", e);
            }
        }
    }

    internal static HttpRequestMessage CreateRequest(Uri endpoint, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path))
        {
            Content = content,
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The exception for a non-2xx answer; one that is not etcd's error JSON counts as the member failing.</summary>
    internal static async Task<EtcdServerException> ReadErrorAsync(Stream stream, HttpStatusCode status, CancellationToken cancellationToken)
    {
        ErrorBody? error = null;
        try
        {
            error = await JsonSerializer.DeserializeAsync(stream, Json.ErrorBody, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
        }

        return error is null
            ? new EtcdServerException(GrpcCode.Unavailable, $"HTTP {(int)status} {status}")
            : ToException(error.Error, error.Message, error.Code);
    }

    /// <summary>Reads either error shape (see <see cref="ErrorBody"/>).</summary>
    internal static EtcdServerException ToException(JsonElement error, string? message, int code)
    {
        if (error.ValueKind == JsonValueKind.Object)
        {
            if (error.TryGetProperty("grpc_code", out JsonElement grpcCode) && grpcCode.TryGetInt32(out int value))
            {
                code = value;
            }

            if (error.TryGetProperty("message", out JsonElement text) && text.ValueKind == JsonValueKind.String)
            {
                message = text.GetString();
            }
        }
        else if (error.ValueKind == JsonValueKind.String)
        {
            message ??= error.GetString();
        }

        return new EtcdServerException(code, string.IsNullOrEmpty(message) ? "etcd error" : message);
    }

    /// <summary>Whether <paramref name="e"/> says this member cannot serve now, so another one should be asked.</summary>
    internal static bool IsMemberFailure(Exception e) =>
        e is HttpRequestException or IOException or SocketException or OperationCanceledException or EtcdServerException { IsMemberFailure: true };

    private static async ValueTask<LeaseResponse?> ReadFirstLeaseMessageAsync(Stream stream, CancellationToken cancellationToken)
    {
        var lines = new JsonLineReader(stream);
        await using (lines.ConfigureAwait(false))
        {
            StreamMessage<LeaseResponse>? message = await lines.ReadAsync(Json.StreamMessageLeaseResponse, cancellationToken).ConfigureAwait(false);
            if (message is { Error.ValueKind: JsonValueKind.Object or JsonValueKind.String })
            {
                throw ToException(message.Error, null, 0);
            }

            return message?.Result;
        }
    }

    private static Func<Stream, CancellationToken, ValueTask<T?>> Unary<T>(JsonTypeInfo<T> typeInfo) =>
        (stream, cancellationToken) => JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken);

    private static EtcdUnavailableException Unavailable(string what, List<Exception> failures) =>
        new($"no etcd endpoint answered {what}: " + string.Join("; ", failures.Select(f => f.Message)), new AggregateException(failures));

    private static SslClientAuthenticationOptions CreateTlsOptions(EtcdClientOptions options)
    {
        var tls = new SslClientAuthenticationOptions();
        if (options.CaFile is { } caFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }

        if (options.CertFile is { } certFile)
        {
            tls.ClientCertificates = [X509Certificate2.CreateFromPemFile(certFile, options.KeyFile)];
        }

        return tls;
    }

    private static byte[] Encode(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The first key after every key that starts with <paramref name="prefix"/> (etcd's <c>range_end</c> for a prefix).</summary>
    internal static byte[] PrefixEnd(byte[] prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xff)
            {
                byte[] end = prefix[..(i + 1)];
                end[i]++;
                return end;
            }
        }

        return [0]; // "\0": every key from the start key on.
    }

    private static EtcdKeyValue ToKeyValue(KeyValue kv) =>
        new(Encoding.UTF8.GetString(kv.Key ?? []), kv.Value ?? [], kv.CreateRevision, kv.ModRevision, kv.Version, kv.Lease);

    private static long RevisionOf(ResponseHeader? header) => header?.Revision ?? throw new EtcdException("response without a header");
}
