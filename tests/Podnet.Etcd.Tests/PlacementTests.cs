using System.Net;
using System.Text;
using Podnet.Etcd.Tests.Support;
using Podnet.Netlink;
using Podnet.Netlink.Testing;
using Podnet.Testing.Etcd;

namespace Podnet.Etcd.Tests;

/// <summary>Members placed in separate namespaces (as on separate nodes), and a client living in one of them.</summary>
[Kernel]
public sealed class PlacementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_in_two_namespaces_form_one_cluster_that_a_client_in_one_of_them_uses_and_fails_over_in()
    {
        using NetworkNamespace a = NetworkNamespace.Create(TestNames.Next("etcd-a"));
        using NetworkNamespace b = NetworkNamespace.Create(TestNames.Next("etcd-b"));
        a.BringLoopbackUp();
        b.BringLoopbackUp();
        await Ip.RunAsync("-n", a.Name, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", b.Name);
        await Ip.RunAsync("-n", a.Name, "addr", "add", "10.98.0.1/24", "dev", "eth0");
        await Ip.RunAsync("-n", b.Name, "addr", "add", "10.98.0.2/24", "dev", "eth0");
        await Ip.RunAsync("-n", a.Name, "link", "set", "eth0", "up");
        await Ip.RunAsync("-n", b.Name, "link", "set", "eth0", "up");

        // Three members: two on node a's address (distinct ports), one on b's; raft runs across the veth.
        await using EtcdCluster cluster = await EtcdCluster.StartAsync(
            [
                new EtcdPlacement(a.Path, IPAddress.Parse("10.98.0.1")),
                new EtcdPlacement(b.Path, IPAddress.Parse("10.98.0.2")),
                new EtcdPlacement(a.Path, IPAddress.Parse("10.98.0.1"), 2479, 2480),
            ],
            cancellationToken: Ct);
        Assert.Null(cluster.NetnsPath);
        Assert.Equal(["http://10.98.0.1:2379/", "http://10.98.0.2:2379/", "http://10.98.0.1:2479/"], cluster.Endpoints.Select(e => e.ToString()));

        // A client whose sockets live in b reaches every member, and carries on when one of them is killed.
        await using EtcdClient fromB = cluster.CreateClient(netnsPath: b.Path);
        await fromB.PutAsync("/n/a", "1"u8.ToArray(), cancellationToken: Ct);
        cluster.Kill(0);
        Assert.Equal("1", Encoding.UTF8.GetString((await fromB.GetAsync("/n/a", Ct))!.Value));
        Assert.True(await fromB.CreateAsync("/n/b", "2"u8.ToArray(), cancellationToken: Ct));

        await cluster.StartMemberAsync(0, Ct);
        await using EtcdClient onlyMember0 = cluster.CreateClient(netnsPath: a.Path, endpoints: [cluster.Endpoints[0]]);
        Assert.Equal(["/n/a", "/n/b"], (await onlyMember0.GetPrefixAsync("/n/", Ct)).Items.Select(i => i.Key));
    }
}
