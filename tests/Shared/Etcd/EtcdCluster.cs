using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Podnet.Etcd;
using Podnet.Netlink;
using Podnet.Netlink.Testing;

namespace Podnet.Testing.Etcd;

/// <summary>
/// A real etcd cluster for tests: N members of the Debian <c>etcd</c> binary, each started inside its own network
/// namespace at its own address (<see cref="EtcdPlacement"/>), bootstrapped statically, data under a temporary
/// directory. Disposing kills every member and removes the data (and the namespace <see cref="StartOnLoopbackAsync"/>
/// made), also when starting failed half-way. Test projects that compile this in reference Podnet.Etcd and Podnet.Netlink.
/// </summary>
internal sealed class EtcdCluster : IAsyncDisposable
{
    /// <summary>The etcd server binary (Debian package <c>etcd-server</c>).</summary>
    public const string Binary = "/usr/bin/etcd";

    private readonly EtcdMember[] _members;
    private readonly EtcdClusterOptions _options;
    private readonly string _directory;
    private readonly string _token;
    private readonly NetworkNamespace? _ownedNamespace;
    private readonly EtcdClient _admin;

    private EtcdCluster(IReadOnlyList<EtcdPlacement> placement, EtcdClusterOptions options, NetworkNamespace? ownedNamespace)
    {
        _options = options;
        _ownedNamespace = ownedNamespace;
        _token = TestNames.Next("etcd");

        // tmpfs when there is one: raft fsyncs every write, and a loaded test machine should not wait for a disk.
        // (A killed run's directory there is reclaimed like any other test directory: TestNames.)
        string root = Directory.Exists(TestNames.SharedMemoryRoot) ? TestNames.SharedMemoryRoot : Path.GetTempPath();
        _directory = Path.Combine(root, _token);
        string scheme = options.ServerCertificate is null ? "http" : "https";
        _members = [.. placement.Select((p, i) => new EtcdMember(i, p, Path.Combine(_directory, "m" + i), scheme))];
        Endpoints = [.. _members.Select(m => m.ClientUrl)];
        _admin = CreateClient(TimeSpan.FromSeconds(2));
        Directory.CreateDirectory(_directory); // last: nothing above leaves anything behind when it throws
    }

    /// <summary>The members' client URLs, in placement order.</summary>
    public IReadOnlyList<Uri> Endpoints { get; }

    /// <summary>The number of members.</summary>
    public int Count => _members.Length;

    /// <summary>The namespace <see cref="StartOnLoopbackAsync"/> created for every member; <see langword="null"/> otherwise.</summary>
    public string? NetnsPath => _ownedNamespace?.Path;

    /// <summary>Starts one member per placement and waits until every member follows the same leader.</summary>
    public static async Task<EtcdCluster> StartAsync(IReadOnlyList<EtcdPlacement> placement, EtcdClusterOptions? options = null, CancellationToken cancellationToken = default) =>
        await StartAsync(placement, options, ownedNamespace: null, cancellationToken);

    /// <summary>
    /// Creates a throwaway namespace with <c>lo</c> up and starts <paramref name="members"/> members on 127.0.0.1
    /// inside it (client ports 2379, 2389, ...; peer ports 2380, 2390, ...). The namespace goes with the cluster.
    /// </summary>
    public static async Task<EtcdCluster> StartOnLoopbackAsync(int members = 3, EtcdClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        NetworkNamespace ns = NetworkNamespace.Create(TestNames.Next("etcd"));
        try
        {
            ns.BringLoopbackUp();
        }
        catch
        {
            ns.Dispose();
            throw;
        }

        EtcdPlacement[] placement = [.. Enumerable.Range(0, members).Select(i => new EtcdPlacement(ns.Path, IPAddress.Loopback, 2379 + (10 * i), 2380 + (10 * i)))];
        return await StartAsync(placement, options, ns, cancellationToken);
    }

    /// <summary>
    /// A connect hook for <see cref="EtcdClientOptions.ConnectCallback"/> that creates each socket inside the
    /// namespace at <paramref name="netnsPath"/> (endpoints must be IP literals: there is no resolver there).
    /// </summary>
    public static Func<DnsEndPoint, CancellationToken, ValueTask<Stream>> ConnectInNamespace(string netnsPath) =>
        (endpoint, cancellationToken) => ConnectAsync(netnsPath, endpoint, cancellationToken);

