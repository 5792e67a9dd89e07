using System.Net;
using Podnet.Cni.Ipam;

namespace Podnet.Cni.Tests.Ipam;

/// <summary>
/// The optimisation seam on its own: <see cref="CertifiedAttachmentIndex"/> answers only while its certificate
/// matches the directory, and only with entries its caller can verify; <see cref="NoAttachmentIndex"/> never answers.
/// </summary>
public sealed class CertifiedAttachmentIndexTests : IDisposable
{
    private static readonly IpamAttachment s_c1 = new("c1", "eth0");

    private readonly ScratchDirectory _data = new();
    private readonly string _network;
    private readonly CertifiedAttachmentIndex _index;
    private readonly Dictionary<IPAddress, IpamStoredAllocation> _files = [];

    public CertifiedAttachmentIndexTests()
    {
        _network = _data.Combine("net");
        Directory.CreateDirectory(_network);
        _index = new CertifiedAttachmentIndex(_network);
    }

    private string CertificatePath => Path.Combine(_network, ".podnet-index", ".complete");

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Without_a_certificate_the_index_never_answers()
    {
        _index.Begin();

        Assert.False(_index.IsComplete);
        Assert.Null(_index.TryFind(s_c1, Read));
        _index.End(consistent: true);
        Assert.False(File.Exists(CertificatePath));
    }

    [Fact]
    public void A_rebuild_is_certified_at_the_end_and_answers_the_next_operation()
    {
        Operation(() =>
        {
            Put("10.0.0.2", "c1", "eth0");
            _index.Rebuild(Scan());
            Assert.True(_index.IsComplete);
        });
        Assert.True(File.Exists(CertificatePath));

        Operation(() =>
        {
            Assert.True(_index.IsComplete);
            Assert.Equal(["10.0.0.2"], Find(s_c1));
            Assert.Equal([], Find(new IpamAttachment("c2", "eth0")));
        });
    }

    [Fact]
    public void Entries_list_ipv4_first_then_by_value_and_skip_unreadable_and_invalid_owners()
    {
        Operation(() =>
        {
            Put("fd00::2", "c1", "eth0");
            Put("10.0.0.10", "c1", "eth0");
            Put("10.0.0.9", "c1", "eth0");
            Put("fd00::1:0", "c1", "eth0");
            Put("::5", "c1", "eth0");
            Put("10.0.0.3", null, null);
            Put("10.0.0.4", "-bad", "eth0");
            Put("10.0.0.5", "c2", "bad/name");
            _index.Rebuild(Scan());
        });

        Assert.Equal(["c1:eth0"], Directory.EnumerateFiles(Path.Combine(_network, ".podnet-index")).Select(Path.GetFileName).Where(n => n != ".complete"));
        // By family first: "::5" is numerically smaller than every IPv4 address but comes after them.
        Operation(() => Assert.Equal(["10.0.0.9", "10.0.0.10", "::5", "fd00::2", "fd00::1:0"], Find(s_c1)));
    }

    [Fact]
    public void A_change_to_the_directory_voids_the_certificate()
    {
        Operation(() => _index.Rebuild(Scan()));
        File.WriteAllText(Path.Combine(_network, "10.0.0.7"), "hl\r\neth0");

        _index.Begin();
        Assert.False(_index.IsComplete);
        Assert.Null(_index.TryFind(s_c1, Read));
        _index.End(consistent: true);
    }

    [Fact]
    public void Writes_by_the_operation_itself_are_certified_again_at_its_end()
    {
        Operation(() => _index.Rebuild(Scan()));

        Operation(() =>
        {
            Put("10.0.0.2", "c1", "eth0");
            _index.Record(s_c1, [IPAddress.Parse("10.0.0.2")]);
            File.WriteAllText(Path.Combine(_network, "10.0.0.2"), "c1\r\neth0");
        });

        Operation(() =>
        {
            Assert.True(_index.IsComplete);
            Assert.Equal(["10.0.0.2"], Find(s_c1));
        });
    }

    [Fact]
    public void An_entry_is_only_an_answer_if_every_listed_allocation_is_the_attachments()
    {
        Operation(() =>
        {
            Put("10.0.0.2", "c1", "eth0");
            Put("10.0.0.3", "c1", "eth0");
            _index.Rebuild(Scan());
        });

        Operation(() =>
        {
            _files.Remove(IPAddress.Parse("10.0.0.3"));
            Assert.Null(_index.TryFind(s_c1, Read));
            Put("10.0.0.3", "c1", "net1");
            Assert.Null(_index.TryFind(s_c1, Read));
            Put("10.0.0.3", "c9", "eth0");
            Assert.Null(_index.TryFind(s_c1, Read));
            Put("10.0.0.3", "c1", null);
            Assert.Null(_index.TryFind(s_c1, Read));
            Put("10.0.0.3", "c1", "eth0");
            Assert.Equal(["10.0.0.2", "10.0.0.3"], Find(s_c1));
        });
    }

    [Fact]
    public void A_damaged_entry_is_no_answer()
    {
        Operation(() =>
        {
            Put("10.0.0.2", "c1", "eth0");
            _index.Rebuild(Scan());
        });
        File.WriteAllText(Path.Combine(_network, ".podnet-index", "c1:eth0"), "garbage");

        Operation(() => Assert.Null(_index.TryFind(s_c1, Read)));
    }

