using System.Net;
using Podnet.Node.Installation;

namespace Podnet.Node.Tests;

public sealed class SubnetFileTests : IDisposable
{
    private readonly string _directory = Podnet.Netlink.Testing.TestNames.CreateDirectory("subnet-file");

    private string FilePath => Path.Combine(_directory, "subnet.env");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_file_reads_like_flannels_and_round_trips()
    {
        var file = new SubnetFile(IPNetwork.Parse("10.244.0.0/16"), IPNetwork.Parse("10.244.3.0/24"), 1450, IpMasq: true);
        string text = file.Render();
        Assert.Equal("FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.3.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n", text);
        SubnetFile? parsed = SubnetFile.Parse(text, out string? problem);
        Assert.Equal(file, parsed);
        Assert.Null(problem);

        // Write, read, write: the same bytes.
        Assert.Equal(text, parsed!.Render());
    }

    [Fact]
    public void A_node_without_the_file_is_not_ready()
    {
        string? reason = SubnetFile.NotReadyReason(FilePath, [IPNetwork.Parse("10.244.3.0/24")]);
        Assert.Equal($"podnetd has not set up this node yet ({FilePath} does not exist)", reason);
    }

    [Fact]
    public void A_file_naming_another_subnet_is_not_ready_and_the_right_one_is()
    {
        File.WriteAllText(FilePath, new SubnetFile(IPNetwork.Parse("10.244.0.0/16"), IPNetwork.Parse("10.244.4.0/24"), 1500, false).Render());
        Assert.Contains("this node's subnet is 10.244.4.0/24", SubnetFile.NotReadyReason(FilePath, [IPNetwork.Parse("10.244.3.0/24")]), StringComparison.Ordinal);
        Assert.Null(SubnetFile.NotReadyReason(FilePath, [IPNetwork.Parse("10.244.4.0/24")]));
        Assert.Null(SubnetFile.NotReadyReason(FilePath, []));
    }

    [Fact]
    public void A_malformed_file_is_not_ready_with_the_member_named()
    {
        File.WriteAllText(FilePath, "FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=banana\n");
        Assert.Equal($"{FilePath}: FLANNEL_SUBNET is missing or not a CIDR", SubnetFile.NotReadyReason(FilePath, [IPNetwork.Parse("10.244.3.0/24")]));
    }
}
