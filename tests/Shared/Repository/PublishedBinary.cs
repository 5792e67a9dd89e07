
namespace Podnet.Testing.Repository;

/// <summary>A NativeAOT binary of <c>./build.sh publish</c>: the path in an environment variable when set, else <c>artifacts/bin/NAME</c>.</summary>
internal sealed class PublishedBinary(string name, string environmentVariable)
{
    private readonly Lazy<string> _path = new(() => Locate(name, environmentVariable));

    /// <summary>The absolute path of the binary; fails with instructions when it has not been published.</summary>
    public string Path => _path.Value;

    /// <summary>Where the binary should be, whether or not it is there.</summary>
    public string ExpectedPath
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(environmentVariable);
            return !string.IsNullOrEmpty(fromEnvironment)
                ? System.IO.Path.GetFullPath(fromEnvironment)
                : System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "bin", name);
        }
    }

    private static string Locate(string name, string environmentVariable)
    {
        string path = new PublishedBinary(name, environmentVariable).ExpectedPath;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the {name} binary is missing at {path}: run ./build.sh publish (or set {environmentVariable})", path);
    }
}
