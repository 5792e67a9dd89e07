using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Podnet.Agent.Node;

/// <summary>
/// A minimal HTTP/1.1 server for probes and scrapes: <c>GET /healthz</c> (the process is alive), <c>GET /readyz</c>
/// (200 while <see cref="AgentMetrics.Ready"/>, 503 with the reason otherwise) and <c>GET /metrics</c> (Prometheus text).
/// One request per connection; nothing else is served.
/// </summary>
public sealed class HealthServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 8192;
    private readonly Socket _listener;
    private readonly AgentMetrics _metrics;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private HealthServer(Socket listener, AgentMetrics metrics)
    {
        _listener = listener;
        _metrics = metrics;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The address the server listens on (the port is filled in when 0 was asked for).</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Starts listening on <paramref name="endpoint"/>.</summary>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public static HealthServer Start(IPEndPoint endpoint, AgentMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(endpoint);
            listener.Listen(64);
            return new HealthServer(listener, metrics);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                string? target = await ReadRequestTargetAsync(client, timeout.Token).ConfigureAwait(false);
                (int status, string body) = target switch
                {
                    null => (400, "bad request\n"),
                    "/healthz" => (200, "ok\n"),
                    "/readyz" => _metrics.NotReadyReason is { } reason ? (503, $"not ready: {reason}\n") : (200, "ready\n"),
                    "/metrics" => (200, _metrics.Render()),
                    _ => (404, "not found\n"),
                };
                string contentType = target == "/metrics" ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain; charset=utf-8";
                byte[] content = Encoding.UTF8.GetBytes(body);
                string head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
                await client.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, timeout.Token).ConfigureAwait(false);
                await client.SendAsync(content, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client that went away or took too long: nothing to answer.
            }
        }
    }

    /// <summary>Reads the request head; returns the path of a <c>GET</c>, or <see langword="null"/> for anything else.</summary>
    private static async Task<string?> ReadRequestTargetAsync(Socket client, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[MaxRequestBytes];
        int length = 0;
        while (length < buffer.Length)
        {
            int read = await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        string head = Encoding.ASCII.GetString(buffer, 0, length);
        int lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        string[] requestLine = (lineEnd >= 0 ? head[..lineEnd] : head).Split(' ');
        if (requestLine.Length != 3 || requestLine[0] != "GET" || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        string target = requestLine[1];
        int query = target.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? target[..query] : target;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        _ => "Service Unavailable",
    };
}
