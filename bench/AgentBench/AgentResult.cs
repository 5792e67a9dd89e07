namespace Podnet.AgentBench;

/// <summary>What the agent scenario measured at one lease count (times in milliseconds).</summary>
internal sealed class AgentResult
{
    public int Nodes { get; set; }
    public double EtcdFillSeconds { get; set; }
    public double PodnetSyncEmpty { get; set; }
    public double PodnetSyncNoop { get; set; }
    public double IpBatchEmpty { get; set; }
    public double IpBatchNoop { get; set; }
    public double AgentInitialSync { get; set; }
    public double AgentReady { get; set; }
    public double AgentStartCpu { get; set; }
    public double AgentStartUserCpu { get; set; }
    public double AgentFirstPass { get; set; }
    public string InitialCheck { get; set; } = "";
    public List<double> JoinLatencies { get; } = [];
    public List<double> JoinLatenciesFromIssue { get; } = [];
    public List<double> LeaveLatencies { get; } = [];
    public string JoinCheck { get; set; } = "";
    public int ChurnJoins { get; set; }
    public int ChurnLeaves { get; set; }
    public double ChurnConverged { get; set; }
    public string ChurnCheck { get; set; } = "";
    public double IdleSeconds { get; set; }
    public double IdleCpu { get; set; }
    public long RssKib { get; set; }
    public long HwmKib { get; set; }
    public int Threads { get; set; }
    public double AgentNoopPass { get; set; }
    public int Overflows { get; set; }
    public int LogLines { get; set; }
    public int Problems { get; set; }
}
