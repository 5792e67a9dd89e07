using System.Text.Json;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Bridge.Tests.Routing;
using Podnet.Testing.Nodes;
using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.Install;

/// <summary><c>podnet install</c> run by the published binary against temporary CNI directories.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Kernel]
public sealed class InstallCommandTests
{
    [Fact]
    public async Task Install_copies_the_binary_and_writes_a_conflist_for_the_subnets()
    {
        using var dirs = new InstallDirectories();

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--subnet", "10.244.1.0/24,fd10:1::/64"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal($"{dirs.BinaryPath}: created\n{dirs.ConflistPath}: created\n", outcome.Stdout);
        Assert.Equal(File.ReadAllBytes(PodnetBinary.Path), File.ReadAllBytes(dirs.BinaryPath));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            File.GetUnixFileMode(dirs.BinaryPath));
        Assert.Empty(Directory.GetFiles(dirs.ConfDirectory, "*.tmp-*"));

        using JsonDocument conflist = JsonDocument.Parse(File.ReadAllBytes(dirs.ConflistPath));
        JsonElement root = conflist.RootElement;
        Assert.Equal("1.1.0", root.GetProperty("cniVersion").GetString());
        Assert.Equal("podnet", root.GetProperty("name").GetString());
        JsonElement plugin = Assert.Single(root.GetProperty("plugins").EnumerateArray());
        Assert.Equal("podnet", plugin.GetProperty("type").GetString());
        Assert.Equal("v-net-0", plugin.GetProperty("bridge").GetString());
        Assert.False(plugin.GetProperty("ipMasq").GetBoolean());
        Assert.False(plugin.TryGetProperty("mtu", out _));
        Assert.Equal("host-local", plugin.GetProperty("ipam").GetProperty("type").GetString());
        Assert.Equal(["10.244.1.0/24", "fd10:1::/64"], Subnets(plugin));
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.4.0")]
    public async Task Install_writes_the_requested_cni_version_for_older_runtimes(string version)
    {
        using var dirs = new InstallDirectories();

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--subnet", "10.244.1.0/24", "--cni-version", version));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        using JsonDocument conflist = JsonDocument.Parse(File.ReadAllBytes(dirs.ConflistPath));
        Assert.Equal(version, conflist.RootElement.GetProperty("cniVersion").GetString());
    }

