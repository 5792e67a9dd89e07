using System.Text.Json;

namespace Podnet.Cni;

/// <summary>
/// A CNI plugin driven by <see cref="CniPluginHost"/>. Each method throws <see cref="CniException"/> to report a
/// failure; the host turns every other exception into an error with code 999.
/// </summary>
public interface ICniPlugin
{
    /// <summary>One line naming the plugin and its version, for usage output.</summary>
    string About { get; }

    /// <summary>ADD: attach the container and return the result.</summary>
    ICniResult Add(CniRequest request);

    /// <summary>DEL: detach; must succeed when the attachment is already gone.</summary>
    void Delete(CniRequest request);

    /// <summary>CHECK: verify the attachment against <c>prevResult</c>.</summary>
    void Check(CniRequest request);

    /// <summary>STATUS: throw code 50 or 51 when ADD cannot succeed.</summary>
    void Status(CniRequest request);

    /// <summary>GC: release everything not listed in <c>cni.dev/valid-attachments</c>.</summary>
    void GarbageCollect(CniRequest request);
}

/// <summary>An ADD result that can write itself in any supported CNI version.</summary>
public interface ICniResult
{
    /// <summary>Writes the result object in the shape of <paramref name="cniVersion"/>.</summary>
    void WriteTo(Utf8JsonWriter writer, string cniVersion);
}
