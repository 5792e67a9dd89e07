using System.Runtime.InteropServices;
using Podnet.Cni;
using Podnet.Netlink;

namespace Podnet.Bridge.Attachment;

/// <summary>The pod's network namespace, named by <c>CNI_NETNS</c>; a path that is not one is a CNI error.</summary>
internal static class PodNamespace
{
    public static SafeHandle Open(string path)
    {
        try
        {
            return NetworkNamespace.OpenFile(path);
        }
        catch (NetworkNamespaceException e)
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, $"failed to open netns \"{path}\": {e.Message}", e.InnerException?.Message, e);
        }
    }

    /// <summary>Whether <paramref name="path"/> still names a network namespace (DEL tolerates a missing one).</summary>
    public static bool Exists(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        try
        {
            using SafeHandle handle = NetworkNamespace.OpenFile(path);
            return true;
        }
        catch (NetworkNamespaceException)
        {
            return false;
        }
    }

    /// <summary>Validates that <paramref name="path"/> is a network namespace and returns it.</summary>
    public static string ExistingPath(string path)
    {
        using SafeHandle handle = Open(path);
        return path;
    }

    public static void Run(string path, Action action) => NetworkNamespace.RunInNamespace(path, action);
}
