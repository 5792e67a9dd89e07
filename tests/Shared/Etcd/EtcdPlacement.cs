using System.Net;

namespace Podnet.Testing.Etcd;

/// <summary>Where one etcd member runs: inside the network namespace at <paramref name="NetnsPath"/>, listening on <paramref name="Address"/>.</summary>
/// <param name="NetnsPath">The member's network namespace (<c>/run/netns/NAME</c>); its address must be up there.</param>
/// <param name="Address">The address its client and peer listeners bind and advertise.</param>
/// <param name="ClientPort">The client port (<c>--listen-client-urls</c>).</param>
/// <param name="PeerPort">The raft peer port (<c>--listen-peer-urls</c>).</param>
internal sealed record EtcdPlacement(string NetnsPath, IPAddress Address, int ClientPort = 2379, int PeerPort = 2380);
