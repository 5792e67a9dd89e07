using System.Net;
using Podnet.Node.Installation;
using Podnet.Node.Routing;

namespace Podnet.Bridge.Install;

/// <summary>Reads a node's pod subnets from a cluster description file.</summary>
internal static class ClusterSubnets
{
    public static List<IPNetwork> ForNode(string clusterFile, string nodeName)
    {
        ClusterDescription cluster;
        try
        {
            cluster = ClusterDescription.Load(clusterFile);
        }
        catch (RouteSyncException e)
        {
            throw new InstallException(e.Message, e);
        }

        ClusterNode node = cluster.Nodes.FirstOrDefault(n => n.Name == nodeName)
            ?? throw new InstallException($"node {nodeName} is not in {clusterFile}");
        return [.. node.PodCidrs];
    }
}
