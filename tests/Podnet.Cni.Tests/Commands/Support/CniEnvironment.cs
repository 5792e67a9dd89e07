
namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>The environment a container runtime passes to a plugin.</summary>
internal static class CniEnvironment
{
    public const string ContainerId = "c0ffee-1";
    public const string InterfaceName = "eth0";
    public const string Netns = "/run/netns/pn-cni-test-unused";
    public const string PluginPath = "/opt/cni/bin:/usr/lib/cni";

    /// <summary>Every variable a command can use, filled in.</summary>
    public static Dictionary<string, string> For(string command) => new(StringComparer.Ordinal)
    {
        ["CNI_COMMAND"] = command,
        ["CNI_CONTAINERID"] = ContainerId,
        ["CNI_NETNS"] = Netns,
        ["CNI_IFNAME"] = InterfaceName,
        ["CNI_PATH"] = PluginPath,
    };

    /// <summary><see cref="For"/> with some variables removed.</summary>
    public static Dictionary<string, string> Without(string command, params string[] names)
    {
        Dictionary<string, string> environment = For(command);
        foreach (string name in names)
        {
            environment.Remove(name);
        }

        return environment;
    }

    /// <summary><see cref="For"/> with one variable replaced.</summary>
    public static Dictionary<string, string> With(string command, string name, string value)
    {
        Dictionary<string, string> environment = For(command);
        environment[name] = value;
        return environment;
    }
}
