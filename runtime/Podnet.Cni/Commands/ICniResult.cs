using System.Text.Json;

namespace Podnet.Cni;

/// <summary>An ADD result that can write itself in any supported CNI version.</summary>
public interface ICniResult
{
    /// <summary>Writes the result object in the shape of <paramref name="cniVersion"/>.</summary>
    void WriteTo(Utf8JsonWriter writer, string cniVersion);
}
