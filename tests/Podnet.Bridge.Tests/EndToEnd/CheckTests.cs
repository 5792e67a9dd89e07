using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Cni;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>CHECK passes on an intact attachment and fails with 103 exactly when a piece of it is gone.</summary>
[Kernel]
public sealed class CheckTests
{
    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.4.0")]
    [InlineData("1.1.0")]
    public void Check_after_add_succeeds_with_the_add_result_as_prevResult(string cniVersion)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config(cniVersion).With("isDefaultGateway", true);
        JsonObject result = node.Add(pod, config).Result;

        PluginOutcome check = node.Check(pod, config, result).EnsureSuccess();

        Assert.True(string.IsNullOrWhiteSpace(check.Stdout), $"CHECK printed a result:\n{check}");
    }

    [Theory]
    [InlineData("container address removed")]
    [InlineData("default route removed")]
    [InlineData("host veth removed from the bridge")]
    [InlineData("ip file deleted from the store")]
    public void Check_fails_with_103_when_part_of_the_attachment_is_gone(string damage)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config().With("isDefaultGateway", true);
        JsonObject result = node.Add(pod, config).Result;
        node.Check(pod, config, result).EnsureSuccess();
        string address = result["ips"]![0]!["address"]!.GetValue<string>();
        string hostVeth = result["interfaces"]![1]!["name"]!.GetValue<string>();

        switch (damage)
        {
            case "container address removed":
                pod.Namespace.Ip("address", "del", address, "dev", pod.InterfaceName);
                break;
            case "default route removed":
                pod.Namespace.Ip("route", "del", "default");
                break;
            case "host veth removed from the bridge":
                node.Namespace.Ip("link", "set", hostVeth, "nomaster");
                break;
            case "ip file deleted from the store":
                File.Delete(Path.Combine(node.StoreDirectory, IPAddress.Parse(address[..address.IndexOf('/', StringComparison.Ordinal)]).ToString()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }

        node.Check(pod, config, result).AssertError(CniErrorCode.CheckFailed);
    }
}
