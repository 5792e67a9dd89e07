using System.Net;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>How <see cref="IpamStore"/> uses its <see cref="IAttachmentIndex"/>: when it asks, what it tells it, and that it scans whenever the index cannot answer.</summary>
public sealed class IpamStoreIndexSeamTests : IDisposable
{
    private readonly InMemoryAllocationStore _memory = new();
    private readonly RecordingAttachmentIndex _index = new();
    private readonly IpamStore _store;
    private readonly IReadOnlyList<IpRangeSet> _sets = IpamStoreAllocationTests.Sets("10.2.0.0/24;fd00:2::/64");
    private readonly IpamAttachment _c1 = new("c1", "eth0");

    public IpamStoreIndexSeamTests()
    {
        _store = new IpamStore("net", _memory, _index);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void An_index_that_cannot_answer_means_a_scan_it_is_rebuilt_from()
    {
        _memory.Put("10.2.0.9", "hl", "eth0");

        _store.Allocate(_c1, _sets);

        Assert.Equal(["begin", "find c1/eth0", "rebuild 1", "record c1/eth0 10.2.0.2,fd00:2::2", "end True"], _index.Calls);
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal(1, _store.ScanCount);
    }

    [Fact]
    public void An_index_that_answers_saves_the_scan_for_add_check_and_del()
    {
        _index.Complete = true;
        _index.Answers[_c1] = [IPAddress.Parse("fd00:2::7")];
        _memory.Put("fd00:2::7", "c1", "eth0");

        Assert.Equal(["fd00:2::7"], _store.FindAddresses(_c1).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);
        Assert.Equal(IpamErrorCode.DuplicateAllocation, Assert.Throws<IpamException>(() => _store.Allocate(_c1, _sets)).CniErrorCode);
        // The refused ADD kept the IPv4 position it reached (.2), as host-local does.
        Assert.Equal(["10.2.0.3/24", "fd00:2::2/64"], _store.Allocate(new IpamAttachment("c2", "eth0"), _sets).Select(a => a.ToString()));
        Assert.Equal(["fd00:2::7"], _store.Release(_c1).Select(IpAddressText.Format));

        Assert.Equal(0, _store.ScanCount);
        Assert.DoesNotContain(_index.Calls, call => call.StartsWith("rebuild", StringComparison.Ordinal));
        Assert.Equal(["10.2.0.3", "fd00:2::2"], _memory.Contents.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("record c1/eth0", _index.Calls[^2]);
    }

    [Fact]
    public void A_refusal_ends_the_operation_as_consistent()
    {
        _memory.Put("10.2.0.50", "other", "eth0");

        Assert.Throws<IpamException>(() => _store.Allocate(_c1, _sets, [IPAddress.Parse("10.2.0.50")]));

        Assert.Equal("end True", _index.Calls[^1]);
        Assert.DoesNotContain(_index.Calls, call => call.StartsWith("record", StringComparison.Ordinal));
    }

    [Fact]
    public void An_io_failure_ends_the_operation_as_inconsistent_after_the_entry_is_rolled_back()
    {
        _memory.Put("10.2.0.9", "c1", "net1");
        var attachment = new IpamAttachment("c1", "net1");
        _memory.BeforeCreate = _ => throw new IOException("disk full");

        Assert.Equal(IpamErrorCode.IOFailure, Assert.Throws<IpamException>(() => _store.Allocate(attachment, IpamStoreAllocationTests.Sets("fd00:2::/64"))).CniErrorCode);

        Assert.Equal(["record c1/net1 10.2.0.9,fd00:2::2", "record c1/net1 10.2.0.9", "end False"], _index.Calls[^3..]);
    }

    [Fact]
    public void An_address_created_without_the_lock_invalidates_the_index()
    {
        _memory.BeforeCreate = address =>
        {
            if (IpAddressText.Format(address) == "10.2.0.2")
            {
                _memory.Put("10.2.0.2", "rogue", "eth0");
            }
        };

        _store.Allocate(_c1, IpamStoreAllocationTests.Sets("10.2.0.0/24"));

        Assert.Equal(
            ["begin", "find c1/eth0", "rebuild 0", "record c1/eth0 10.2.0.2", "record c1/eth0", "invalidate", "find c1/eth0", "rebuild 1", "record c1/eth0 10.2.0.3", "end True"],
            _index.Calls);
    }

    [Fact]
    public void Listing_rebuilds_an_incomplete_index_only()
    {
        _memory.Put("10.2.0.9", "hl", "eth0");
        Assert.Single(_store.ListAllocations());
        Assert.Equal(["begin", "rebuild 1", "end True"], _index.Calls);

        _index.Calls.Clear();
        _index.Complete = true;
        Assert.Single(_store.ListAllocations());
        Assert.Equal(["begin", "end True"], _index.Calls);
    }

    [Fact]
    public void Gc_always_rebuilds_the_index_from_what_it_kept()
    {
        _index.Complete = true;
        _memory.Put("10.2.0.8", "keep", "eth0");
        _memory.Put("10.2.0.9", "drop", "eth0");

        Assert.Single(_store.CollectGarbage([new IpamAttachment("keep", "eth0")]));

        Assert.Equal(["begin", "rebuild 1", "end True"], _index.Calls);
    }

    [Fact]
    public void Every_operation_runs_between_begin_and_end_under_the_lock()
    {
        _store.Allocate(_c1, _sets);
        _store.FindAddresses(_c1);
        _store.ListAllocations();
        _store.CollectGarbage([_c1]);
        _store.CheckStatus(_sets);
        _store.Release(_c1);

        Assert.Equal(7, _memory.LockCount);
        Assert.Equal(7, _index.Calls.Count(call => call == "begin"));
        Assert.Equal(7, _index.Calls.Count(call => call == "end True"));
    }
}
