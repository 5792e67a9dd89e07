using System.Net;
using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>The entry files of the attachment index (<c>.podnet-index/&lt;id&gt;:&lt;ifname&gt;</c>).</summary>
public sealed class AttachmentIndexEntriesTests : IDisposable
{
    private static readonly IpamAttachment s_c1 = new("c1", "eth0");

    private readonly ScratchDirectory _data = new();
    private readonly AttachmentIndexEntries _entries;

    public AttachmentIndexEntriesTests()
    {
        Directory.CreateDirectory(_data.Combine("net"));
        _entries = new AttachmentIndexEntries(_data.Combine("net"));
    }

    private string IndexPath => _data.Combine("net", ".podnet-index");

    public void Dispose() => _data.Dispose();

    [Fact]
    public void An_entry_round_trips_in_its_documented_format()
    {
        Assert.Equal(IndexPath, _entries.DirectoryPath);
        Assert.False(_entries.Exists());
        Assert.Null(_entries.TryRead(s_c1, out bool damaged));
        Assert.False(damaged);

        _entries.Write(s_c1, [IPAddress.Parse("10.0.0.2"), IPAddress.Parse("fd00::2")]);

        Assert.True(_entries.Exists());
        Assert.Equal("podnet-ipam-index 1\nc1\neth0\n10.0.0.2\nfd00::2\n", File.ReadAllText(Path.Combine(IndexPath, "c1:eth0")));
        Assert.Equal(["10.0.0.2", "fd00::2"], _entries.TryRead(s_c1, out damaged)!.Select(IpAddressText.Format));
        Assert.False(damaged);
    }

    [Fact]
    public void An_attachment_whose_name_is_longer_than_200_bytes_gets_a_hashed_entry_name()
    {
        var longer = new IpamAttachment(new string('a', 196), "eth0");
        var limit = new IpamAttachment(new string('a', 195), "eth0");
        _entries.Write(longer, [IPAddress.Parse("10.0.0.2")]);
        _entries.Write(limit, [IPAddress.Parse("10.0.0.3")]);

        string[] names = [.. Directory.EnumerateFiles(IndexPath).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(2, names.Length);
        Assert.Equal(limit.ContainerId + ":eth0", names[0]);
        Assert.Matches("^~[0-9a-f]{64}$", names[1]);
        Assert.Equal(["10.0.0.2"], _entries.TryRead(longer, out _)!.Select(IpAddressText.Format));
    }

    [Theory]
    [InlineData("podnet-ipam-index 1\nc2\neth0\n10.0.0.2\n")]
    [InlineData("podnet-ipam-index 1\nc1\neth1\n10.0.0.2\n")]
    [InlineData("podnet-ipam-index 2\nc1\neth0\n10.0.0.2\n")]
    [InlineData("podnet-ipam-index 1\nc1\n")]
    [InlineData("podnet-ipam-index 1\n-c1\neth0\n")]
    [InlineData("podnet-ipam-index 1\nc1\neth/0\n")]
    [InlineData("podnet-ipam-index 1\nc1\neth0\n10.0.0.2\nnot-an-address\n")]
    [InlineData("c1\r\neth0")]
    public void An_entry_that_does_not_parse_or_names_another_attachment_is_damaged(string content)
    {
        Directory.CreateDirectory(IndexPath);
        File.WriteAllText(Path.Combine(IndexPath, "c1:eth0"), content);

        Assert.Null(_entries.TryRead(s_c1, out bool damaged));
        Assert.True(damaged);
    }

    [Fact]
    public void An_entry_without_addresses_reads_as_an_empty_list()
    {
        Directory.CreateDirectory(IndexPath);
        File.WriteAllText(Path.Combine(IndexPath, "c1:eth0"), "podnet-ipam-index 1\nc1\neth0\n");

        Assert.Empty(_entries.TryRead(s_c1, out bool damaged)!);
        Assert.False(damaged);
    }

    [Fact]
    public void An_unreadable_entry_is_damaged()
    {
        Directory.CreateDirectory(IndexPath);
        File.WriteAllText(Path.Combine(IndexPath, "c1:eth0"), "podnet-ipam-index 1\nc1\neth0\n" + string.Concat(Enumerable.Repeat("10.0.0.2\n", 8000)));

        Assert.Null(_entries.TryRead(s_c1, out bool damaged));
        Assert.True(damaged);
    }

    [Fact]
    public void Writing_no_addresses_deletes_the_entry()
    {
        _entries.Write(s_c1, [IPAddress.Parse("10.0.0.2")]);
        _entries.Write(s_c1, []);

        Assert.Empty(Directory.EnumerateFileSystemEntries(IndexPath));
        _entries.Delete(s_c1);
    }

    [Fact]
    public void A_symlinked_index_directory_is_replaced_not_followed()
    {
        using var elsewhere = new ScratchDirectory();
        Directory.CreateSymbolicLink(IndexPath, elsewhere.Path);

        Assert.False(_entries.Exists());
        Assert.False(Directory.Exists(IndexPath));
        _entries.Write(s_c1, [IPAddress.Parse("10.0.0.2")]);

        Assert.Null(new DirectoryInfo(IndexPath).LinkTarget);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public void A_rebuild_makes_the_entries_exactly_the_truth_and_keeps_the_certificate()
    {
        var c2 = new IpamAttachment("c2", "eth0");
        var c3 = new IpamAttachment("c3", "eth0");
        _entries.Write(s_c1, [IPAddress.Parse("10.0.0.2")]);
        _entries.Write(c2, [IPAddress.Parse("10.0.0.3")]);
        File.WriteAllText(Path.Combine(IndexPath, ".complete"), "certificate");
        File.WriteAllText(Path.Combine(IndexPath, "stray"), "x");

        _entries.Rebuild(new Dictionary<IpamAttachment, List<IPAddress>>
        {
            [s_c1] = [IPAddress.Parse("10.0.0.2")],
            [c2] = [IPAddress.Parse("10.0.0.4")],
            [c3] = [IPAddress.Parse("10.0.0.5")],
        });

        Assert.Equal([".complete", "c1:eth0", "c2:eth0", "c3:eth0"], Directory.EnumerateFiles(IndexPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("certificate", File.ReadAllText(Path.Combine(IndexPath, ".complete")));
        Assert.Equal(["10.0.0.4"], _entries.TryRead(c2, out _)!.Select(IpAddressText.Format));
        Assert.Equal(["10.0.0.5"], _entries.TryRead(c3, out _)!.Select(IpAddressText.Format));
    }

    [Fact]
    public void A_rebuild_that_changes_nothing_writes_nothing()
    {
        _entries.Write(s_c1, [IPAddress.Parse("10.0.0.2"), IPAddress.Parse("fd00::2")]);
        DirectoryStamp? before = DirectoryStamp.Of(IndexPath);

        _entries.Rebuild(new Dictionary<IpamAttachment, List<IPAddress>> { [s_c1] = [IPAddress.Parse("fd00::2"), IPAddress.Parse("10.0.0.2")] });

        Assert.NotNull(before);
        Assert.Equal(before, DirectoryStamp.Of(IndexPath));
    }

    [Fact]
    public void A_rebuild_creates_a_missing_index_directory()
    {
        _entries.Rebuild(new Dictionary<IpamAttachment, List<IPAddress>>());

        Assert.True(Directory.Exists(IndexPath));
        Assert.Empty(Directory.EnumerateFileSystemEntries(IndexPath));
    }
}
