using System.Net;
using System.Text;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

public sealed class IpamStoreAllocationTests : IDisposable
{
    private readonly ScratchDirectory _data = new();
    private readonly IpamStore _store;

    public IpamStoreAllocationTests()
    {
        _store = IpamStore.Open("net", _data.Path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_store_layout_and_file_bytes_are_host_locals()
    {
        IpamAddress address = _store.Allocate(new IpamAttachment("c1", "eth0"), Sets("10.2.0.0/24")).Single();

        Assert.Equal(_data.Combine("net"), _store.DirectoryPath);
        Assert.Equal("10.2.0.2/24", address.ToString());
        Assert.Equal(IPAddress.Parse("10.2.0.1"), address.Gateway);
        Assert.Equal("c1\r\neth0"u8.ToArray(), File.ReadAllBytes(_data.Combine("net", "10.2.0.2")));
        Assert.Equal("10.2.0.2"u8.ToArray(), File.ReadAllBytes(_data.Combine("net", "last_reserved_ip.0")));
        Assert.True(File.Exists(_data.Combine("net", "lock")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_data.Combine("net", "10.2.0.2")));
        Assert.Empty(Directory.EnumerateFiles(_store.DirectoryPath, ".podnet-tmp-*"));
    }

    [Fact]
    public void Dual_stack_gets_one_address_per_range_set()
    {
        IReadOnlyList<IpamAddress> addresses = _store.Allocate(new IpamAttachment("c1", "eth0"), Sets("10.2.0.0/24;fd00:2::/64"));

        Assert.Equal(["10.2.0.2/24", "fd00:2::2/64"], addresses.Select(a => a.ToString()));
        Assert.Equal([0, 1], addresses.Select(a => a.RangeSetIndex));
        Assert.Equal("fd00:2::2"u8.ToArray(), File.ReadAllBytes(_data.Combine("net", "last_reserved_ip.1")));
        Assert.Equal("c1\r\neth0"u8.ToArray(), File.ReadAllBytes(_data.Combine("net", "fd00:2::2")));
    }

    [Fact]
    public void Exhaustion_reports_code_101_and_writes_no_address_file()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/29;fd00:2::/126");
        _store.Allocate(new IpamAttachment("c1", "eth0"), sets);
        _store.Allocate(new IpamAttachment("c2", "eth0"), sets);

        // The IPv6 set (::2, ::3) is full; the IPv4 set still has room but nothing may be written.
        IpamException error = Assert.Throws<IpamException>(() => _store.Allocate(new IpamAttachment("c3", "eth0"), sets));
        Assert.Equal(IpamErrorCode.AddressesExhausted, error.CniErrorCode);
        Assert.Equal(101, error.CniErrorCode);
        Assert.Equal("failed to allocate for range 1: no IP addresses available in range set: fd00:2::1-fd00:2::3", error.Message);
        Assert.Equal(4, _store.ListAllocations().Count);
        Assert.Empty(_store.FindAddresses(new IpamAttachment("c3", "eth0")));
    }

    [Fact]
    public void A_requested_address_is_honoured_and_round_robin_continues_after_it()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24;fd00:2::/64");
        IReadOnlyList<IpamAddress> first = _store.Allocate(new IpamAttachment("c1", "eth0"), sets, [IPAddress.Parse("10.2.0.77")]);
        IReadOnlyList<IpamAddress> second = _store.Allocate(new IpamAttachment("c2", "eth0"), sets);

        Assert.Equal(["10.2.0.77/24", "fd00:2::2/64"], first.Select(a => a.ToString()));
        Assert.Equal(["10.2.0.78/24", "fd00:2::3/64"], second.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("10.2.0.77", "failed to allocate for range 0: requested IP address 10.2.0.77 is not available in range set 10.2.0.1-10.2.0.254")]
    [InlineData("10.2.0.1", "failed to allocate for range 0: requested ip 10.2.0.1 is subnet's gateway")]
    [InlineData("10.3.0.5", "failed to allocate all requested IPs: 10.3.0.5")]
    [InlineData("10.2.0.255", "failed to allocate all requested IPs: 10.2.0.255")]
    public void An_unavailable_requested_address_is_code_110(string requested, string message)
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24");
        _store.Allocate(new IpamAttachment("c1", "eth0"), sets, [IPAddress.Parse("10.2.0.77")]);

        IpamException error = Assert.Throws<IpamException>(() => _store.Allocate(new IpamAttachment("c2", "eth0"), sets, [IPAddress.Parse(requested)]));
        Assert.Equal(IpamErrorCode.RequestedAddressUnavailable, error.CniErrorCode);
        Assert.Equal(message, error.Message);
        Assert.Single(_store.ListAllocations());
    }

