using System.Runtime.InteropServices;

namespace Podnet.PluginCompare.Interop;

/// <summary><c>struct rusage</c> on 64-bit Linux (two <c>timeval</c>s, then fourteen <c>long</c>s).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ResourceUsage
{
    public long UserSeconds;
    public long UserMicroseconds;
    public long SystemSeconds;
    public long SystemMicroseconds;

    /// <summary>Peak resident set size in KiB; for <c>wait4</c>, the maximum over the child and its reaped descendants.</summary>
    public long MaxResidentKiB;
    public long SharedMemory;
    public long UnsharedData;
    public long UnsharedStack;
    public long MinorFaults;
    public long MajorFaults;
    public long Swaps;
    public long BlockInputs;
    public long BlockOutputs;
    public long MessagesSent;
    public long MessagesReceived;
    public long Signals;
    public long VoluntaryContextSwitches;
    public long InvoluntaryContextSwitches;

    public readonly double CpuMilliseconds =>
        ((UserSeconds + SystemSeconds) * 1000.0) + ((UserMicroseconds + SystemMicroseconds) / 1000.0);
}
