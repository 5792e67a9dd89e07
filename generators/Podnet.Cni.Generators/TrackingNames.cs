namespace Podnet.Cni.Generators;

/// <summary>The names of the generator's pipeline steps, for <c>WithTrackingName</c> and the cacheability tests.</summary>
public static class TrackingNames
{
    /// <summary>The namespace read from the <c>PodnetCniNamespace</c> MSBuild property.</summary>
    public const string Namespace = "Namespace";

    /// <summary>One parsed schema file.</summary>
    public const string SchemaDocument = "SchemaDocument";

    /// <summary>What other files need to know of one schema file.</summary>
    public const string SchemaIndexEntry = "SchemaIndexEntry";

    /// <summary>The exports of all emittable files.</summary>
    public const string SchemaIndex = "SchemaIndex";

    /// <summary>The mapped string formats (ip, cidr, mac) whose types the compilation does not define.</summary>
    public const string UnavailableFormats = "UnavailableFormats";

    /// <summary>One schema file with its references resolved, ready to emit.</summary>
    public const string ResolvedSchema = "ResolvedSchema";
}
