using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using Podnet.Testing.Etcd;
using Podnet.Testing.Processes;

namespace Podnet.AgentBench;

/// <summary>
/// One <c>podnetd run</c>, started from a thread inside the benchmark's namespace, its log written to a file, and its
/// health endpoint reached through a socket made in that namespace. Disposing stops it (SIGTERM, then SIGKILL).
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    public const string HealthAddress = "127.0.0.1:9155";
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly HttpClient _http;
    private readonly List<string> _problems = [];
    private int _logLines;

    private AgentProcess(Process process, StreamWriter log, HttpClient http)
    {
        _process = process;
        _log = log;
        _http = http;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Lines the agent has logged so far.</summary>
    public int LogLines => Volatile.Read(ref _logLines);

    /// <summary>The <c>warn</c> and <c>error</c> lines the agent has logged so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_log)
            {
                return [.. _problems];
            }
        }
    }

    public static AgentProcess Start(string netnsPath, string podnetd, IEnumerable<string> arguments, string logFile)
    {
        ProcessStartInfo info = RuntimeProcess.StartInfo(podnetd, [new("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")]);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process = RuntimeProcess.Start(netnsPath, info);
        process.StandardInput.Close();
        var log = new StreamWriter(logFile) { AutoFlush = false };
        var connect = EtcdCluster.ConnectInNamespace(netnsPath);
        var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = (context, token) => connect(context.DnsEndPoint, token) })
        {
            BaseAddress = new Uri("http://" + HealthAddress),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var agent = new AgentProcess(process, log, http);
        process.OutputDataReceived += agent.OnLine;
        process.ErrorDataReceived += agent.OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Whether <c>/readyz</c> answers 200 now.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await _http.GetAsync("/readyz", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>One gauge or counter from <c>/metrics</c>.</summary>
    public async Task<double> MetricAsync(string name, CancellationToken cancellationToken)
    {
        string text = await _http.GetStringAsync("/metrics", cancellationToken);
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/metrics has no {name}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            ProcessSignal.Terminate(_process.Id);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill();
            }
        }

        _process.WaitForExit();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        _http.Dispose();
    }

    private void OnLine(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        Interlocked.Increment(ref _logLines);
        string[] words = e.Data.Split(' ', 3);
        lock (_log)
        {
            _log.WriteLine(e.Data);
            if (words.Length > 1 && words[1] is "warn" or "error")
            {
                _problems.Add(e.Data);
            }
        }
    }
}
