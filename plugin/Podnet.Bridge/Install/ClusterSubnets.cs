using System.Net;

namespace Podnet.Bridge.Install;

/// <summary>Reads a node's pod subnets from a cluster description file.</summary>
internal static class ClusterSubnets
{
    public static List<IPNetwork> ForNode(string clusterFile, string nodeName)
    {
        Routing.ClusterDescription cluster;
        try
        {
            cluster = Routing.ClusterDescription.Load(clusterFile);
        }
        catch (Routing.RouteSyncException e)
        {
            throw new InstallException(e.Message, e);
        }

        Routing.ClusterNode node = cluster.Nodes.FirstOrDefault(n => n.Name == nodeName)
            ?? throw new InstallException($"node {nodeName} is not in {clusterFile}");
        return [.. node.PodCidrs];
    }
}
