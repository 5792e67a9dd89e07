namespace Podnet.Bridge.Attachment;

/// <summary>
/// Writes <c>/proc/sys/net</c> settings. The values belong to the network namespace of the thread that opens the
/// file, so writes for a pod run on a thread inside the pod's namespace.
/// </summary>
internal static class Sysctl
{
    public static void Write(string key, string value)
    {
        File.WriteAllText(PathOf(key), value);
    }

    /// <summary>Writes when the file exists (IPv6 may be disabled); returns whether it did.</summary>
    public static bool TryWrite(string key, string value)
    {
        try
        {
            Write(key, value);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public static string? Read(string key)
    {
        string path = PathOf(key);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>Maps a key to its file: dots separate components; a slash inside a component stands for a dot.</summary>
    private static string PathOf(string key) =>
        "/proc/sys/" + string.Join('/', key.Split('.').Select(component => component.Replace('/', '.')));

    /// <summary>The sysctl key for an interface setting; dots in interface names become slashes in keys.</summary>
    public static string InterfaceKey(string family, string interfaceName, string setting) =>
        $"net.{family}.conf.{interfaceName.Replace('.', '/')}.{setting}";
}
