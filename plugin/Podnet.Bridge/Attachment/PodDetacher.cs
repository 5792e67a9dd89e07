using Podnet.Bridge.Configuration;
using Podnet.Bridge.Firewall;
using Podnet.Bridge.Ipam;
using Podnet.Cni;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Attachment;

/// <summary>
/// DEL, idempotent: releases the addresses and removes the firewall state of the attachment whatever is left of
/// it, and deletes the container interface when the namespace and the interface still exist.
/// </summary>
internal sealed class PodDetacher(CniRequest request, BridgeSettings settings)
{
    public void Detach()
    {
        var failures = new List<string>();

        // The IP and the firewall state live on the node: release them even when the pod's namespace is gone.
        Attempt(failures, "release IP", () => PodAddressing.Release(request, settings));
        Attempt(failures, "remove firewall rules", () => PodFirewall.Remove(settings, request));

        if (PodNamespace.Exists(request.Netns))
        {
            Attempt(failures, "delete container interface", DeleteContainerInterface);
        }

        if (failures.Count > 0)
        {
            throw new CniException(CniErrorCode.KernelError, $"DEL of {request.ContainerId}/{request.InterfaceName} was incomplete", string.Join("; ", failures));
        }
    }

    private void DeleteContainerInterface()
    {
        Rtnetlink pod;
        try
        {
            pod = Rtnetlink.OpenIn(request.Netns);
        }
        catch (NetworkNamespaceException)
        {
            // The namespace went away meanwhile, and with it the interface.
            return;
        }

        using (pod)
        {
            // Deleting the container end removes the host end too.
            pod.Links.DeleteIfExists(request.InterfaceName);
        }
    }

    private static void Attempt(List<string> failures, string what, Action action)
    {
        try
        {
            action();
        }
        catch (CniException e)
        {
            failures.Add($"{what}: {e.Message}");
        }
        catch (NetlinkException e)
        {
            failures.Add($"{what}: {e.Message}");
        }
        catch (IOException e)
        {
            failures.Add($"{what}: {e.Message}");
        }
    }
}
