using System.Diagnostics;
using System.Globalization;
using Podnet.Netlink.Generic;
using Podnet.Netlink.Tests.Infrastructure;

namespace Podnet.Netlink.Tests.Generic;

/// <summary>Family resolution against the kernel's generic netlink controller, from inside a throwaway namespace.</summary>
[Kernel]
public sealed class GenericNetlinkKernelTests
{
    [Fact]
    public void The_controller_resolves_itself_with_its_fixed_id_and_notify_group()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Generic);

        GenericFamily nlctrl = GenericNetlink.ResolveFamily(socket, "nlctrl");

        Assert.Equal("nlctrl", nlctrl.Name);
        Assert.Equal(GenericNetlink.ControlFamilyId, nlctrl.Id);
        Assert.Contains(nlctrl.Operations, op => op.Id == ControlCommand.GetFamily);
        Assert.True(nlctrl.MulticastGroup("notify") > 0);
    }

    [Fact]
    public void Ethtool_resolves_to_the_id_and_groups_genl_reports()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Generic);

        GenericFamily ethtool = GenericNetlink.ResolveFamily(socket, "ethtool");

        // An independent reading of the same controller: iproute2's genl, run in the same namespace.
        string genl = GenlCtrlGet(ns, "ethtool");
        Assert.Contains($"ID: 0x{ethtool.Id:x}", genl, StringComparison.Ordinal);
        Assert.True(ethtool.Id > GenericNetlink.ControlFamilyId);
        Assert.Contains($"#{ethtool.Operations.Count}:", genl, StringComparison.Ordinal);
        uint monitor = ethtool.MulticastGroup("monitor");
        Assert.Contains($"ID-0x{monitor:x}  name: monitor", genl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_family_list_contains_nlctrl_and_ethtool_with_the_ids_resolution_gives()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Generic);

        List<GenericFamily> families = GenericNetlink.ListFamilies(socket);

        Assert.Equal(GenericNetlink.ControlFamilyId, Assert.Single(families, f => f.Name == "nlctrl").Id);
        Assert.Equal(GenericNetlink.ResolveFamily(socket, "ethtool").Id, Assert.Single(families, f => f.Name == "ethtool").Id);
    }

    [Fact]
    public void An_unknown_family_fails_with_ENOENT_and_a_name_over_15_bytes_with_EINVAL()
    {
        using var ns = TestNamespace.Create();
        using NetlinkSocket socket = ns.OpenSocket(NetlinkProtocol.Generic);

        NetlinkException unknown = Assert.Throws<NetlinkException>(() => GenericNetlink.ResolveFamily(socket, "pn-nofamily"));
        NetlinkException tooLong = Assert.Throws<NetlinkException>(() => GenericNetlink.ResolveFamily(socket, "pn-no-such-family"));

        Assert.Equal("ENOENT", unknown.ErrnoName);

        // CTRL_ATTR_FAMILY_NAME is at most GENL_NAMSIZ (16) bytes including the NUL.
        Assert.Equal("EINVAL", tooLong.ErrnoName);
    }

    private static string GenlCtrlGet(TestNamespace ns, string family)
    {
        var start = new ProcessStartInfo("ip", ["netns", "exec", ns.Name, "genl", "ctrl", "get", "name", family])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"genl failed ({process.ExitCode}): {error}"));
        return output;
    }
}