    [Fact]
    public async Task Install_honours_network_bridge_mtu_portmap_and_conf_name()
    {
        using var dirs = new InstallDirectories();

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments(
            "--subnet", "10.10.0.0/16", "--network", "k8s-pod-network", "--bridge", "cni0", "--mtu", "1450", "--portmap", "--conf-name", "05-pods.conflist"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        string path = Path.Combine(dirs.ConfDirectory, "05-pods.conflist");
        Assert.Contains($"{path}: created", outcome.Stdout, StringComparison.Ordinal);
        using JsonDocument conflist = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal("k8s-pod-network", conflist.RootElement.GetProperty("name").GetString());
        JsonElement[] plugins = [.. conflist.RootElement.GetProperty("plugins").EnumerateArray()];
        Assert.Equal(2, plugins.Length);
        Assert.Equal("cni0", plugins[0].GetProperty("bridge").GetString());
        Assert.Equal(1450, plugins[0].GetProperty("mtu").GetInt32());
        Assert.Equal(["10.10.0.0/16"], Subnets(plugins[0]));
        Assert.Equal("portmap", plugins[1].GetProperty("type").GetString());
        Assert.True(plugins[1].GetProperty("capabilities").GetProperty("portMappings").GetBoolean());
    }

    [Fact]
    public async Task Installing_twice_reports_both_files_unchanged()
    {
        using var dirs = new InstallDirectories();
        Assert.Equal(0, (await OperatorCommand.RunPodnetAsync(dirs.Arguments("--subnet", "10.244.1.0/24"))).ExitCode);
        DateTime written = File.GetLastWriteTimeUtc(dirs.ConflistPath);

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--subnet", "10.244.1.0/24"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal($"{dirs.BinaryPath}: unchanged\n{dirs.ConflistPath}: unchanged\n", outcome.Stdout);
        Assert.Equal(written, File.GetLastWriteTimeUtc(dirs.ConflistPath));
    }

    [Fact]
    public async Task A_different_existing_conflist_is_refused_without_force_and_replaced_with_force()
    {
        using var dirs = new InstallDirectories();
        Directory.CreateDirectory(dirs.ConfDirectory);
        const string Existing = "{\"cniVersion\":\"1.0.0\",\"name\":\"other\",\"plugins\":[{\"type\":\"bridge\"}]}\n";
        File.WriteAllText(dirs.ConflistPath, Existing);

        ProcessOutcome refused = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--subnet", "10.244.1.0/24"));

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"podnet install: {dirs.ConflistPath} exists with different content; use --force to replace it", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(Existing, File.ReadAllText(dirs.ConflistPath));

        ProcessOutcome forced = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--subnet", "10.244.1.0/24", "--force"));

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains($"{dirs.ConflistPath}: replaced", forced.Stdout, StringComparison.Ordinal);
        using JsonDocument conflist = JsonDocument.Parse(File.ReadAllBytes(dirs.ConflistPath));
        Assert.Equal("podnet", conflist.RootElement.GetProperty("name").GetString());
        Assert.Equal(["10.244.1.0/24"], Subnets(conflist.RootElement.GetProperty("plugins")[0]));
        Assert.Equal(["10-podnet.conflist"], Directory.GetFiles(dirs.ConfDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Install_from_a_cluster_file_uses_the_nodes_pod_cidrs()
    {
        using var dirs = new InstallDirectories();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B, TestCluster.C);

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--cluster", cluster.Path, "--node", "c"));

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        using JsonDocument conflist = JsonDocument.Parse(File.ReadAllBytes(dirs.ConflistPath));
        Assert.Equal(["10.244.3.0/24", "10.245.3.0/24"], Subnets(conflist.RootElement.GetProperty("plugins")[0]));
    }

    [Fact]
    public async Task Install_for_a_node_missing_from_the_cluster_file_fails_and_writes_nothing()
    {
        using var dirs = new InstallDirectories();
        using ClusterFile cluster = ClusterFile.With(TestCluster.A, TestCluster.B);

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--cluster", cluster.Path, "--node", "zz"));

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains($"podnet install: node zz is not in {cluster.Path}", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dirs.ConfDirectory));
        Assert.False(Directory.Exists(dirs.BinDirectory));
    }

    [Theory]
    [InlineData("{\"nodes\": [}", "malformed JSON")]
    [InlineData(null, "no such file")]
    public async Task Install_from_a_missing_or_malformed_cluster_file_fails_with_exit_code_1(string? content, string expected)
    {
        using var dirs = new InstallDirectories();
        string path = dirs.File("cluster.json");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments("--cluster", path, "--node", "a"));

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.StartsWith("podnet install: ", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(path, outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dirs.ConfDirectory));
    }

    [Fact]
    public async Task An_unwritable_conf_dir_fails_with_exit_code_1_instead_of_crashing()
    {
        using var dirs = new InstallDirectories();
        string notADirectory = dirs.File("plain-file");
        File.WriteAllText(notADirectory, "x");

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(
            ["install", "--subnet", "10.244.1.0/24", "--bin-dir", dirs.BinDirectory, "--conf-dir", Path.Combine(notADirectory, "net.d")]);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.StartsWith("podnet install: cannot write the installation", outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--subnet", "10.244.1.1/24", "--subnet 10.244.1.1/24: not a CIDR")]
    [InlineData("--subnet", "10.244.1.0/33", "--subnet 10.244.1.0/33: not a CIDR")]
    [InlineData("--subnet", "pods", "--subnet pods: not a CIDR")]
    [InlineData("--subnet", "10.244.1.0", "--subnet 10.244.1.0: not a CIDR")]
    [InlineData("--subnet", ",", "--subnet is empty")]
    [InlineData("--mtu", "20", "--mtu 20: expected 68..65535")]
    [InlineData("--bridge", "a-name-longer-than-15", "--bridge a-name-longer-than-15:")]
    [InlineData("--colour", "red", "unknown option --colour")]
    [InlineData("--cni-version", "0.3.1", "--cni-version 0.3.1: expected one of 0.4.0, 1.0.0, 1.1.0")]
    [InlineData("--cni-version", "2.0.0", "--cni-version 2.0.0: expected one of 0.4.0, 1.0.0, 1.1.0")]
    [InlineData("--cni-version", "latest", "--cni-version latest: expected one of 0.4.0, 1.0.0, 1.1.0")]
    public async Task A_bad_argument_is_a_usage_error_with_exit_code_2_and_writes_nothing(string option, string value, string expected)
    {
        using var dirs = new InstallDirectories();
        string[] arguments = option == "--subnet" ? dirs.Arguments(option, value) : dirs.Arguments("--subnet", "10.244.1.0/24", option, value);

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(arguments);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith($"podnet install: {expected}", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("podnet install (--subnet CIDR[,CIDR] | --cluster FILE --node NAME)", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dirs.ConfDirectory));
    }

    [Fact]
    public async Task Install_without_subnet_or_cluster_is_a_usage_error()
    {
        using var dirs = new InstallDirectories();

        ProcessOutcome outcome = await OperatorCommand.RunPodnetAsync(dirs.Arguments());

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.StartsWith("podnet install: give --subnet CIDR or --cluster FILE --node NAME", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("[--network podnet] [--bridge v-net-0] [--mtu N] [--portmap] [--force]", outcome.Stderr, StringComparison.Ordinal);
    }

    private static string[] Subnets(JsonElement plugin) =>
        [.. plugin.GetProperty("ipam").GetProperty("ranges").EnumerateArray().Select(range => Assert.Single(range.EnumerateArray()).GetProperty("subnet").GetString()!)];
}
