using System.Net;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

public sealed class IpamStoreReleaseTests : IDisposable
{
    private readonly ScratchDirectory _data = new();
    private readonly IpamStore _store;
    private readonly IReadOnlyList<IpRangeSet> _sets = IpamStoreAllocationTests.Sets("10.4.0.0/24;fd00:4::/64");

    public IpamStoreReleaseTests()
    {
        _store = IpamStore.Open("rel", _data.Path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void Release_of_a_podnet_allocation_uses_the_index_without_a_scan()
    {
        var attachment = new IpamAttachment("c1", "eth0");
        _store.Allocate(attachment, _sets);
        _store.Allocate(new IpamAttachment("c2", "eth0"), _sets);

        IReadOnlyList<IPAddress> released = _store.Release(attachment);

        Assert.Equal(IpamLookup.Index, _store.LastLookup);
        Assert.Equal(["10.4.0.2", "fd00:4::2"], released.Select(IpAddressText.Format));
        Assert.False(File.Exists(Path.Combine(_store.DirectoryPath, "10.4.0.2")));
        Assert.False(File.Exists(Path.Combine(_store.DirectoryPath, ".podnet-index", "c1:eth0")));
        Assert.Equal(2, _store.ListAllocations().Count);
    }

    [Kernel]
    [Fact]
    public async Task Release_finds_host_local_allocations_by_scanning_once()
    {
        _store.Allocate(new IpamAttachment("mine", "eth0"), _sets);
        string config = HostLocalPlugin.Config("rel", _data.Path, ["10.4.0.0/24"], ["fd00:4::/64"]);
        Assert.Equal(["10.4.0.3/24", "fd00:4::3/64"], await HostLocalPlugin.AddAsync("theirs", "eth0", config));

        // host-local's write invalidated the certificate: one scan rebuilds the index, with its entry.
        Assert.Equal(["10.4.0.3", "fd00:4::3"], _store.FindAddresses(new IpamAttachment("theirs", "eth0")).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        IReadOnlyList<IPAddress> released = _store.Release(new IpamAttachment("theirs", "eth0"));

        Assert.Equal(IpamLookup.Index, _store.LastLookup);
        Assert.Equal(["10.4.0.3", "fd00:4::3"], released.Select(IpAddressText.Format).Order());
        Assert.Equal(["10.4.0.2", "fd00:4::2"], _store.ListAllocations().Select(a => IpAddressText.Format(a.Address)).Order());
    }

    [Kernel]
    [Fact]
    public async Task Host_local_releases_podnet_allocations_and_podnet_notices_the_stale_index()
    {
        var attachment = new IpamAttachment("shared", "eth0");
        _store.Allocate(attachment, _sets);
        string config = HostLocalPlugin.Config("rel", _data.Path, ["10.4.0.0/24"], ["fd00:4::/64"]);
        await HostLocalPlugin.DelAsync("shared", "eth0", config);
        Assert.Empty(_store.ListAllocations());

        // host-local hands the next addresses to another container; the stale entry must not release them.
        _store.Allocate(new IpamAttachment("other", "eth0"), _sets, [IPAddress.Parse("10.4.0.50")]);
        await HostLocalPlugin.AddAsync("third", "eth0", config);
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.2"), "third\r\neth0");

        Assert.Empty(_store.Release(attachment));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal(
            ["10.4.0.2", "10.4.0.50", "10.4.0.51", "fd00:4::3", "fd00:4::4"],
            _store.ListAllocations().Select(a => IpAddressText.Format(a.Address)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_store_without_an_index_gets_an_empty_one_and_finds_existing_allocations_by_scanning()
    {
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.9"), "old\r\neth0");
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "fd00:4::9"), "old\r\neth0");

        Assert.Equal(["10.4.0.9", "fd00:4::9"], _store.Release(new IpamAttachment("old", "eth0")).Select(IpAddressText.Format).Order(StringComparer.Ordinal));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal([".complete"], Directory.EnumerateFileSystemEntries(Path.Combine(_store.DirectoryPath, ".podnet-index")).Select(Path.GetFileName));
    }

    [Fact]
    public void Half_of_a_host_local_add_seen_when_the_index_is_created_does_not_hide_the_other_half()
    {
        // host-local drops the lock between range sets: another process can run in between.
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.2"), "hl\r\neth0");
        _store.Allocate(new IpamAttachment("pn", "eth0"), _sets);
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "fd00:4::9"), "hl\r\neth0");

        Assert.Equal(["10.4.0.2", "fd00:4::9"], _store.Release(new IpamAttachment("hl", "eth0")).Select(IpAddressText.Format).Order(StringComparer.Ordinal));
        Assert.Equal(["10.4.0.3", "fd00:4::2"], _store.ListAllocations().Select(a => IpAddressText.Format(a.Address)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_trusted_timestamps_every_lookup_scans_as_host_local_does_and_no_index_is_kept()
    {
        using IpamStore store = new("plain", new DirectoryAllocationStore(_store.DirectoryPath), NoAttachmentIndex.Instance);
        var attachment = new IpamAttachment("c1", "eth0");

        Assert.False(store.CertificatesTrusted);
        store.Allocate(attachment, _sets);
        Assert.Equal(["10.4.0.2", "fd00:4::2"], store.FindAddresses(attachment).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Scan, store.LastLookup);
        Assert.Equal(["10.4.0.2", "fd00:4::2"], store.Release(attachment).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Scan, store.LastLookup);
        Assert.Equal(3, store.ScanCount);
        Assert.False(Directory.Exists(Path.Combine(_store.DirectoryPath, ".podnet-index")));
        Assert.Equal(["last_reserved_ip.0", "last_reserved_ip.1", "lock"], Directory.EnumerateFileSystemEntries(_store.DirectoryPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_garbled_index_entry_falls_back_to_a_scan()
    {
        var attachment = new IpamAttachment("c1", "eth0");
        _store.Allocate(attachment, _sets);
        File.WriteAllText(Path.Combine(_store.DirectoryPath, ".podnet-index", "c1:eth0"), "garbage\n\0\0");

        Assert.Equal(2, _store.Release(attachment).Count);
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Empty(_store.ListAllocations());
    }

    [Fact]
    public void Legacy_files_holding_only_the_container_id_are_released_like_host_local_does()
    {
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.7"), "legacy");
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.8"), "legacy\r\neth1");

        Assert.Equal(["10.4.0.7"], _store.Release(new IpamAttachment("legacy", "eth0")).Select(IpAddressText.Format));
        Assert.Equal(["10.4.0.8"], _store.ListAllocations().Select(a => IpAddressText.Format(a.Address)));
    }

    [Fact]
    public void Releasing_an_unknown_attachment_succeeds_and_changes_nothing()
    {
        _store.Allocate(new IpamAttachment("c1", "eth0"), _sets);

        Assert.Empty(_store.Release(new IpamAttachment("nobody", "eth0")));
        Assert.Empty(_store.Release(new IpamAttachment("c1", "eth1")));
        Assert.Empty(_store.Release(new IpamAttachment("nobody", "eth0")));
        Assert.Equal(2, _store.ListAllocations().Count);
    }

    [Fact]
    public void Another_interface_of_the_same_container_is_released_separately()
    {
        _store.Allocate(new IpamAttachment("c1", "eth0"), _sets);
        _store.Allocate(new IpamAttachment("c1", "net1"), _sets);

        Assert.Equal(2, _store.Release(new IpamAttachment("c1", "net1")).Count);
        Assert.Equal(["10.4.0.2", "fd00:4::2"], _store.FindAddresses(new IpamAttachment("c1", "eth0")).Select(IpAddressText.Format));
    }

    [Kernel]
    [Fact]
    public async Task Gc_releases_everything_not_in_the_valid_set()
    {
        _store.Allocate(new IpamAttachment("keep", "eth0"), _sets);
        _store.Allocate(new IpamAttachment("drop", "eth0"), _sets);
        _store.Allocate(new IpamAttachment("keep", "net1"), _sets);
        await HostLocalPlugin.AddAsync("hl-drop", "eth0", HostLocalPlugin.Config("rel", _data.Path, ["10.4.0.0/24"]));
        await HostLocalPlugin.AddAsync("hl-keep", "eth0", HostLocalPlugin.Config("rel", _data.Path, ["10.4.0.0/24"]));
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.200"), "keep");
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.4.0.201"), "gone");

        IReadOnlyList<IpamStoredAllocation> released = _store.CollectGarbage([new IpamAttachment("keep", "eth0"), new IpamAttachment("hl-keep", "eth0")]);

        Assert.Equal(
            ["drop/eth0", "drop/eth0", "gone/", "hl-drop/eth0", "keep/net1", "keep/net1"],
            released.Select(a => $"{a.ContainerId}/{a.InterfaceName}").Order(StringComparer.Ordinal));
        Assert.Equal(
            ["hl-keep/eth0", "keep/", "keep/eth0", "keep/eth0"],
            _store.ListAllocations().Select(a => $"{a.ContainerId}/{a.InterfaceName}").Order(StringComparer.Ordinal));
        // GC rebuilds the index from its scan, host-local's allocations included; the legacy file
        // ("keep", no interface) leaves the store uncertified, so lookups keep scanning.
        Assert.Equal(["hl-keep:eth0", "keep:eth0"], Directory.EnumerateFiles(Path.Combine(_store.DirectoryPath, ".podnet-index")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(_store.Release(new IpamAttachment("hl-keep", "eth0")));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal(2, _store.Release(new IpamAttachment("keep", "eth0")).Count);
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
    }

    [Kernel]
    [Fact]
    public async Task Host_local_del_does_not_touch_the_podnet_index()
    {
        // host-local's DEL walks every file of the network, index files included, comparing whole contents.
        var attachment = new IpamAttachment("10.4.0.2", "eth0");
        _store.Allocate(attachment, _sets);
        string config = HostLocalPlugin.Config("rel", _data.Path, ["10.4.0.0/24"]);
        await HostLocalPlugin.DelAsync("10.4.0.2", "eth0", config);
        await HostLocalPlugin.DelAsync("podnet-ipam-index", "eth0", config);

        Assert.True(File.Exists(Path.Combine(_store.DirectoryPath, ".podnet-index", "10.4.0.2:eth0")));
        Assert.Empty(_store.ListAllocations());
    }
}
