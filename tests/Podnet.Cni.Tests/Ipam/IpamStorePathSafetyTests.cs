using Podnet.Cni.Ipam;
using Podnet.Cni.Tests.Ipam.Support;

namespace Podnet.Cni.Tests.Ipam;

public sealed class IpamStorePathSafetyTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("/abs")]
    [InlineData("net\0x")]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("spa ce")]
    [InlineData("ünïcode")]
    public void Invalid_network_names_are_code_7_and_create_nothing(string network)
    {
        using var data = new ScratchDirectory();
        IpamException error = Assert.Throws<IpamException>(() => IpamStore.Open(network, data.Combine("root")));
        Assert.Equal(IpamErrorCode.InvalidNetworkConfig, error.CniErrorCode);
        Assert.StartsWith("invalid network name", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data.Combine("root")));
    }

    [Theory]
    [InlineData("../../etc", "eth0")]
    [InlineData("a/b", "eth0")]
    [InlineData("..", "eth0")]
    [InlineData("", "eth0")]
    [InlineData("_x", "eth0")]
    [InlineData("c\0", "eth0")]
    [InlineData("c1", "")]
    [InlineData("c1", "..")]
    [InlineData("c1", "a/b")]
    [InlineData("c1", "eth0:1")]
    [InlineData("c1", "eth 0")]
    [InlineData("c1", "a-very-long-name")]
    [InlineData("c1", "e\0")]
    public void Invalid_container_ids_and_interface_names_are_code_4(string containerId, string interfaceName)
    {
        IpamException error = Assert.Throws<IpamException>(() => new IpamAttachment(containerId, interfaceName));
        Assert.Equal(IpamErrorCode.InvalidEnvironment, error.CniErrorCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_network_name_may_have_200_characters_and_its_directory_is_created_0755()
    {
        using var data = new ScratchDirectory();
        string name = new('n', 200);
        using (IpamStore store = IpamStore.Open(name, data.Path))
        {
            Assert.Equal(data.Combine(name), store.DirectoryPath);
            Assert.Equal(name, store.NetworkName);
        }

        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            File.GetUnixFileMode(data.Combine(name)));
        IpamException error = Assert.Throws<IpamException>(() => IpamStore.Open(name + "n", data.Path));
        Assert.Equal(IpamErrorCode.InvalidNetworkConfig, error.CniErrorCode);
        Assert.Equal("/var/lib/cni/networks", IpamStore.DefaultDataDirectory);
    }

    [Fact]
    public void A_symlinked_network_directory_is_refused()
    {
        using var data = new ScratchDirectory();
        using var elsewhere = new ScratchDirectory();
        Directory.CreateSymbolicLink(data.Combine("net"), elsewhere.Path);

        IpamException error = Assert.Throws<IpamException>(() => IpamStore.Open("net", data.Path));
        Assert.Equal(IpamErrorCode.IOFailure, error.CniErrorCode);
        Assert.Contains("is a symlink", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public void Planted_symlinks_are_neither_followed_nor_written_through()
    {
        using var data = new ScratchDirectory();
        using var elsewhere = new ScratchDirectory();
        string victim = elsewhere.Combine("victim");
        File.WriteAllText(victim, "precious");
        using IpamStore store = IpamStore.Open("net", data.Path);
        IReadOnlyList<IpRangeSet> sets = IpamStoreAllocationTests.Sets("10.5.0.0/24");
        File.CreateSymbolicLink(Path.Combine(store.DirectoryPath, "last_reserved_ip.0"), victim);
        Directory.CreateSymbolicLink(Path.Combine(store.DirectoryPath, ".podnet-index"), elsewhere.Path);
        File.CreateSymbolicLink(Path.Combine(store.DirectoryPath, "10.5.0.2"), victim);

        IpamAddress address = store.Allocate(new IpamAttachment("c1", "eth0"), sets).Single();
        store.CollectGarbage([]);
        store.Release(new IpamAttachment("c1", "eth0"));

        Assert.Equal("10.5.0.3/24", address.ToString());
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Equal(["victim"], Directory.EnumerateFileSystemEntries(elsewhere.Path).Select(Path.GetFileName));
        Assert.False(new FileInfo(Path.Combine(store.DirectoryPath, "last_reserved_ip.0")).Attributes.HasFlag(FileAttributes.ReparsePoint));
    }

    [Fact]
    public void A_symlinked_lock_file_is_refused()
    {
        using var data = new ScratchDirectory();
        using var elsewhere = new ScratchDirectory();
        Directory.CreateDirectory(data.Combine("net"));
        File.CreateSymbolicLink(data.Combine("net", "lock"), elsewhere.Combine("lock"));

        IpamException error = Assert.Throws<IpamException>(() => IpamStore.Open("net", data.Path));
        Assert.Equal(IpamErrorCode.IOFailure, error.CniErrorCode);
        Assert.StartsWith($"cannot open IPAM store {data.Combine("net")}: open {data.Combine("net", "lock")}: ", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(elsewhere.Combine("lock")));
    }
}