    [Fact]
    public void Network_and_broadcast_addresses_are_never_handed_out_even_inside_an_explicit_range()
    {
        IReadOnlyList<IpRangeSet> sets = RangeValidationTests.Parse("10.2.0.0/30,10.2.0.0,10.2.0.3,10.2.0.1").CreateRangeSets();
        Assert.Equal("10.2.0.2/30", _store.Allocate(new IpamAttachment("c1", "eth0"), sets).Single().ToString());
        IpamException error = Assert.Throws<IpamException>(() => _store.Allocate(new IpamAttachment("c2", "eth0"), sets));
        Assert.Equal(IpamErrorCode.AddressesExhausted, error.CniErrorCode);
    }

    [Fact]
    public void Released_addresses_come_back_only_after_the_whole_range_was_used()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/29");
        var seen = new List<string>();
        for (int i = 0; i < 8; i++)
        {
            var attachment = new IpamAttachment($"c{i}", "eth0");
            seen.Add(IpAddressText.Format(_store.Allocate(attachment, sets).Single().Address));
            _store.Release(attachment);
        }

        Assert.Equal(["10.2.0.2", "10.2.0.3", "10.2.0.4", "10.2.0.5", "10.2.0.6", "10.2.0.2", "10.2.0.3", "10.2.0.4"], seen);
    }

    [Fact]
    public void Status_reports_an_exhausted_range_set_as_code_50()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/30");
        _store.CheckStatus(sets);
        _store.Allocate(new IpamAttachment("c1", "eth0"), sets);

        IpamException error = Assert.Throws<IpamException>(() => _store.CheckStatus(sets));
        Assert.Equal(IpamErrorCode.PluginNotAvailable, error.CniErrorCode);
        Assert.Equal("no IP addresses available in range set 0: 10.2.0.1-10.2.0.2", error.Message);
    }

    [Fact]
    public void Status_reports_an_unwritable_store_as_code_50()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24");

        // Root ignores permission bits, so make the store unwritable by planting a directory
        // where the probe file goes: the rename over it fails.
        Directory.CreateDirectory(Path.Combine(_store.DirectoryPath, ".podnet-status-probe", "x"));
        IpamException error = Assert.Throws<IpamException>(() => _store.CheckStatus(sets));
        Assert.Equal(IpamErrorCode.PluginNotAvailable, error.CniErrorCode);
        Assert.StartsWith($"IPAM store {_store.DirectoryPath} is not writable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_garbled_last_reserved_ip_only_restarts_the_walk()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/24");
        _store.Allocate(new IpamAttachment("c1", "eth0"), sets);
        File.WriteAllBytes(_data.Combine("net", "last_reserved_ip.0"), Encoding.ASCII.GetBytes("10.2.0.garbage\n\0"));

        Assert.Equal("10.2.0.3/24", _store.Allocate(new IpamAttachment("c2", "eth0"), sets).Single().ToString());
    }

    [Fact]
    public void A_garbled_or_foreign_address_file_keeps_its_address_taken()
    {
        IReadOnlyList<IpRangeSet> sets = Sets("10.2.0.0/29");
        File.WriteAllBytes(_data.Combine("net", "10.2.0.2"), [0xFF, 0xFE, 0x00, 0x0D]);
        File.WriteAllBytes(_data.Combine("net", "10.2.0.3"), []);
        File.CreateSymbolicLink(_data.Combine("net", "10.2.0.4"), "/etc/hostname");
        File.WriteAllBytes(_data.Combine("net", "10.2.0.5"), new byte[10000]);

        Assert.Equal("10.2.0.6/29", _store.Allocate(new IpamAttachment("c1", "eth0"), sets).Single().ToString());
        IReadOnlyList<IpamStoredAllocation> all = _store.ListAllocations();
        Assert.Equal(4, all.Count(a => a.IsUnreadable));

        // GC keeps what it cannot attribute; the symlink's target is untouched.
        Assert.Equal(["10.2.0.6"], _store.CollectGarbage([]).Select(a => IpAddressText.Format(a.Address)));
        Assert.Equal(4, _store.ListAllocations().Count);
        Assert.True(File.Exists("/etc/hostname"));
        Assert.Equal("10.2.0.6/29", _store.Allocate(new IpamAttachment("c2", "eth0"), sets).Single().ToString());
        Assert.Equal(AddressesExhausted(), Assert.Throws<IpamException>(() => _store.Allocate(new IpamAttachment("c3", "eth0"), sets)).CniErrorCode);
    }

    private static int AddressesExhausted() => IpamErrorCode.AddressesExhausted;

    internal static IReadOnlyList<IpRangeSet> Sets(string ranges) => RangeValidationTests.Parse(ranges).CreateRangeSets();
}
