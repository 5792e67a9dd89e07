using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Namespaces;

[Kernel]
public sealed class NetworkNamespaceTests
{
    [Fact]
    public void Create_pins_a_namespace_that_ip_netns_lists_and_delete_removes_it()
    {
        string name = TestNames.Next();
        string path = "/run/netns/" + name;
        try
        {
            using (NetworkNamespace ns = NetworkNamespace.Create(name))
            {
                Assert.Equal(name, ns.Name);
                Assert.Equal(path, ns.Path);
                Assert.True(File.Exists(path));
                Assert.Contains(name, IpCommand.Run("netns", "list").Split('\n').Select(l => l.Split(' ')[0]));
                Assert.Equal("nsfs", IpCommand.Execute("stat", "-f", "-c", "%T", path).Output.Trim());

                // The namespace is distinct from ours.
                Assert.NotEqual(NamespaceIdentity.OfCurrentThread(), IpCommand.Execute("stat", "-L", "-c", "%i", path).Output.Trim());
            }

            Assert.False(File.Exists(path));
            Assert.DoesNotContain(name, IpCommand.Run("netns", "list").Split('\n').Select(l => l.Split(' ')[0]));
        }
        finally
        {
            NetworkNamespace.Delete(name);
        }
    }

    [Fact]
    public void Ip_sees_only_an_down_loopback_in_a_new_namespace()
    {
        using var ns = TestNamespace.Create();
        string links = ns.Ip("-o", "link", "show");
        string[] lines = links.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(": lo:", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("UP", lines[0].Split('<', '>')[1].Split(','));
    }

    [Fact]
    public void BringLoopbackUp_sets_lo_up_as_ip_reports_it()
    {
        using var ns = TestNamespace.Create();
        ns.Namespace.BringLoopbackUp();
        string line = ns.Ip("-o", "link", "show", "lo");
        Assert.Contains("UP", line.Split('<', '>')[1].Split(','));
    }

    [Fact]
    public void Delete_is_idempotent()
    {
        var ns = TestNamespace.Create();
        string name = ns.Name;
        ns.Dispose();
        NetworkNamespace.Delete(name);
        NetworkNamespace.Delete(name);
        Assert.False(NetworkNamespace.Exists(name));
    }

    [Fact]
    public void Delete_removes_a_namespace_made_by_ip_netns_add()
    {
        string name = TestNames.Next();
        try
        {
            IpCommand.Run("netns", "add", name);
            using (NetworkNamespace.Attach(name))
            {
            }

            Assert.False(File.Exists("/run/netns/" + name));
        }
        finally
        {
            NetworkNamespace.Delete(name);
        }
    }

    [Fact]
    public void Creating_an_existing_name_fails_and_leaves_the_namespace_alone()
    {
        using var ns = TestNamespace.Create();
        string inode = ns.Inode();
        var error = Assert.Throws<NetworkNamespaceException>(() => NetworkNamespace.Create(ns.Name));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(inode, ns.Inode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void Invalid_names_are_rejected(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => NetworkNamespace.Create(name));

    [Fact]
    public void CreateUniqueName_gives_distinct_names_with_the_prefix()
    {
        string a = NetworkNamespace.CreateUniqueName("pn-x-");
        string b = NetworkNamespace.CreateUniqueName("pn-x-");
        Assert.StartsWith("pn-x-", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Calling_thread_namespace_never_changes()
    {
        string before = NamespaceIdentity.OfCurrentThread();
        using var ns = TestNamespace.Create();
        Assert.Equal(before, NamespaceIdentity.OfCurrentThread());

        using (NetlinkSocket socket = ns.OpenSocket())
        {
            Assert.Equal(before, NamespaceIdentity.OfCurrentThread());
        }

        string inside = ns.Run(NamespaceIdentity.OfCurrentThread);
        Assert.Equal(before, NamespaceIdentity.OfCurrentThread());
        Assert.Equal(ns.Inode(), inside);
        Assert.NotEqual(before, inside);
    }

    [Fact]
    public void RunInNamespace_accepts_a_proc_pid_path_and_propagates_exceptions()
    {
        using var ns = TestNamespace.Create();

        // A /proc/PID/ns/net path: our own process's namespace.
        string ours = NetworkNamespace.RunInNamespace("/proc/self/ns/net", NamespaceIdentity.OfCurrentThread);
        Assert.Equal(NamespaceIdentity.OfCurrentThread(), ours);

        var error = Assert.Throws<InvalidOperationException>(() =>
            NetworkNamespace.RunInNamespace(ns.Path, () => throw new InvalidOperationException("inside")));
        Assert.Equal("inside", error.Message);
    }

    [Fact]
    public void RunInNamespace_writes_a_sysctl_inside_the_namespace_only()
    {
        using var ns = TestNamespace.Create();
        string hostValue = File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim();
        string newValue = hostValue == "1" ? "0" : "1";
        string expectedInode = ns.Inode();

        ns.Run(() =>
        {
            // Guard: never write unless this thread is provably inside the test namespace.
            Assert.Equal(expectedInode, NamespaceIdentity.OfCurrentThread());
            File.WriteAllText("/proc/sys/net/ipv4/ip_forward", newValue);
            return true;
        });

        Assert.Equal(newValue, IpCommand.Execute("ip", "netns", "exec", ns.Name, "cat", "/proc/sys/net/ipv4/ip_forward").Output.Trim());
        Assert.Equal(hostValue, File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim());
    }

    [Fact]
    public void Open_holds_a_descriptor_of_the_namespace_and_disposing_it_keeps_the_namespace()
    {
        using var ns = TestNamespace.Create();
        string fdPath;
        using (NetworkNamespace opened = NetworkNamespace.Open(ns.Path))
        {
            Assert.Equal(ns.Name, opened.Name);
            Assert.False(opened.Handle.IsInvalid);
            fdPath = $"/proc/{Environment.ProcessId}/fd/{opened.Handle.Fd}";
            Assert.Equal(ns.Inode(), IpCommand.Execute("stat", "-L", "-c", "%i", fdPath).Output.Trim());
        }

        Assert.True(NetworkNamespace.Exists(ns.Name), "disposing an opened namespace deleted it");
        Assert.Throws<NetworkNamespaceException>(() => NetworkNamespace.Open("/proc/self/ns/uts"));
    }

    [Fact]
    public void An_open_namespace_works_by_its_descriptor_after_its_path_is_gone()
    {
        // Everything that takes a NetworkNamespace (Rtnetlink.OpenIn, WatchLinks, VethPair.PeerNamespace, Run) must
        // use the descriptor opened once, never the path again: with the path removed, a reopen would fail.
        using var host = TestNamespace.Create();
        string name = NetworkNamespace.CreateUniqueName("pn-t-");
        using NetworkNamespace created = NetworkNamespace.Create(name);
        using NetworkNamespace pod = NetworkNamespace.Open(created.Path);
        NetworkNamespace.Delete(name);
        Assert.False(File.Exists(pod.Path));

        using Rtnetlink hostLinks = Rtnetlink.OpenIn(host.Namespace);
        hostLinks.Links.CreateVethPair(new VethPair("pnh0", "pnp0") { PeerNamespace = pod });
        using Rtnetlink podLinks = Rtnetlink.OpenIn(pod);
        LinkMessage peer = podLinks.Links.Get("pnp0");
        using (LinkWatcher watcher = podLinks.WatchLinks())
        {
            podLinks.Links.SetUp(peer.Index);
            Assert.True(watcher.WaitFor(peer.Index, l => l.IsUp, TimeSpan.FromSeconds(5)).IsUp);
        }

        Assert.True(pod.Run(() => Directory.Exists("/proc/sys/net/ipv4/conf/pnp0")), "Run did not enter the namespace");
        Assert.Null(hostLinks.Links.Find("pnp0"));
    }

    [Fact]
    public void A_regular_file_is_not_a_network_namespace()
    {
        string file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<NetworkNamespaceException>(() => NetworkNamespace.OpenSocket(file, NetlinkProtocol.Route));
            Assert.Contains("not a network namespace", error.Message, StringComparison.Ordinal);
            Assert.Equal(file, error.Path);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_mount_namespace_is_not_a_network_namespace()
    {
        var error = Assert.Throws<NetworkNamespaceException>(() => NetworkNamespace.RunInNamespace("/proc/self/ns/mnt", () => 1));
        Assert.Contains("is a mount namespace, not a network namespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_says_so()
    {
        string path = "/run/netns/" + NetworkNamespace.CreateUniqueName("pn-missing-");
        var error = Assert.Throws<NetworkNamespaceException>(() => NetworkNamespace.OpenSocket(path, NetlinkProtocol.Route));
        Assert.Contains("ENOENT", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }
}
