using System.Net;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>The scan certificate (<c>.podnet-index/.complete</c>): O(1) lookups while nobody else writes, one scan after anyone does.</summary>
public sealed class IpamStoreScanCertificateTests : IDisposable
{
    private readonly ScratchDirectory _data = new();
    private readonly IpamStore _store;
    private readonly IReadOnlyList<IpRangeSet> _sets = IpamStoreAllocationTests.Sets("10.5.0.0/16;fd00:5::/64");

    public IpamStoreScanCertificateTests()
    {
        _store = IpamStore.Open("cert", _data.Path);
    }

    private string CertificatePath => Path.Combine(_store.DirectoryPath, ".podnet-index", ".complete");

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void Certificates_are_trusted_on_this_kernel_and_file_system()
    {
        // The other tests would pass vacuously (by always scanning) if this were false.
        Assert.True(_store.CertificatesTrusted);
    }

    [Kernel]
    [Fact]
    public async Task A_host_local_add_invalidates_the_certificate_so_a_repeated_add_is_refused_and_del_releases_it()
    {
        _store.Allocate(new IpamAttachment("mine", "eth0"), _sets);
        Assert.True(File.Exists(CertificatePath));
        Assert.Empty(_store.FindAddresses(new IpamAttachment("theirs", "eth0")));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);

        string config = HostLocalPlugin.Config("cert", _data.Path, ["10.5.0.0/16"], ["fd00:5::/64"]);
        Assert.Equal(["10.5.0.3/16", "fd00:5::3/64"], await HostLocalPlugin.AddAsync("theirs", "eth0", config));

