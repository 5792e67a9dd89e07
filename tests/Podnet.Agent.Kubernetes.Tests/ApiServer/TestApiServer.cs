using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Podnet.Netlink;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests.ApiServer;

/// <summary>
/// A local HTTPS server that answers the Node requests of the Kubernetes API the way kube-apiserver does: discovery
/// (<c>/version</c>, <c>/api</c>, <c>/apis</c>, <c>/api/v1</c>), <c>GET /api/v1/nodes[/NAME]</c> with <c>limit</c>
/// and <c>continue</c> paging over a consistent snapshot, and watches (<c>?watch=1</c>) streamed as chunked,
/// newline-delimited JSON events from a resourceVersion, with synthetic <c>ADDED</c> events for an unset or
/// <c>"0"</c> resourceVersion, <c>BOOKMARK</c>s when asked with <c>allowWatchBookmarks=true</c>,
/// <c>timeoutSeconds</c>, and <c>410 Expired</c> for a resourceVersion older than the kept history (an in-stream
/// <c>ERROR</c> event, or an HTTP 410 when <see cref="TooOldWatchAsHttpStatus"/>). Lists and watches that ask for
/// server-side printing (<c>as=Table</c>, as kubectl's human-readable output does) get Node Tables. Every request needs
/// <c>Authorization: Bearer <see cref="Token"/></c> (401 otherwise). HTTP/1.1 only, so watch bodies are chunked.
/// </summary>
/// <remarks>
/// resourceVersions come from one counter, as etcd revisions do; <see cref="AdvanceResourceVersion"/> stands for
/// writes to other resources. The test drives the state (<see cref="AddNode"/>, <see cref="UpdateNode"/>,
/// <see cref="DeleteNode"/>) and the failures (<see cref="Compact"/>, <see cref="BreakWatches"/>,
/// <see cref="RejectWatches"/>, <see cref="ExpireWatches"/>).
/// </remarks>
internal sealed class TestApiServer : IAsyncDisposable
{

    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, JsonObject> _nodes = new(StringComparer.Ordinal);
    private readonly List<(long Rv, string Type, JsonObject Object)> _history = [];
    private readonly List<Watcher> _watchers = [];
    private readonly Dictionary<long, List<JsonObject>> _snapshots = [];
    private readonly WebApplication _app;
    private readonly Socket _socket;
    private long _rv = 1000;
    private long _compactedThrough = 1000;
    private int _rejectWatches;

