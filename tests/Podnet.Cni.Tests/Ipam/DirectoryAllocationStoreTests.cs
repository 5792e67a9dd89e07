using System.Net;
using System.Text;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>host-local's on-disk format as <see cref="DirectoryAllocationStore"/> reads and writes it.</summary>
public sealed class DirectoryAllocationStoreTests : IDisposable
{
    private readonly ScratchDirectory _data = new();
    private readonly DirectoryAllocationStore _store;

    public DirectoryAllocationStoreTests()
    {
        Directory.CreateDirectory(_data.Combine("net"));
        _store = new DirectoryAllocationStore(_data.Combine("net"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("c1\r\neth0", "c1", "eth0")]
    [InlineData("c1\r\neth0\n", "c1", "eth0")]
    [InlineData("  c1\r\neth0 \r\n", "c1", "eth0")]
    [InlineData("legacy", "legacy", null)]
    [InlineData("legacy\n", "legacy", null)]
    [InlineData("", null, null)]
    [InlineData("\r\neth0", "eth0", null)]
    [InlineData("c1\r\n\r\n", "c1", null)]
    [InlineData("c1\r\n\r\nx", null, null)]
    [InlineData("c 1\r\neth0", null, null)]
    [InlineData("c1\r\neth 0", null, null)]
    [InlineData("c1\r\neth0\r\nmore", null, null)]
    [InlineData("c1\u0001\r\neth0", null, null)]
    [InlineData("c1\r\neth\u00850", null, null)]
    [InlineData("c1\neth0", null, null)]
    public void An_address_file_names_its_owner_or_reads_as_unreadable(string content, string? containerId, string? interfaceName)
    {
        IPAddress address = IPAddress.Parse("10.0.0.2");
        Assert.Equal(new IpamStoredAllocation(address, containerId, interfaceName), DirectoryAllocationStore.Parse(Encoding.UTF8.GetBytes(content), address));
    }

    [Fact]
    public void Invalid_utf8_reads_as_unreadable()
    {
        IPAddress address = IPAddress.Parse("10.0.0.2");
        Assert.True(DirectoryAllocationStore.Parse([0x63, 0xC3, 0x28], address).IsUnreadable);
    }

    [Fact]
    public void Files_up_to_4096_bytes_are_read_and_larger_ones_are_unreadable()
    {
        string owner = new('c', 4096 - "\r\neth0".Length);
        File.WriteAllText(_data.Combine("net", "10.0.0.2"), owner + "\r\neth0");
        File.WriteAllText(_data.Combine("net", "10.0.0.3"), owner + "x\r\neth0");

        using IDisposable held = _store.Lock();
        Assert.Equal(owner, _store.Read(IPAddress.Parse("10.0.0.2"))!.ContainerId);
        Assert.True(_store.Read(IPAddress.Parse("10.0.0.3"))!.IsUnreadable);
        Assert.Null(_store.Read(IPAddress.Parse("10.0.0.4")));
    }

    [Fact]
    public void A_scan_reads_canonical_address_names_only_and_removes_crash_leftovers()
    {
        string[] ignored = ["lock", "last_reserved_ip.0", "010.0.0.5", "fd00:0::5", "::ffff:10.0.0.6", "10.0.0.7.bak", "c1:eth0"];
        foreach (string name in ignored)
        {
            File.WriteAllText(_data.Combine("net", name), "c1\r\neth0");
        }

        File.WriteAllText(_data.Combine("net", "10.0.0.2"), "c1\r\neth0");
        File.WriteAllText(_data.Combine("net", "fd00::5"), "c2\r\neth0");
        File.WriteAllText(_data.Combine("net", ".podnet-tmp-1-1"), "c3\r\neth0");

        using IDisposable held = _store.Lock();
        Assert.Equal(
            ["10.0.0.2 c1/eth0", "fd00::5 c2/eth0"],
            _store.ReadAll().Select(a => $"{IpAddressText.Format(a.Address)} {a.ContainerId}/{a.InterfaceName}").Order(StringComparer.Ordinal));
        Assert.False(File.Exists(_data.Combine("net", ".podnet-tmp-1-1")));
        Assert.All(ignored, name => Assert.True(File.Exists(_data.Combine("net", name))));
    }

    [Fact]
    public void Creation_is_exclusive_and_writes_host_locals_bytes()
    {
        IPAddress address = IPAddress.Parse("fd00::5");
        using IDisposable held = _store.Lock();

        Assert.True(_store.TryCreate(address, new IpamAttachment("c1", "eth0")));
        Assert.False(_store.TryCreate(address, new IpamAttachment("c2", "eth0")));
        Assert.Equal("c1\r\neth0"u8.ToArray(), File.ReadAllBytes(_data.Combine("net", "fd00::5")));
        Assert.True(_store.IsTaken(address));

        _store.Remove(address);
        Assert.False(_store.IsTaken(address));
        _store.Remove(address);
    }

    [Fact]
    public void The_round_robin_position_is_the_address_text_per_range_set()
    {
        using IDisposable held = _store.Lock();
        Assert.Null(_store.ReadLastReserved(0));

        _store.WriteLastReserved(0, IPAddress.Parse("10.0.0.20"));
        _store.WriteLastReserved(1, IPAddress.Parse("fd00::2"));
        _store.WriteLastReserved(0, IPAddress.Parse("10.0.0.3"));

        Assert.Equal("10.0.0.3"u8.ToArray(), File.ReadAllBytes(_data.Combine("net", "last_reserved_ip.0")));
        Assert.Equal(IPAddress.Parse("10.0.0.3"), _store.ReadLastReserved(0));
        Assert.Equal(IPAddress.Parse("fd00::2"), _store.ReadLastReserved(1));
    }

    [Theory]
    [InlineData("10.0.0.3\n")]
    [InlineData("")]
    [InlineData("not an address")]
    public void A_garbled_round_robin_position_reads_as_none(string content)
    {
        File.WriteAllText(_data.Combine("net", "last_reserved_ip.0"), content);
        using IDisposable held = _store.Lock();
        Assert.Null(_store.ReadLastReserved(0));
    }

    [Fact]
    public void An_unreadable_round_robin_position_reads_as_none()
    {
        Directory.CreateDirectory(_data.Combine("net", "last_reserved_ip.0"));
        File.WriteAllText(_data.Combine("net", "last_reserved_ip.1"), new string('1', 65));
        using IDisposable held = _store.Lock();
        Assert.Null(_store.ReadLastReserved(0));
        Assert.Null(_store.ReadLastReserved(1));
    }

    [Fact]
    public void The_status_probe_writes_into_the_directory_and_leaves_nothing_behind()
    {
        using IDisposable held = _store.Lock();
        DirectoryStamp? before = DirectoryStamp.Of(_data.Combine("net"));
        _store.ProbeWritable();
        Assert.NotEqual(before, DirectoryStamp.Of(_data.Combine("net")));
        Assert.Equal(["lock"], Directory.EnumerateFileSystemEntries(_data.Combine("net")).Select(Path.GetFileName));
        Assert.Equal(_data.Combine("net"), _store.Location);
    }
}