        IpamException duplicate = Assert.Throws<IpamException>(() => _store.Allocate(new IpamAttachment("theirs", "eth0"), _sets));
        Assert.Equal(IpamErrorCode.DuplicateAllocation, duplicate.CniErrorCode);
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);

        Assert.Equal(["10.5.0.3", "fd00:5::3"], _store.Release(new IpamAttachment("theirs", "eth0")).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);
        Assert.Equal(["10.5.0.2", "fd00:5::2"], _store.ListAllocations().Select(a => IpAddressText.Format(a.Address)).Order(StringComparer.Ordinal));
    }

    [Kernel]
    [Fact]
    public async Task A_host_local_del_invalidates_the_certificate()
    {
        var attachment = new IpamAttachment("shared", "eth0");
        _store.Allocate(attachment, _sets);
        string config = HostLocalPlugin.Config("cert", _data.Path, ["10.5.0.0/16"], ["fd00:5::/64"]);
        await HostLocalPlugin.DelAsync("shared", "eth0", config);

        Assert.Empty(_store.FindAddresses(attachment));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.False(File.Exists(Path.Combine(_store.DirectoryPath, ".podnet-index", "shared:eth0")));
        Assert.Equal(2, _store.Allocate(attachment, _sets).Count);
        Assert.Equal(IpamLookup.Index, _store.LastLookup);
    }

    [Fact]
    public void A_scan_that_sees_half_of_a_dual_stack_add_is_invalidated_by_the_other_half()
    {
        // host-local drops the lock between range sets: podnet can run between the two files.
        var attachment = new IpamAttachment("hl", "eth0");
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.5.0.7"), "hl\r\neth0");
        Assert.Equal(["10.5.0.7"], _store.FindAddresses(attachment).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.True(File.Exists(CertificatePath));
        Assert.Equal(["10.5.0.7"], _store.FindAddresses(attachment).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);

        File.WriteAllText(Path.Combine(_store.DirectoryPath, "fd00:5::7"), "hl\r\neth0");

        Assert.Equal(["10.5.0.7", "fd00:5::7"], _store.Release(attachment).Select(IpAddressText.Format).Order(StringComparer.Ordinal));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Empty(_store.ListAllocations());
    }

    [Fact]
    public void Steady_state_add_check_and_del_do_not_scan_even_with_thousands_of_foreign_allocations()
    {
        for (int i = 0; i < 2000; i++)
        {
            File.WriteAllText(Path.Combine(_store.DirectoryPath, $"10.5.{(i / 250) + 10}.{(i % 250) + 1}"), $"other{i}\r\neth0");
        }

        _store.Allocate(new IpamAttachment("first", "eth0"), _sets);
        Assert.Equal(1, _store.ScanCount);

        for (int i = 0; i < 50; i++)
        {
            var attachment = new IpamAttachment($"pod{i}", "eth0");
            Assert.Equal(2, _store.Allocate(attachment, _sets).Count);
            Assert.Equal(IpamLookup.Index, _store.LastLookup);
            Assert.Equal(IpamErrorCode.DuplicateAllocation, Assert.Throws<IpamException>(() => _store.Allocate(attachment, _sets)).CniErrorCode);
            Assert.Equal(2, _store.FindAddresses(attachment).Count);
            if (i % 2 == 0)
            {
                Assert.Equal(2, _store.Release(attachment).Count);
                Assert.Equal(IpamLookup.Index, _store.LastLookup);
            }
        }

        // Foreign allocations are found from the index the scan built, and released without a scan.
        Assert.Equal(["10.5.10.1"], _store.Release(new IpamAttachment("other0", "eth0")).Select(IpAddressText.Format));
        Assert.Empty(_store.Release(new IpamAttachment("nobody", "eth0")));
        Assert.Equal(1, _store.ScanCount);

        // Another process (a new instance) trusts the same certificate.
        using IpamStore other = IpamStore.Open("cert", _data.Path);
        other.Release(new IpamAttachment("pod1", "eth0"));
        other.Allocate(new IpamAttachment("pod1", "eth0"), _sets);
        Assert.Equal(0, other.ScanCount);
    }

    [Fact]
    public void Writing_inside_the_index_directory_does_not_change_the_network_directory_stamp()
    {
        _store.Allocate(new IpamAttachment("c1", "eth0"), _sets);
        DirectoryStamp? before = DirectoryStamp.Of(_store.DirectoryPath);
        File.WriteAllText(Path.Combine(_store.DirectoryPath, ".podnet-index", "x:eth0"), "podnet-ipam-index 1\nx\neth0\n");
        File.Delete(Path.Combine(_store.DirectoryPath, ".podnet-index", "x:eth0"));
        Assert.NotNull(before);
        Assert.Equal(before, DirectoryStamp.Of(_store.DirectoryPath));

        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.5.9.9"), "x\r\neth0");
        Assert.NotEqual(before, DirectoryStamp.Of(_store.DirectoryPath));
    }

    [Fact]
    public void A_damaged_or_foreign_certificate_is_treated_as_absent()
    {
        var attachment = new IpamAttachment("c1", "eth0");
        _store.Allocate(attachment, _sets);
        byte[] valid = File.ReadAllBytes(CertificatePath);
        using var elsewhere = new ScratchDirectory();
        using (IpamStore foreign = IpamStore.Open("cert", elsewhere.Path))
        {
            foreign.Allocate(attachment, _sets);
        }

        byte[][] damaged =
        [
            [],
            "garbage"u8.ToArray(),
            [0, 0, 0, 0, 0xff, 0xfe],
            valid[..(valid.Length / 2)],
            [.. valid, .. "x\n"u8.ToArray()],
            File.ReadAllBytes(Path.Combine(elsewhere.Path, "cert", ".podnet-index", ".complete")),
        ];
        foreach (byte[] content in damaged)
        {
            // Planted without touching the network directory, so only its content can fail it.
            File.WriteAllBytes(CertificatePath, content);
            int scans = _store.ScanCount;

            Assert.Equal(2, _store.FindAddresses(attachment).Count);
            Assert.Equal(IpamLookup.Scan, _store.LastLookup);
            Assert.Equal(scans + 1, _store.ScanCount);
            Assert.Equal(valid.Length, new FileInfo(CertificatePath).Length);
            Assert.Equal(2, _store.FindAddresses(attachment).Count);
            Assert.Equal(IpamLookup.Index, _store.LastLookup);
        }
    }

    [Fact]
    public void A_missing_certificate_means_a_scan_that_rebuilds_a_deleted_index()
    {
        _store.Allocate(new IpamAttachment("c1", "eth0"), _sets);
        File.WriteAllText(Path.Combine(_store.DirectoryPath, "10.5.0.99"), "hl\r\neth0");
        Directory.Delete(Path.Combine(_store.DirectoryPath, ".podnet-index"), recursive: true);

        Assert.Equal(IpamErrorCode.DuplicateAllocation, Assert.Throws<IpamException>(() => _store.Allocate(new IpamAttachment("c1", "eth0"), _sets)).CniErrorCode);
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal(["c1:eth0", "hl:eth0"], Directory.EnumerateFiles(Path.Combine(_store.DirectoryPath, ".podnet-index")).Select(Path.GetFileName).Where(n => n != ".complete").Order(StringComparer.Ordinal));
        Assert.Equal(["10.5.0.99"], _store.Release(new IpamAttachment("hl", "eth0")).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);
    }

    [Fact]
    public void An_entry_listing_a_file_that_is_not_there_sends_the_lookup_to_a_scan()
    {
        // What a crash between writing the entry and creating its files leaves: the directory is unchanged.
        var attachment = new IpamAttachment("c1", "eth0");
        _store.Allocate(attachment, _sets);
        File.WriteAllText(Path.Combine(_store.DirectoryPath, ".podnet-index", "c1:eth0"), "podnet-ipam-index 1\nc1\neth0\n10.5.0.2\nfd00:5::2\n10.5.0.200\n");

        Assert.Equal(["10.5.0.2", "fd00:5::2"], _store.FindAddresses(attachment).Select(IpAddressText.Format).Order(StringComparer.Ordinal));
        Assert.Equal(IpamLookup.Scan, _store.LastLookup);
        Assert.Equal(["10.5.0.2", "fd00:5::2"], _store.Release(attachment).Select(IpAddressText.Format));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);
    }

    [Kernel]
    [Fact]
    public async Task Listing_and_gc_rebuild_the_index_and_certify_it()
    {
        string config = HostLocalPlugin.Config("cert", _data.Path, ["10.5.0.0/16"]);
        await HostLocalPlugin.AddAsync("hl1", "eth0", config);
        await HostLocalPlugin.AddAsync("hl2", "eth0", config);
        Assert.Equal(2, _store.ListAllocations().Count);
        Assert.Single(_store.FindAddresses(new IpamAttachment("hl1", "eth0")));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);

        await HostLocalPlugin.AddAsync("hl3", "eth0", config);
        Assert.Equal(["hl2"], _store.CollectGarbage([new IpamAttachment("hl1", "eth0"), new IpamAttachment("hl3", "eth0")]).Select(a => a.ContainerId));
        int scans = _store.ScanCount;
        Assert.Single(_store.Release(new IpamAttachment("hl3", "eth0")));
        Assert.Empty(_store.FindAddresses(new IpamAttachment("hl2", "eth0")));
        Assert.Equal(IpamLookup.Index, _store.LastLookup);
        Assert.Equal(scans, _store.ScanCount);
    }

    [Fact]
    public void An_unlink_on_tmpfs_invalidates_the_certificate_through_the_directory_size()
    {
        // tmpfs can leave both timestamps unchanged on unlink (measured); the size always shrinks.
        string root = Path.Combine("/dev/shm", "pn-cert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            using IpamStore store = IpamStore.Open("cert", root);
            Assert.True(store.CertificatesTrusted);
            for (int i = 0; i < 200; i++)
            {
                string foreign = Path.Combine(store.DirectoryPath, $"10.5.1.{i + 1}");
                File.WriteAllText(foreign, $"hl{i}\r\neth0");
                store.FindAddresses(new IpamAttachment("probe", "eth0"));
                Assert.Equal(IpamLookup.Scan, store.LastLookup);

                File.Delete(foreign);
                store.FindAddresses(new IpamAttachment("probe", "eth0"));
                Assert.Equal(IpamLookup.Scan, store.LastLookup);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
