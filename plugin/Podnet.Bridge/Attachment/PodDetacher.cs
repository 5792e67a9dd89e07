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

        using (NetworkNamespace? podNamespace = PodNamespace.TryOpen(request.Netns))
        {
            if (podNamespace is not null)
            {
                Attempt(failures, "delete container interface", () => DeleteContainerInterface(podNamespace));
            }
        }

        if (failures.Count > 0)
        {
            throw new CniException(CniErrorCode.KernelError, $"DEL of {request.ContainerId}/{request.InterfaceName} was incomplete", string.Join("; ", failures));
        }
    }

    private void DeleteContainerInterface(NetworkNamespace podNamespace)
    {
        Rtnetlink pod;
        try
        {
            pod = Rtnetlink.OpenIn(podNamespace);
        }
        catch (NetworkNamespaceException)
        {
            // The namespace cannot be entered any more, and with it the interface is out of reach.
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