    [Fact]
    public void A_legacy_allocation_leaves_the_index_uncertified()
    {
        Operation(() => _index.Rebuild(Scan()));
        Assert.True(File.Exists(CertificatePath));

        _index.Begin();
        Put("10.0.0.2", "old", null);
        _index.Rebuild(Scan());
        Assert.False(_index.IsComplete);
        Assert.False(File.Exists(CertificatePath));
        _index.End(consistent: true);

        Assert.False(File.Exists(CertificatePath));
    }

    [Fact]
    public void Invalidation_revokes_the_certificate_at_once()
    {
        Operation(() => _index.Rebuild(Scan()));

        _index.Begin();
        Assert.True(_index.IsComplete);
        _index.Invalidate();
        Assert.False(_index.IsComplete);
        Assert.False(File.Exists(CertificatePath));
        Assert.Null(_index.TryFind(s_c1, Read));
        _index.End(consistent: true);

        Assert.False(File.Exists(CertificatePath));
    }

    [Fact]
    public void An_inconsistent_end_revokes_the_certificate()
    {
        Operation(() => _index.Rebuild(Scan()));

        _index.Begin();
        Assert.True(_index.IsComplete);
        _index.End(consistent: false);

        Assert.False(File.Exists(CertificatePath));
        _index.Begin();
        Assert.False(_index.IsComplete);
        _index.End(consistent: true);
    }

    [Fact]
    public void An_inconsistent_end_removes_even_a_certificate_that_did_not_match()
    {
        Operation(() => _index.Rebuild(Scan()));
        File.WriteAllText(Path.Combine(_network, "10.0.0.7"), "hl\r\neth0");

        _index.Begin();
        Assert.False(_index.IsComplete);
        _index.End(consistent: false);

        Assert.False(File.Exists(CertificatePath));
    }

    [Fact]
    public void An_operation_that_never_made_the_index_complete_leaves_no_certificate()
    {
        _index.Begin();
        _index.Record(s_c1, [IPAddress.Parse("10.0.0.2")]);
        _index.End(consistent: false);

        Assert.False(File.Exists(CertificatePath));
        Assert.True(File.Exists(Path.Combine(_network, ".podnet-index", "c1:eth0")));
    }

    [Fact]
    public void The_state_of_an_operation_does_not_leak_into_the_next()
    {
        Operation(() => _index.Rebuild(Scan()));
        Operation(() => Assert.True(_index.IsComplete));
        Assert.False(_index.IsComplete);
    }

    [Fact]
    public void Recording_no_address_removes_the_entry()
    {
        Operation(() =>
        {
            _index.Record(s_c1, [IPAddress.Parse("10.0.0.2")]);
            Assert.True(File.Exists(Path.Combine(_network, ".podnet-index", "c1:eth0")));
            _index.Record(s_c1, []);
            Assert.False(File.Exists(Path.Combine(_network, ".podnet-index", "c1:eth0")));
        });
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_written_or_removed_only_means_scanning()
    {
        Directory.CreateDirectory(Path.Combine(CertificatePath, "x"));

        for (int i = 0; i < 2; i++)
        {
            Operation(() =>
            {
                Assert.False(_index.IsComplete);
                _index.Rebuild(Scan());
                Assert.True(_index.IsComplete);
            });
        }

        _index.Begin();
        _index.Invalidate();
        _index.End(consistent: false);
        Assert.True(Directory.Exists(CertificatePath));
    }

    [Fact]
    public void A_network_directory_that_vanished_during_the_operation_is_not_certified()
    {
        Operation(() => _index.Rebuild(Scan()));

        _index.Begin();
        Assert.True(_index.IsComplete);
        Directory.Move(_network, _network + ".moved");
        _index.End(consistent: true);

        Directory.Move(_network + ".moved", _network);
        Assert.True(File.Exists(CertificatePath));
        _index.Begin();
        Assert.False(_index.IsComplete);
        _index.End(consistent: true);
    }

    [Fact]
    public void No_index_never_answers_and_never_writes()
    {
        IAttachmentIndex none = NoAttachmentIndex.Instance;
        none.Begin();
        none.Rebuild([new IpamStoredAllocation(IPAddress.Parse("10.0.0.2"), "c1", "eth0")]);
        none.Record(s_c1, [IPAddress.Parse("10.0.0.2")]);

        Assert.False(none.IsComplete);
        Assert.Null(none.TryFind(s_c1, _ => throw new InvalidOperationException("must not read")));
        none.Invalidate();
        none.End(consistent: true);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_network));
    }

    private void Operation(Action body)
    {
        _index.Begin();
        body();
        _index.End(consistent: true);
    }

    private List<string> Find(IpamAttachment attachment) => [.. _index.TryFind(attachment, Read)!.Select(IpAddressText.Format)];

    private IpamStoredAllocation? Read(IPAddress address) => _files.GetValueOrDefault(address);

    private List<IpamStoredAllocation> Scan() => [.. _files.Values];

    private void Put(string address, string? containerId, string? interfaceName)
    {
        IPAddress ip = IPAddress.Parse(address);
        _files[ip] = new IpamStoredAllocation(ip, containerId, interfaceName);
    }
}
