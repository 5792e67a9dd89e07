using System.Diagnostics.CodeAnalysis;

namespace Podnet.Cni;

/// <summary>Validation of container ids, network names and interface names, exactly as libcni validates them.</summary>
public static class CniNames
{
    /// <summary>Longest interface name the kernel accepts (<c>IFNAMSIZ</c> − 1).</summary>
    public const int MaxInterfaceNameLength = 15;

    /// <summary>Whether <paramref name="id"/> matches <c>^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$</c>.</summary>
    public static bool IsValidContainerId([NotNullWhen(true)] string? id) => IsSafeName(id);

    /// <summary>Whether <paramref name="name"/> matches <c>^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$</c>.</summary>
    public static bool IsValidNetworkName([NotNullWhen(true)] string? name) => IsSafeName(name);

    /// <summary>Whether the kernel would accept <paramref name="name"/> as an interface name (see <see cref="InterfaceNameProblem"/>).</summary>
    public static bool IsValidInterfaceName([NotNullWhen(true)] string? name) => InterfaceNameProblem(name) is null;

    /// <summary>Throws a CNI error (code 4) for an invalid container id.</summary>
    public static void ValidateContainerId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, "missing containerID");
        }

        if (!IsSafeName(id))
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, "invalid characters in containerID", id);
        }
    }

    /// <summary>Throws a CNI error (code 7) for an invalid network name.</summary>
    public static void ValidateNetworkName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, "missing network name");
        }

        if (!IsSafeName(name))
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, "invalid characters found in network name", name);
        }
    }

    /// <summary>Throws a CNI error (code 4) for an interface name the kernel would refuse.</summary>
    public static void ValidateInterfaceName(string? name)
    {
        string? problem = InterfaceNameProblem(name);
        if (problem is not null)
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, problem, name);
        }
    }

    /// <summary>Why <paramref name="name"/> is not a valid interface name, or <see langword="null"/> when it is.</summary>
    public static string? InterfaceNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "interface name is empty";
        }

        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxInterfaceNameLength)
        {
            return $"interface name is too long: interface name should be less than {MaxInterfaceNameLength + 1} characters";
        }

        if (name is "." or "..")
        {
            return "interface name is . or ..";
        }

        foreach (char c in name)
        {
            if (c is '/' or ':' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return $"interface name contains / or : or whitespace characters";
            }
        }

        return null;
    }

    private static bool IsSafeName([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
