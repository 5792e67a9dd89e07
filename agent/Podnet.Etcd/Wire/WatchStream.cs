using System.Text.Json;

namespace Podnet.Etcd.Wire;

/// <summary>One open <c>/v3/watch</c> stream on one member: the response lines of a single watch.</summary>
internal sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly JsonLineReader _lines;
    private WatchResponse? _pending;

    private WatchStream(Uri endpoint, HttpResponseMessage response, JsonLineReader lines)
    {
        Endpoint = endpoint;
        _response = response;
        _lines = lines;
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// Sends the create request and waits, at most <paramref name="timeout"/>, for the member to confirm it. The
    /// request asks for a member that has a leader (<c>hasleader</c> metadata), so a member cut off from the
    /// cluster refuses or cancels the watch instead of going silent.
    /// </summary>
    public static async Task<WatchStream> OpenAsync(HttpClient http, Uri endpoint, byte[] createRequest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using HttpRequestMessage request = EtcdClient.CreateRequest(endpoint, "/v3/watch", createRequest);
        request.Headers.Add("Grpc-Metadata-hasleader", "true");
        HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        try
        {
            Stream body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await EtcdClient.ReadErrorAsync(body, response.StatusCode, deadline.Token).ConfigureAwait(false);
            }

            var stream = new WatchStream(endpoint, response, new JsonLineReader(body));
            WatchResponse first = await stream.ReadAsync(deadline.Token).ConfigureAwait(false);
            if (!first.Created && !first.Canceled)
            {
                throw new EtcdException($"{endpoint}: watch answered before it was created");
            }

            // A canceled first answer (compacted, no leader) is left for the first read to report.
            stream._pending = first.Created ? null : first;
            return stream;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The next response.</summary>
    /// <exception cref="IOException">The stream ended.</exception>
    /// <exception cref="EtcdServerException">The member wrote an error instead.</exception>
    public async Task<WatchResponse> ReadAsync(CancellationToken cancellationToken)
    {
        if (_pending is { } pending)
        {
            _pending = null;
            return pending;
        }

        StreamMessage<WatchResponse>? message = await _lines.ReadAsync(EtcdJsonContext.Default.StreamMessageWatchResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new IOException($"{Endpoint}: the watch stream ended");
        if (message.Error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            throw EtcdClient.ToException(message.Error, null, 0);
        }

        return message.Result ?? throw new EtcdException($"{Endpoint}: watch message without a result");
    }

    public async ValueTask DisposeAsync()
    {
        await _lines.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
