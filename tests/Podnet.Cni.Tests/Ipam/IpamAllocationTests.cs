using System.Net;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>
/// host-local's allocation rules in <see cref="IpamStore"/>, over the in-memory store seam and without an index:
/// range walking, the gateway and reserved addresses, exhaustion, requested addresses, per-container lookups, GC and
/// STATUS. The on-disk format and the index have their own tests.
/// </summary>
public sealed class IpamAllocationTests : IDisposable
{
    private readonly InMemoryAllocationStore _memory = new();
    private readonly IpamStore _store;

    public IpamAllocationTests()
    {
        _store = new IpamStore("net", _memory, NoAttachmentIndex.Instance);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void The_walk_starts_at_the_range_start_and_skips_the_gateway()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/29,,,10.2.0.3");

        Assert.Equal(["10.2.0.1", "10.2.0.2", "10.2.0.4", "10.2.0.5", "10.2.0.6"], AllocateUntilExhausted(sets));
        Assert.Equal("10.2.0.6", IpAddressText.Format(_memory.LastReserved[0]));
    }

    [Fact]
    public void The_walk_continues_after_the_last_reserved_address_and_wraps_around()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/29");
        _memory.PutLastReserved(0, "10.2.0.4");

        Assert.Equal(["10.2.0.5", "10.2.0.6", "10.2.0.2", "10.2.0.3", "10.2.0.4"], AllocateUntilExhausted(sets));
    }

    [Fact]
    public void The_walk_goes_through_the_ranges_of_a_set_in_order_and_wraps_to_the_first()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24,10.2.0.10,10.2.0.11,|10.3.0.0/24,10.3.0.20,10.3.0.21,");
        _memory.PutLastReserved(0, "10.2.0.10");

        Assert.Equal(["10.2.0.11", "10.3.0.20", "10.3.0.21", "10.2.0.10"], AllocateUntilExhausted(sets));
    }

    [Theory]
    [InlineData("192.168.9.9")]
    [InlineData("fd00::9")]
    [InlineData("10.2.0.1")]
    public void A_last_reserved_address_outside_every_range_restarts_the_walk(string lastReserved)
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24,10.2.0.10,10.2.0.20,");
        _memory.PutLastReserved(0, lastReserved);

        Assert.Equal("10.2.0.10/24", Allocate("c1", sets).Single().ToString());
    }

    [Fact]
    public void Taken_addresses_are_skipped_whoever_holds_them()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/29");
        _memory.Put("10.2.0.2", "hl", "eth0");
        _memory.Put("10.2.0.3", "legacy");
        _memory.Put("10.2.0.4", null);

        Assert.Equal(["10.2.0.5", "10.2.0.6"], AllocateUntilExhausted(sets));
    }

    [Fact]
    public void Network_and_broadcast_addresses_are_never_handed_out_but_the_last_ipv6_address_is()
    {
        Assert.Equal(["10.2.0.2"], AllocateUntilExhausted(Sets("10.2.0.0/30,10.2.0.0,10.2.0.3,10.2.0.1")));
        Assert.Equal(["fd00:2::2", "fd00:2::3"], AllocateUntilExhausted(Sets("fd00:2::/126")));
    }

    [Fact]
    public void An_allocation_reports_the_prefix_length_and_gateway_of_its_range()
    {
        IpamAddress address = Allocate("c1", Sets("10.2.0.0/24|10.3.0.0/16,,,10.3.0.9"), "10.3.7.7").Single();

        Assert.Equal(new IpamAddress(0, IPAddress.Parse("10.3.7.7"), 16, IPAddress.Parse("10.3.0.9")), address);
        Assert.Equal("10.3.7.7/16", address.Cidr.ToString());
    }

    [Fact]
    public void Exhaustion_is_code_101_writes_nothing_and_keeps_the_positions_reached()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24;fd00:2::/126");
        Allocate("c1", sets);
        Allocate("c2", sets);

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c3", sets));

        Assert.Equal(IpamErrorCode.AddressesExhausted, error.CniErrorCode);
        Assert.Equal("failed to allocate for range 1: no IP addresses available in range set: fd00:2::1-fd00:2::3", error.Message);
        Assert.Equal(4, _memory.Contents.Count);
        Assert.Equal("10.2.0.4", IpAddressText.Format(_memory.LastReserved[0]));
        Assert.Equal("fd00:2::3", IpAddressText.Format(_memory.LastReserved[1]));
    }

    [Fact]
    public void A_requested_address_goes_to_the_range_set_containing_it_and_the_others_walk()
    {
        IReadOnlyList<IpamAddress> addresses = Allocate("c1", Sets("10.2.0.0/24;fd00:2::/64"), "fd00:2::77", "fd00:2::77");

        Assert.Equal(["10.2.0.2/24", "fd00:2::77/64"], addresses.Select(a => a.ToString()));
        Assert.Equal([0, 1], addresses.Select(a => a.RangeSetIndex));
        Assert.Equal("fd00:2::77", IpAddressText.Format(_memory.LastReserved[1]));
    }

    [Fact]
    public void An_ipv4_mapped_request_is_the_ipv4_address()
    {
        Assert.Equal("10.2.0.9/24", Allocate("c1", Sets("10.2.0.0/24"), "::ffff:10.2.0.9").Single().ToString());
        Assert.Equal("c1/eth0", _memory.Contents["10.2.0.9"]);
    }

    [Theory]
    [InlineData("10.2.0.1", "failed to allocate for range 0: requested ip 10.2.0.1 is subnet's gateway")]
    [InlineData("10.2.0.50", "failed to allocate for range 0: requested IP address 10.2.0.50 is not available in range set 10.2.0.1-10.2.0.254")]
    public void An_unavailable_request_is_code_110_and_writes_nothing(string requested, string message)
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24");
        _memory.Put("10.2.0.50", "other", "eth0");

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c1", sets, requested));

        Assert.Equal(IpamErrorCode.RequestedAddressUnavailable, error.CniErrorCode);
        Assert.Equal(message, error.Message);
        Assert.Single(_memory.Contents);
    }

    [Fact]
    public void Requests_no_range_set_takes_are_listed_in_the_code_110_message_after_the_positions_moved()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24");

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c1", sets, "10.2.0.9", "10.9.0.1", "fd00::1"));

        Assert.Equal(IpamErrorCode.RequestedAddressUnavailable, error.CniErrorCode);
        Assert.Equal("failed to allocate all requested IPs: 10.9.0.1 fd00::1", error.Message);
        Assert.Empty(_memory.Contents);
        Assert.Equal("10.2.0.9", IpAddressText.Format(_memory.LastReserved[0]));
    }

    [Fact]
    public void A_repeated_add_is_code_111_but_another_interface_of_the_container_gets_its_own_address()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24;fd00:2::/64");
        Allocate("c1", sets);

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c1", sets));
        Assert.Equal(IpamErrorCode.DuplicateAllocation, error.CniErrorCode);
        Assert.Equal("failed to allocate for range 0: 10.2.0.2 has been allocated to c1, duplicate allocation is not allowed", error.Message);

        Assert.Equal(["10.2.0.3/24", "fd00:2::3/64"], _store.Allocate(new IpamAttachment("c1", "net1"), sets).Select(a => a.ToString()));
    }

    [Fact]
    public void A_repeated_add_is_refused_per_range_set()
    {
        // The attachment holds an IPv6 address only (half of a host-local ADD): the IPv4 set may still not be walked twice.
        _memory.Put("fd00:2::9", "c1", "eth0");

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c1", Sets("10.2.0.0/24;fd00:2::/64")));

        Assert.Equal("failed to allocate for range 1: fd00:2::9 has been allocated to c1, duplicate allocation is not allowed", error.Message);
        Assert.Equal("10.2.0.2", IpAddressText.Format(_memory.LastReserved[0]));
    }

    [Fact]
    public void Lookups_match_container_and_interface_exactly_and_fall_back_to_legacy_files()
    {
        _memory.Put("10.2.0.2", "c1", "eth0");
        _memory.Put("10.2.0.3", "c1", "net1");
        _memory.Put("10.2.0.4", "c1");
        _memory.Put("10.2.0.5", "c2");
        _memory.Put("10.2.0.6", null);

        Assert.Equal(["10.2.0.2"], Find("c1", "eth0"));
        Assert.Equal(["10.2.0.3"], Find("c1", "net1"));
        Assert.Equal(["10.2.0.4"], Find("c1", "eth1"));
        Assert.Equal(["10.2.0.5"], Find("c2", "eth0"));
        Assert.Empty(Find("c3", "eth0"));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal(5, _store.ScanCount);
    }

    [Theory]
    [InlineData("c1", "eth0", true)]
    [InlineData("c1", null, true)]
    [InlineData("c1", "net1", false)]
    [InlineData("c2", "eth0", false)]
    [InlineData("c2", null, false)]
    [InlineData(null, null, false)]
    public void A_stored_allocation_belongs_to_its_attachment_or_as_a_legacy_file_to_its_container(string? containerId, string? interfaceName, bool belongs)
    {
        var allocation = new IpamStoredAllocation(IPAddress.Parse("10.2.0.2"), containerId, interfaceName);
        Assert.Equal(belongs, allocation.BelongsTo(new IpamAttachment("c1", "eth0")));
        Assert.Equal(containerId is null, allocation.IsUnreadable);
    }

    [Fact]
    public void Release_removes_only_the_attachments_addresses()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24;fd00:2::/64");
        Allocate("c1", sets);
        Allocate("c2", sets);

        Assert.Equal(["10.2.0.2", "fd00:2::2"], _store.Release(new IpamAttachment("c1", "eth0")).Select(IpAddressText.Format));
        Assert.Empty(_store.Release(new IpamAttachment("c1", "eth0")));
        Assert.Equal(["10.2.0.3", "fd00:2::3"], _memory.Contents.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["10.2.0.4/24", "fd00:2::4/64"], Allocate("c1", sets).Select(a => a.ToString()));
    }

    [Fact]
    public void Listing_returns_every_allocation_readable_or_not()
    {
        _memory.Put("10.2.0.2", "c1", "eth0");
        _memory.Put("10.2.0.3", null);

        Assert.Equal(
            [new IpamStoredAllocation(IPAddress.Parse("10.2.0.2"), "c1", "eth0"), new IpamStoredAllocation(IPAddress.Parse("10.2.0.3"), null, null)],
            _store.ListAllocations());
    }

    [Fact]
    public void Gc_keeps_valid_attachments_legacy_files_of_valid_containers_and_unreadable_files()
    {
        _memory.Put("10.2.0.2", "keep", "eth0");
        _memory.Put("10.2.0.3", "keep", "net1");
        _memory.Put("10.2.0.4", "keep");
        _memory.Put("10.2.0.5", "gone");
        _memory.Put("10.2.0.6", null);
        _memory.Put("10.2.0.7", "other", "eth0");

        IReadOnlyList<IpamStoredAllocation> released = _store.CollectGarbage([new IpamAttachment("keep", "eth0"), new IpamAttachment("other", "eth1")]);

        Assert.Equal(["10.2.0.3", "10.2.0.5", "10.2.0.7"], released.Select(a => IpAddressText.Format(a.Address)));
        Assert.Equal(["10.2.0.2", "10.2.0.4", "10.2.0.6"], _memory.Contents.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Status_needs_a_writable_store_and_a_free_address_in_every_range_set()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24;fd00:2::/126");
        _store.CheckStatus(sets);
        _memory.Put("fd00:2::2", "a", "eth0");
        _store.CheckStatus(sets);
        _memory.Put("fd00:2::3", "b", "eth0");

        IpamException full = Assert.Throws<IpamException>(() => _store.CheckStatus(sets));
        Assert.Equal(IpamErrorCode.PluginNotAvailable, full.CniErrorCode);
        Assert.Equal("no IP addresses available in range set 1: fd00:2::1-fd00:2::3", full.Message);

        _memory.Writable = false;
        IpamException readOnly = Assert.Throws<IpamException>(() => _store.CheckStatus(Sets("10.2.0.0/24")));
        Assert.Equal(IpamErrorCode.PluginNotAvailable, readOnly.CniErrorCode);
        Assert.Equal("IPAM store memory:net is not writable: IPAM store memory:net: read-only file system", readOnly.Message);
        Assert.IsType<IOException>(Assert.IsType<IpamException>(readOnly.InnerException).InnerException);
    }

    [Fact]
    public void An_address_taken_without_the_lock_is_walked_past_and_the_whole_attempt_redone()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24;fd00:2::/64");
        _memory.BeforeCreate = address =>
        {
            if (IpAddressText.Format(address) == "fd00:2::2")
            {
                _memory.Put("fd00:2::2", "rogue", "eth0");
            }
        };

        IReadOnlyList<IpamAddress> addresses = Allocate("c1", sets);

        // The first attempt's IPv4 address was created, rolled back, and its position kept: the walk moves on.
        Assert.Equal(["10.2.0.3/24", "fd00:2::3/64"], addresses.Select(a => a.ToString()));
        Assert.Equal(4, _memory.CreateAttempts);
        Assert.Equal(new Dictionary<string, string> { ["10.2.0.3"] = "c1/eth0", ["fd00:2::2"] = "rogue/eth0", ["fd00:2::3"] = "c1/eth0" }, _memory.Contents);
        Assert.Equal(1, _memory.LockCount);
    }

    [Fact]
    public void A_writer_that_keeps_ignoring_the_lock_fails_the_add_after_eight_attempts()
    {
        int rogue = 0;
        _memory.BeforeCreate = address => _memory.Put(IpAddressText.Format(address), $"rogue{rogue++}", "eth0");

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c1", Sets("10.2.0.0/24")));

        Assert.Equal(IpamErrorCode.IOFailure, error.CniErrorCode);
        Assert.Equal("addresses kept appearing in memory:net while the store lock was held: a writer ignores the lock", error.Message);
        Assert.Equal(8, _memory.CreateAttempts);
        Assert.DoesNotContain("c1/eth0", _memory.Contents.Values);
    }

    [Fact]
    public void An_io_failure_while_writing_rolls_back_what_was_created_and_is_code_5()
    {
        _memory.BeforeCreate = address =>
        {
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                throw new IOException("disk full");
            }
        };

        IpamException error = Assert.Throws<IpamException>(() => Allocate("c1", Sets("10.2.0.0/24;fd00:2::/64")));

        Assert.Equal(IpamErrorCode.IOFailure, error.CniErrorCode);
        Assert.Equal("IPAM store memory:net: disk full", error.Message);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Empty(_memory.Contents);
    }

    [Fact]
    public void An_attachment_without_a_container_id_is_code_4()
    {
        IpamAttachment none = default;
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24");

        foreach (Action operation in new Action[] { () => _store.Allocate(none, sets), () => _store.Release(none), () => _store.FindAddresses(none) })
        {
            IpamException error = Assert.Throws<IpamException>(operation);
            Assert.Equal(IpamErrorCode.InvalidEnvironment, error.CniErrorCode);
            Assert.Equal("the attachment has no container ID", error.Message);
        }

        Assert.Equal(0, _memory.LockCount);
    }

    [Fact]
    public void Null_arguments_are_refused_before_the_lock_is_taken()
    {
        Assert.Throws<ArgumentNullException>(() => _store.Allocate(new IpamAttachment("c1", "eth0"), null!));
        Assert.Throws<ArgumentNullException>(() => _store.CollectGarbage(null!));
        Assert.Throws<ArgumentNullException>(() => _store.CheckStatus(null!));
        Assert.Equal(0, _memory.LockCount);
    }

    private List<string> AllocateUntilExhausted(IReadOnlyList<IpRangeSet> sets)
    {
        var handedOut = new List<string>();
        for (int i = 0; ; i++)
        {
            try
            {
                handedOut.Add(IpAddressText.Format(Allocate($"c{i}", sets).Single().Address));
            }
            catch (IpamException e) when (e.CniErrorCode == IpamErrorCode.AddressesExhausted)
            {
                return handedOut;
            }
        }
    }

    private IReadOnlyList<IpamAddress> Allocate(string containerId, IReadOnlyList<IpRangeSet> sets, params string[] requested) =>
        _store.Allocate(new IpamAttachment(containerId, "eth0"), sets, [.. requested.Select(IPAddress.Parse)]);

    private IEnumerable<string> Find(string containerId, string interfaceName) =>
        _store.FindAddresses(new IpamAttachment(containerId, interfaceName)).Select(IpAddressText.Format);

    private static IReadOnlyList<IpRangeSet> Sets(string ranges) => IpamStoreAllocationTests.Sets(ranges);
}
