using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni.Tests.Ipam.Support;

/// <summary>
/// An <see cref="IAttachmentIndex"/> that records what the store tells it, and answers lookups from
/// <see cref="Answers"/> while <see cref="Complete"/> (verifying nothing): for tests of how the store uses the seam.
/// </summary>
internal sealed class RecordingAttachmentIndex : IAttachmentIndex
{
    /// <summary>What <see cref="IsComplete"/> reports.</summary>
    public bool Complete { get; set; }

    /// <summary>The answers <see cref="TryFind"/> gives while complete; an attachment not listed has no address.</summary>
    public Dictionary<IpamAttachment, List<IPAddress>> Answers { get; } = [];

    /// <summary>The calls, in order: "begin", "find c/eth0", "rebuild 2", "record c/eth0 10.0.0.2", "invalidate", "end True".</summary>
    public List<string> Calls { get; } = [];

    public bool IsComplete => Complete;

    public void Begin() => Calls.Add("begin");

    public List<IPAddress>? TryFind(IpamAttachment attachment, Func<IPAddress, IpamStoredAllocation?> read)
    {
        Calls.Add($"find {attachment}");
        return Complete ? [.. Answers.GetValueOrDefault(attachment) ?? []] : null;
    }

    public void Rebuild(IReadOnlyList<IpamStoredAllocation> scan) => Calls.Add($"rebuild {scan.Count}");

    public void Record(IpamAttachment attachment, IReadOnlyCollection<IPAddress> addresses) =>
        Calls.Add($"record {attachment} {string.Join(",", addresses.Select(IpAddressText.Format))}".TrimEnd());

    public void Invalidate() => Calls.Add("invalidate");

    public void End(bool consistent) => Calls.Add($"end {consistent}");
}
