using Podnet.Cni;
using Podnet.Netlink;

namespace Podnet.Bridge.Attachment;

/// <summary>The pod's network namespace, named by <c>CNI_NETNS</c>; a path that is not one is a CNI error.</summary>
internal static class PodNamespace
{
    /// <summary>
    /// Opens the namespace once; ADD and CHECK pass the handle to everything that works inside it (the rtnetlink
    /// connection, the veth peer, sysctl writes), so the path is not opened again.
    /// </summary>
    public static NetworkNamespace Open(string path)
    {
        try
        {
            return NetworkNamespace.Open(path);
        }
        catch (NetworkNamespaceException e)
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, $"failed to open netns \"{path}\": {e.Message}", e.InnerException?.Message, e);
        }
    }

    /// <summary>The namespace at <paramref name="path"/>, or null when it is gone or not one (DEL tolerates a missing one).</summary>
    public static NetworkNamespace? TryOpen(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            return NetworkNamespace.Open(path);
        }
        catch (NetworkNamespaceException)
        {
            return null;
        }
    }
}