    /// <summary>
    /// A client for this cluster. With <paramref name="netnsPath"/> its sockets are created in that namespace;
    /// without, each connection is made from inside the namespace of the member it goes to. The request timeout
    /// defaults to a generous 10 s (an election on a loaded machine), the dial timeout is 1 s.
    /// </summary>
    public EtcdClient CreateClient(TimeSpan? requestTimeout = null, string? netnsPath = null, IReadOnlyList<Uri>? endpoints = null)
    {
        (string CertFile, string KeyFile)? certificate = _options.ClientCertificate;
        return EtcdClient.Create(new EtcdClientOptions
        {
            Endpoints = endpoints ?? Endpoints,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
            DialTimeout = TimeSpan.FromSeconds(1),
            CaFile = _options.ServerCaFile,
            CertFile = certificate?.CertFile,
            KeyFile = certificate?.KeyFile,
            ConnectCallback = netnsPath is null ? ConnectToMember : ConnectInNamespace(netnsPath),
        });
    }

    /// <summary>Whether member <paramref name="member"/> is running.</summary>
    public bool IsRunning(int member) => _members[member].IsRunning;

    /// <summary>SIGKILLs member <paramref name="member"/> and waits until it is gone.</summary>
    public void Kill(int member) => _members[member].Kill();

    /// <summary>
    /// Freezes member <paramref name="member"/> (SIGSTOP) and waits until every thread of it has stopped: its sockets
    /// still accept connections, but nothing answers.
    /// </summary>
    public void Pause(int member) => _members[member].Pause();

    /// <summary>Lets a paused member run again (SIGCONT).</summary>
    public void Resume(int member) => _members[member].Resume();

    /// <summary>Stops member <paramref name="member"/> with SIGTERM (SIGKILL after 10 s).</summary>
    public Task StopAsync(int member) => _members[member].StopAsync(TimeSpan.FromSeconds(10));

    /// <summary>Starts a stopped or killed member again on its data directory and waits until the cluster is whole.</summary>
    public async Task StartMemberAsync(int member, CancellationToken cancellationToken = default)
    {
        _members[member].Start(Arguments(_members[member]));
        await WaitHealthyAsync(cancellationToken);
    }