    private TestApiServer(WebApplication app, Socket socket, string token)
    {
        _app = app;
        _socket = socket;
        Token = token;
        var local = (IPEndPoint)socket.LocalEndPoint!;
        string host = local.Address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
        Url = new Uri($"https://{host}:{local.Port.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The server's URL, <c>https://ADDRESS:PORT</c>.</summary>
    public Uri Url { get; }

    /// <summary>The minor version the server reports on <c>/version</c> (1.MINOR.0); kubectl's dispatcher picks its binary by it.</summary>
    public int MinorVersion { get; set; } = 30;

    /// <summary>The bearer token the server accepts.</summary>
    public string Token { get; set; }

    /// <summary>At most this many items per list page (a server may return fewer than <c>limit</c>).</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Answer a watch from a too-old resourceVersion with HTTP 410 instead of 200 + an <c>ERROR</c> event.</summary>
    public bool TooOldWatchAsHttpStatus { get; set; }

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<RequestRecord> Requests { get; } = new();

    /// <summary>The watches currently streaming.</summary>
    public int OpenWatches
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>The current resourceVersion.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _rv;
            }
        }
    }

    /// <summary>
    /// Starts a server on <paramref name="address"/> (port chosen by the kernel), created inside the network namespace
    /// at <paramref name="netnsPath"/> when given (the server's threads stay where they are; the socket lives there).
    /// </summary>
    public static async Task<TestApiServer> StartAsync(TestCertificates certificates, string token, IPAddress address, string? netnsPath = null)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        Socket Listen()
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, 0));
            socket.Listen(64);
            return socket;
        }

        Socket socket = netnsPath is null ? Listen() : NetworkNamespace.RunInNamespace(netnsPath, Listen);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // The default console lifetime hooks SIGTERM and process exit, which would hold the test host open.
        builder.Services.AddSingleton<IHostLifetime, TestHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenHandle((ulong)socket.Handle, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.UseHttps(certificates.Server);
            });
        });
        WebApplication app = builder.Build();
        var server = new TestApiServer(app, socket, token);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>Adds a Node (its <c>kind</c>, <c>apiVersion</c> and <c>resourceVersion</c> are the server's).</summary>
    public long AddNode(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        JsonObject copy = node.DeepClone().AsObject();
        copy.Remove("kind");
        copy.Remove("apiVersion");
        string name = copy["metadata"]!["name"]!.GetValue<string>();
        lock (_lock)
        {
            if (_nodes.ContainsKey(name))
            {
                throw new InvalidOperationException($"node {name} exists");
            }

            _nodes[name] = copy;
            return Record("ADDED", copy);
        }
    }

    /// <summary>Changes a Node in place; returns the new resourceVersion.</summary>
    public long UpdateNode(string name, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            JsonObject node = _nodes[name].DeepClone().AsObject();
            change(node);
            _nodes[name] = node;
            return Record("MODIFIED", node);
        }
    }

    /// <summary>Deletes a Node; returns the new resourceVersion.</summary>
    public long DeleteNode(string name)
    {
        lock (_lock)
        {
            JsonObject node = _nodes[name];
            _nodes.Remove(name);
            return Record("DELETED", node.DeepClone().AsObject());
        }
    }

    /// <summary>A copy of a Node as served (with the server's resourceVersion).</summary>
    public JsonObject GetNode(string name)
    {
        lock (_lock)
        {
            return _nodes[name].DeepClone().AsObject();
        }
    }

    /// <summary>Other resources changed: the resourceVersion moves on by <paramref name="writes"/> with no Node event.</summary>
    public long AdvanceResourceVersion(int writes)
    {
        lock (_lock)
        {
            _rv += writes;
            return _rv;
        }
    }

    /// <summary>Drops the history up to the current resourceVersion: a watch from an older one is too old (410).</summary>
    public void Compact()
    {
        lock (_lock)
        {
            _compactedThrough = _rv;
            _history.RemoveAll(h => h.Rv <= _rv);
            _snapshots.Clear();
        }
    }

    /// <summary>Sends a <c>BOOKMARK</c> at the current resourceVersion to every watch that allows them; returns how many got one.</summary>
    public int SendBookmarks()
    {
        lock (_lock)
        {
            JsonObject bookmark = BookmarkObject(_rv);
            int sent = 0;
            foreach (Watcher watcher in _watchers.Where(w => w.Bookmarks && !w.Table))
            {
                watcher.Lines.Writer.TryWrite(("BOOKMARK", bookmark));
                sent++;
            }

            return sent;
        }
    }

    /// <summary>Resets every watch connection mid-stream (as a crashed server or a broken network does).</summary>
    public void BreakWatches()
    {
        lock (_lock)
        {
            foreach (Watcher watcher in _watchers)
            {
                watcher.Context.Abort();
            }
        }
    }

    /// <summary>The next <paramref name="count"/> watch requests are reset before any response.</summary>
    public void RejectWatches(int count) => Interlocked.Exchange(ref _rejectWatches, count);

    /// <summary>Sends every open watch an in-stream <c>ERROR</c> 410 Expired and ends it (after <see cref="Compact"/>).</summary>
    public void ExpireWatches()
    {
        lock (_lock)
        {
            foreach (Watcher watcher in _watchers)
            {
                watcher.Lines.Writer.TryWrite(("ERROR", ExpiredStatus(watcher.From)));
                watcher.Lines.Writer.TryComplete();
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (Watcher watcher in _watchers)
            {
                watcher.Lines.Writer.TryComplete();
            }
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();

        // Kestrel owned and closed the listening descriptor; the Socket object must not close that number again (and
        // disposing a Socket whose handle is invalid spins forever).
        _socket.SafeHandle.SetHandleAsInvalid();
        GC.SuppressFinalize(_socket);
    }

    /// <summary>The derived pre-1.34 Node bookmark object (see Fixtures/README.md, rule 3).</summary>
    private static JsonObject BookmarkObject(long rv) => new()
    {
        ["kind"] = "Node",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = Rv(rv), ["creationTimestamp"] = null },
        ["spec"] = new JsonObject(),
        ["status"] = JsonNode.Parse("""{"daemonEndpoints":{"kubeletEndpoint":{"Port":0}},"nodeInfo":{"machineID":"","systemUUID":"","bootID":"","kernelVersion":"","osImage":"","containerRuntimeVersion":"","kubeletVersion":"","kubeProxyVersion":"","operatingSystem":"","architecture":""}}"""),
    };

    private JsonObject ExpiredStatus(long requested) =>
        Status(410, "Expired", $"too old resource version: {requested} ({_compactedThrough})");

    private static JsonObject Status(int code, string reason, string message, JsonObject? metadata = null) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = metadata ?? new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    private static string Rv(long rv) => rv.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stamps a new resourceVersion on <paramref name="node"/>, keeps the event and sends it to the watches.</summary>
    private long Record(string type, JsonObject node)
    {
        long rv = ++_rv;
        node["metadata"]!["resourceVersion"] = Rv(rv);
        JsonObject snapshot = node.DeepClone().AsObject();
        _history.Add((rv, type, snapshot));
        foreach (Watcher watcher in _watchers)
        {
            watcher.Lines.Writer.TryWrite((type, Typed(snapshot)));
        }

        return rv;
    }

    /// <summary>A Node as a single object or watch event carries it: with <c>kind</c> and <c>apiVersion</c> first.</summary>
    private static JsonObject Typed(JsonObject node)
    {
        var typed = new JsonObject { ["kind"] = "Node", ["apiVersion"] = "v1" };
        foreach ((string key, JsonNode? value) in node)
        {
            typed[key] = value?.DeepClone();
        }

        return typed;
    }

    private static string Line(string type, JsonObject value) =>
        new JsonObject { ["type"] = type, ["object"] = value }.ToJsonString() + "\n";

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        var record = new RequestRecord(DateTime.UtcNow, request.Method, request.Path + request.QueryString, request.Headers.Accept.ToString(), request.Headers.UserAgent.ToString());
        Requests.Enqueue(record);
        string? authorization = request.Headers.Authorization;
        if (authorization != $"Bearer {Token}")
        {
            record.Status = 401;
            await WriteJsonAsync(context, 401, Status(401, "Unauthorized", "Unauthorized"));
            return;
        }

        record.Status = await RouteAsync(context, record);
    }

    private async Task<int> RouteAsync(HttpContext context, RequestRecord record)
    {
        string path = context.Request.Path.Value ?? "/";
        if (context.Request.Method != "GET")
        {
            await WriteJsonAsync(context, 405, Status(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"));
            return 405;
        }

        switch (path)
        {
            case "/version":
                return await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["major"] = "1",
                    ["minor"] = MinorVersion.ToString(CultureInfo.InvariantCulture),
                    ["gitVersion"] = $"v1.{MinorVersion.ToString(CultureInfo.InvariantCulture)}.0",
                    ["gitCommit"] = "0000000000000000000000000000000000000000",
                    ["gitTreeState"] = "clean",
                    ["buildDate"] = "2026-01-01T00:00:00Z",
                    ["goVersion"] = "go1.22.0",
                    ["compiler"] = "gc",
                    ["platform"] = "linux/amd64",
                });
            case "/api":
                return await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["kind"] = "APIVersions",
                    ["versions"] = new JsonArray("v1"),
                    ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = $"{Url.Host}:{Url.Port}" }),
                });
            case "/apis":
                return await WriteJsonAsync(context, 200, new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = new JsonArray() });
            case "/api/v1":
                return await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["kind"] = "APIResourceList",
                    ["groupVersion"] = "v1",
                    ["resources"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "nodes",
                        ["singularName"] = "node",
                        ["namespaced"] = false,
                        ["kind"] = "Node",
                        ["verbs"] = new JsonArray("get", "list", "watch"),
                        ["shortNames"] = new JsonArray("no"),
                    }),
                });
            case "/api/v1/nodes":
                return IsWatch(context.Request) ? await WatchAsync(context, record) : await ListAsync(context);
        }

        if (path.StartsWith("/api/v1/nodes/", StringComparison.Ordinal) && path.Count(c => c == '/') == 4)
        {
            string name = path["/api/v1/nodes/".Length..];
            JsonObject? node;
            lock (_lock)
            {
                node = _nodes.TryGetValue(name, out JsonObject? found) ? Typed(found) : null;
            }

            return node is not null
                ? await WriteJsonAsync(context, 200, node)
                : await WriteJsonAsync(context, 404, Status(404, "NotFound", $"nodes \"{name}\" not found"));
        }

        return await WriteJsonAsync(context, 404, Status(404, "NotFound", "the server could not find the requested resource"));
    }

    /// <summary>kubectl's human-readable output asks for server-side printing: <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io, ...</c>.</summary>
    private static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table;v=v1;g=meta.k8s.io", StringComparison.Ordinal);

    /// <summary>
    /// Nodes as a <c>meta.k8s.io/v1</c> Table with the columns kube-apiserver prints for them (NAME, STATUS, ROLES, AGE,
    /// VERSION), each row carrying its object as PartialObjectMetadata (the default <c>includeObject</c>).
    /// </summary>
    private static JsonObject NodeTable(IEnumerable<JsonObject> nodes, string resourceVersion, JsonObject? listMetadata, bool headers)
    {
        JsonObject Column(string name, string format, string description) =>
            new() { ["name"] = name, ["type"] = "string", ["format"] = format, ["description"] = description, ["priority"] = 0 };

        var rows = new JsonArray();
        foreach (JsonObject node in nodes)
        {
            JsonObject metadata = node["metadata"]!.AsObject();
            var roles = (metadata["labels"]?.AsObject() ?? [])
                .Select(l => l.Key)
                .Where(k => k.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal))
                .Select(k => k["node-role.kubernetes.io/".Length..])
                .Order(StringComparer.Ordinal)
                .ToList();
            string? ready = node["status"]?["conditions"]?.AsArray().FirstOrDefault(c => (string?)c!["type"] == "Ready")?["status"]?.GetValue<string>();
            string status = ready switch { "True" => "Ready", null => "Unknown", _ => "NotReady" };
            if (node["spec"]?["unschedulable"]?.GetValue<bool>() == true)
            {
                status += ",SchedulingDisabled";
            }

            TimeSpan age = metadata["creationTimestamp"]?.GetValue<string>() is { } created
                ? DateTime.UtcNow - DateTime.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : TimeSpan.Zero;
            rows.Add(new JsonObject
            {
                ["cells"] = new JsonArray(
                    metadata["name"]!.GetValue<string>(),
                    status,
                    roles.Count > 0 ? string.Join(",", roles) : "<none>",
                    age.TotalDays >= 730 ? $"{(int)(age.TotalDays / 365)}y" : $"{(int)age.TotalDays}d",
                    node["status"]?["nodeInfo"]?["kubeletVersion"]?.GetValue<string>() ?? ""),
                ["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = metadata.DeepClone(),
                },
            });
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata?.DeepClone() ?? new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = headers
                ? new JsonArray(
                    Column("Name", "name", "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"),
                    Column("Status", "", "The status of the node"),
                    Column("Roles", "", "The roles of the node"),
                    Column("Age", "", "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
                    Column("Version", "", "Kubelet Version reported by the node."))
                : null,
            ["rows"] = rows,
        };
    }

    private static bool IsWatch(HttpRequest request) => request.Query["watch"].ToString() is "1" or "true";

    private async Task<int> ListAsync(HttpContext context)
    {
        IQueryCollection query = context.Request.Query;
        int limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out int l) && l > 0 ? l : int.MaxValue;
        limit = Math.Min(limit, MaxPageSize);
        string? continueToken = query["continue"].ToString() is { Length: > 0 } c ? c : null;
        List<JsonObject> items;
        long rv;
        string start = string.Empty;
        bool expired = false;
        lock (_lock)
        {
            if (continueToken is not null)
            {
                (rv, start) = DecodeContinue(continueToken);
                items = _snapshots.TryGetValue(rv, out List<JsonObject>? snapshot) ? snapshot : [];
                expired = snapshot is null;
            }
            else
            {
                rv = _rv;
                items = [.. _nodes.Values.Select(n => n.DeepClone().AsObject())];
                if (items.Count > limit)
                {
                    _snapshots[rv] = items;
                }
            }
        }

        if (expired)
        {
            // The snapshot the token points into was compacted away (the apache-apisix capture's message).
            return await WriteJsonAsync(context, 410, Status(410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."));
        }

        List<JsonObject> remaining = [.. items.Where(n => string.CompareOrdinal(n["metadata"]!["name"]!.GetValue<string>(), start) >= 0)];
        List<JsonObject> page = [.. remaining.Take(limit)];
        var metadata = new JsonObject { ["resourceVersion"] = Rv(rv) };
        if (remaining.Count > page.Count)
        {
            string next = page[^1]["metadata"]!["name"]!.GetValue<string>() + "\u0000";
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = next }.ToJsonString()));
            metadata["remainingItemCount"] = remaining.Count - page.Count;
        }

        if (WantsTable(context.Request))
        {
            return await WriteJsonAsync(context, 200, NodeTable(page.Select(Typed), Rv(rv), metadata, headers: true));
        }

        var list = new JsonObject
        {
            ["kind"] = "NodeList",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page.Select(p => (JsonNode)p.DeepClone())]),
        };
        return await WriteJsonAsync(context, 200, list);
    }

    private static (long Rv, string Start) DecodeContinue(string token)
    {
        using JsonDocument document = JsonDocument.Parse(Convert.FromBase64String(token));
        return (document.RootElement.GetProperty("rv").GetInt64(), document.RootElement.GetProperty("start").GetString()!);
    }

    private async Task<int> WatchAsync(HttpContext context, RequestRecord record)
    {
        int left = Volatile.Read(ref _rejectWatches);
        while (left > 0 && Interlocked.CompareExchange(ref _rejectWatches, left - 1, left) != left)
        {
            left = Volatile.Read(ref _rejectWatches);
        }

        if (left > 0)
        {
            context.Abort();
            return -1;
        }

        IQueryCollection query = context.Request.Query;
        string requested = query["resourceVersion"].ToString();
        bool bookmarks = query["allowWatchBookmarks"].ToString() is "true" or "1";
        int timeoutSeconds = int.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out int t) && t > 0 ? t : 1800;
        var watcher = new Watcher(context, bookmarks, WantsTable(context.Request));
        JsonObject? tooOld = null;
        lock (_lock)
        {
            if (requested is "" or "0")
            {
                // "Get State and Start at Most Recent/Any": synthetic ADDED events for what exists.
                watcher.From = _rv;
                foreach (JsonObject node in _nodes.Values)
                {
                    watcher.Lines.Writer.TryWrite(("ADDED", Typed(node)));
                }
            }
            else if (!long.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out long from))
            {
                tooOld = Status(400, "BadRequest", $"invalid resource version: {requested}");
            }
            else if (from < _compactedThrough)
            {
                tooOld = ExpiredStatus(from);
            }
            else
            {
                // "Start at Exact": every event after the requested resourceVersion, then live ones.
                watcher.From = from;
                foreach ((long rv, string type, JsonObject node) in _history.Where(h => h.Rv > from))
                {
                    watcher.Lines.Writer.TryWrite((type, Typed(node)));
                }
            }

            if (tooOld is null)
            {
                _watchers.Add(watcher);
            }
        }

        if (tooOld is not null && (TooOldWatchAsHttpStatus || (int)tooOld["code"]! != 410))
        {
            int code = (int)tooOld["code"]!;
            if (code == 410)
            {
                tooOld["message"] = "The resourceVersion for the provided watch is too old.";
            }

            return await WriteJsonAsync(context, code, tooOld);
        }

        HttpResponse response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-cache, private";
        response.Headers["Audit-Id"] = Guid.NewGuid().ToString();
        await response.StartAsync(context.RequestAborted);
        record.Status = 200;
        if (tooOld is not null)
        {
            // As the watch cache answers a too-old resourceVersion: 200, one ERROR event, end of stream.
            await WriteLineAsync(response, Line("ERROR", tooOld), context.RequestAborted);
            return 200;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            bool first = true;
            await foreach ((string type, JsonObject value) in watcher.Lines.Reader.ReadAllAsync(timeout.Token))
            {
                // Server-side printing: each Node event carries a one-row Table; only the first has the column definitions.
                JsonObject sent = watcher.Table && type is "ADDED" or "MODIFIED" or "DELETED"
                    ? NodeTable([value], value["metadata"]!["resourceVersion"]!.GetValue<string>(), null, first)
                    : value;
                if (!ReferenceEquals(sent, value))
                {
                    first = false;
                }

                await WriteLineAsync(response, Line(type, sent), timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(watcher);
            }
        }

        return 200;
    }

    private static async Task WriteLineAsync(HttpResponse response, string line, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static async Task<int> WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-cache, private";
        context.Response.Headers["Audit-Id"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        return status;
    }

    /// <summary>One open watch.</summary>
    private sealed class Watcher(HttpContext context, bool bookmarks, bool table)
    {
        public HttpContext Context { get; } = context;

        public bool Bookmarks { get; } = bookmarks;

        public long From { get; set; }

        public bool Table { get; } = table;

        public Channel<(string Type, JsonObject Object)> Lines { get; } = Channel.CreateUnbounded<(string, JsonObject)>();
    }
}

/// <summary>A host lifetime that leaves signals and process exit alone.</summary>
internal sealed class TestHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A request the test server received (status 0: not answered yet; -1: reset without an answer).</summary>
internal sealed record RequestRecord(DateTime At, string Method, string Target, string Accept, string UserAgent)
{
    /// <summary>The HTTP status of the answer (a watch: 200 once its stream started).</summary>
    public int Status { get; set; }

    /// <summary>A watch request.</summary>
    public bool IsWatch => Target.StartsWith("/api/v1/nodes?", StringComparison.Ordinal) && (Target.Contains("watch=1", StringComparison.Ordinal) || Target.Contains("watch=true", StringComparison.Ordinal));

    /// <summary>A list request.</summary>
    public bool IsList => Target.StartsWith("/api/v1/nodes", StringComparison.Ordinal) && !IsWatch && !Target.StartsWith("/api/v1/nodes/", StringComparison.Ordinal);
}
