using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Podnet.Netlink;
using Podnet.Testing.Nodes;
using Podnet.Testing.Processes;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>
/// <c>podnetd run --backend kubernetes --kubeconfig F --node NAME</c> (the published binary) inside a node's network
/// namespace, with its CNI and subnet files in a directory of its own. Its log is collected; its health endpoint is
/// reached from inside the namespace; the plugin it installed answers CNI <c>STATUS</c> as a runtime would call it.
/// </summary>
internal sealed class AgentRun : IDisposable
{
    private const int HealthPort = 9155;
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private AgentRun(string netnsPath, string directory, Process process)
    {
        NetnsPath = netnsPath;
        Directory = directory;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The node's namespace file.</summary>
    public string NetnsPath { get; }

    /// <summary>The agent's directory: <c>net.d</c>, <c>bin</c>, <c>run/subnet.env</c>.</summary>
    public string Directory { get; }

    /// <summary>The conflist podnetd writes.</summary>
    public string ConflistPath => Path.Combine(Directory, "net.d", "10-podnet.conflist");

    /// <summary>The subnet file podnetd writes last.</summary>
    public string SubnetFilePath => Path.Combine(Directory, "run", "subnet.env");

    /// <summary>The plugin podnetd installs.</summary>
    public string PluginPath => Path.Combine(Directory, "bin", "podnet");

    /// <summary>Whether the agent has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The agent's log so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts podnetd in <paramref name="netnsPath"/> for node <paramref name="node"/>.</summary>
    public static AgentRun Start(string netnsPath, string directory, string kubeconfig, string node, params string[] extra)
    {
        System.IO.Directory.CreateDirectory(directory);
        var info = RuntimeProcess.StartInfo(AgentBinaries.Podnetd, [new("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")]);
        string[] arguments =
        [
            "run", "--backend", "kubernetes", "--kubeconfig", kubeconfig, "--node", node,
            "--cni-conf-dir", Path.Combine(directory, "net.d"), "--cni-bin-dir", Path.Combine(directory, "bin"),
            "--subnet-file", Path.Combine(directory, "run", "subnet.env"),
            "--health-addr", $"127.0.0.1:{HealthPort.ToString(CultureInfo.InvariantCulture)}", "--resync", "2s",
            .. extra,
        ];
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process = RuntimeProcess.Start(netnsPath, info);
        process.StandardInput.Close();
        return new AgentRun(netnsPath, directory, process);
    }

    /// <summary><c>GET /readyz</c> from inside the namespace: the status code and body.</summary>
    public async Task<(int Status, string Body)> ReadyzAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, token) =>
            {
                Socket socket = NetworkNamespace.RunInNamespace(NetnsPath, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, HealthPort), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using HttpResponseMessage response = await http.GetAsync(new Uri($"http://127.0.0.1:{HealthPort.ToString(CultureInfo.InvariantCulture)}/readyz"));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }

    /// <summary>CNI <c>STATUS</c> of the installed plugin for the conflist, as a runtime calls it; the exit code and stdout.</summary>
    public async Task<(int ExitCode, string Stdout)> CniStatusAsync()
    {
        JsonNode conflist = JsonNode.Parse(await File.ReadAllTextAsync(ConflistPath))!;
        JsonObject plugin = conflist["plugins"]![0]!.AsObject().DeepClone().AsObject();
        plugin["cniVersion"] = conflist["cniVersion"]!.GetValue<string>();
        plugin["name"] = conflist["name"]!.GetValue<string>();

        // As a runtime on a real node would use /var/lib/cni: here the IPAM store stays in the test's own directory.
        plugin["ipam"]!["dataDir"] = Path.Combine(Directory, "ipam");
        var info = RuntimeProcess.StartInfo(PluginPath, [new("CNI_COMMAND", "STATUS"), new("CNI_PATH", Path.Combine(Directory, "bin"))]);
        using Process process = RuntimeProcess.Start(NetnsPath, info);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(plugin.ToJsonString());
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until the log contains <paramref name="text"/> (fails if the agent exits first).</summary>
    public Task LogContainsAsync(string text, TimeSpan? timeout = null) =>
        Polling.UntilAsync(() => HasExited || Log.Contains(text, StringComparison.Ordinal), timeout ?? TimeSpan.FromSeconds(20), () => $"the log has no \"{text}\"\n{Log}")
            .ContinueWith(t => { t.GetAwaiter().GetResult(); Assert.False(HasExited, $"podnetd exited\n{Log}"); }, TaskScheduler.Default);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