    /// <summary>The index of the member that leads, waiting (up to the start timeout) while an election is on.</summary>
    public async Task<int> LeaderIndexAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartTimeout);
        while (true)
        {
            foreach (EtcdMember member in _members.Where(m => m.IsRunning))
            {
                EtcdMemberStatus? status = await TryStatusAsync(member, deadline.Token);
                if (status is { IsLeader: true })
                {
                    return member.Index;
                }
            }

            await Delay(deadline.Token, "a leader");
        }
    }

    /// <summary>Compacts the cluster's history up to <paramref name="revision"/>.</summary>
    public Task CompactAsync(long revision, CancellationToken cancellationToken = default) => _admin.CompactAsync(revision, cancellationToken);

    /// <summary>
    /// Waits until every running member answers and follows the same leader, which is one of them. Throws with the
    /// members' log tails if that takes longer than the start timeout or a member process exits.
    /// </summary>
    public async Task WaitHealthyAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartTimeout);
        while (true)
        {
            var leaders = new HashSet<ulong>();
            var ids = new HashSet<ulong>();
            bool allAnswered = true;
            foreach (EtcdMember member in _members.Where(m => m.ShouldRun))
            {
                EtcdMemberStatus? status = await TryStatusAsync(member, deadline.Token);
                if (!member.IsRunning)
                {
                    throw new InvalidOperationException($"etcd member {member.Name} exited:\n{member.LogTail}");
                }

                allAnswered &= status is not null;
                if (status is not null)
                {
                    leaders.Add(status.LeaderId);
                    ids.Add(status.MemberId);
                }
            }

            if (allAnswered && leaders.Count == 1 && ids.Contains(leaders.Single()))
            {
                return;
            }

            await Delay(deadline.Token, "a healthy cluster");
        }
    }

    /// <summary>Kills every member, then removes the data directory and the owned namespace; throws what failed only after all of it.</summary>
    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        await _admin.DisposeAsync();
        foreach (EtcdMember member in _members)
        {
            try
            {
                member.Dispose();
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                errors.Add(e);
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(e);
        }

        try
        {
            _ownedNamespace?.Dispose();
        }
        catch (SystemCallException e)
        {
            errors.Add(e);
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("etcd cluster teardown failed", errors);
        }
    }

    private static async Task<EtcdCluster> StartAsync(IReadOnlyList<EtcdPlacement> placement, EtcdClusterOptions? options, NetworkNamespace? ownedNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.Count == 0)
        {
            ownedNamespace?.Dispose();
            throw new ArgumentException("An etcd cluster needs at least one member.", nameof(placement));
        }

        if (!File.Exists(Binary))
        {
            ownedNamespace?.Dispose();
            throw new InvalidOperationException($"{Binary} is missing: install the Debian package etcd-server (./build.sh setup does).");
        }

        EtcdCluster cluster;
        try
        {
            cluster = new EtcdCluster(placement, options ?? new EtcdClusterOptions(), ownedNamespace);
        }
        catch
        {
            ownedNamespace?.Dispose();
            throw;
        }

        try
        {
            foreach (EtcdMember member in cluster._members)
            {
                member.Start(cluster.Arguments(member));
            }

            await cluster.WaitHealthyAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private List<string> Arguments(EtcdMember member)
    {
        string initialCluster = string.Join(',', _members.Select(m => $"{m.Name}={Url(m.PeerUrl)}"));
        List<string> arguments =
        [
            "--name", member.Name,
            "--data-dir", member.DataDirectory,
            "--listen-client-urls", Url(member.ClientUrl),
            "--advertise-client-urls", Url(member.ClientUrl),
            "--listen-peer-urls", Url(member.PeerUrl),
            "--initial-advertise-peer-urls", Url(member.PeerUrl),
            "--initial-cluster", initialCluster,
            "--initial-cluster-state", "new",
            "--initial-cluster-token", _token,
            "--heartbeat-interval", Milliseconds(_options.HeartbeatInterval),
            "--election-timeout", Milliseconds(_options.ElectionTimeout),
            "--experimental-watch-progress-notify-interval", Milliseconds(_options.WatchProgressNotifyInterval) + "ms",
            "--logger", "zap",
            "--log-outputs", "stderr",
        ];
        if (_options.AutoCompactionRevisions is { } keep)
        {
            arguments.AddRange(["--auto-compaction-mode", "revision", "--auto-compaction-retention", keep.ToString(CultureInfo.InvariantCulture)]);
        }

        if (_options.ServerCertificate is { } server)
        {
            arguments.AddRange(["--cert-file", server.CertFile, "--key-file", server.KeyFile]);
            if (_options.ClientCaFile is { } clientCa)
            {
                arguments.AddRange(["--client-cert-auth", "--trusted-ca-file", clientCa]);
            }
        }

        return arguments;
    }

    private async Task<EtcdMemberStatus?> TryStatusAsync(EtcdMember member, CancellationToken cancellationToken)
    {
        try
        {
            return await _admin.StatusAsync(member.ClientUrl, cancellationToken);
        }
        catch (Exception e) when (e is EtcdException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null; // Not up yet; the caller's deadline decides.
        }
    }

    private async Task Delay(CancellationToken deadline, string what)
    {
        try
        {
            await Task.Delay(100, deadline);
        }
        catch (OperationCanceledException)
        {
            string logs = string.Join("\n", _members.Select(m => $"--- {m.Name} ({(m.IsRunning ? "running" : "not running")}):\n{m.LogTail}"));
            throw new TimeoutException($"etcd cluster {_token}: no {what} within {_options.StartTimeout}\n{logs}");
        }
    }

    private ValueTask<Stream> ConnectToMember(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        IPAddress address = IPAddress.Parse(endpoint.Host.Trim('[', ']'));
        EtcdMember member = _members.FirstOrDefault(m => m.Placement.ClientPort == endpoint.Port && m.Placement.Address.Equals(address))
            ?? throw new InvalidOperationException($"{endpoint} is no member of this cluster");
        return ConnectAsync(member.Placement.NetnsPath, endpoint, cancellationToken);
    }

    private static async ValueTask<Stream> ConnectAsync(string netnsPath, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        IPAddress address = IPAddress.Parse(endpoint.Host.Trim('[', ']'));
        Socket socket = NetworkNamespace.RunInNamespace(netnsPath, () => new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true });
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A URL as etcd's flags take it: no path, not even "/".</summary>
    private static string Url(Uri url) => url.GetLeftPart(UriPartial.Authority);

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
