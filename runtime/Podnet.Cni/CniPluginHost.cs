using System.Buffers;
using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Podnet.Cni;

/// <summary>
/// The CNI command loop: reads the environment and stdin, validates them as the specification and libcni do,
/// dispatches to an <see cref="ICniPlugin"/>, and writes the result or the error object to stdout.
/// </summary>
public static class CniPluginHost
{
    private const int MaxConfigBytes = 16 * 1024 * 1024;

    /// <summary>The <c>details</c> of a code 999 error: what it means and where to look.</summary>
    public const string InternalErrorDetails = "an unexpected internal failure in the plugin (a bug); the plugin's stderr has the stack trace";

    // Messages quote names and versions; the default encoder would write every '"' as \u0022.
    private static readonly JsonWriterOptions s_outputOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs one command with the process environment and standard streams; returns the exit code.</summary>
    public static int Run(ICniPlugin plugin)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        using Stream stdin = Console.OpenStandardInput();
        using Stream stdout = Console.OpenStandardOutput();
        return Run(plugin, environment, stdin, stdout, Console.Error);
    }

    /// <summary>Runs one command; returns the exit code (0 on success, 1 after writing an error object).</summary>
    public static int Run(ICniPlugin plugin, IReadOnlyDictionary<string, string> environment, Stream stdin, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(environment);
        string errorVersion = CniVersion.Latest;
        try
        {
            string command = Get(environment, "CNI_COMMAND");
            if (command.Length == 0)
            {
                stderr.WriteLine(plugin.About);
                stderr.WriteLine($"CNI protocol versions supported: {string.Join(", ", CniVersion.Supported)}");
                return 0;
            }

            CniCommand parsed = ParseCommand(command);
            RequireEnvironment(environment, parsed);
            ReadOnlyMemory<byte> config = ReadAll(stdin);
            if (parsed == CniCommand.Version)
            {
                return WriteVersion(config, stdout);
            }

            CniConfigHeader header = CniConfigHeader.Read(config.Span);
            if (header.CniVersion is { } v && IsParseable(v) && CniVersion.IsSupported(v))
            {
                errorVersion = v;
            }

            CniRequest request = BuildRequest(parsed, environment, config, header);
            return Dispatch(plugin, request, stdout);
        }
        catch (CniException e)
        {
            WriteError(stdout, errorVersion, e.Code, e.Message, e.Details);
            return 1;
        }
#pragma warning disable CA1031 // The runtime must get an error object whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // A bug, never an input problem (those are CniExceptions with well-known codes): the runtime's log gets a
            // sentence, stderr the exception itself; an exception type name is no message for a person.
            stderr.WriteLine(e.ToString());
            WriteError(stdout, errorVersion, CniErrorCode.Internal, e.Message, InternalErrorDetails);
            return 1;
        }
    }

    private static int Dispatch(ICniPlugin plugin, CniRequest request, Stream stdout)
    {
        switch (request.Command)
        {
            case CniCommand.Add:
                ICniResult result = plugin.Add(request);

                // Buffer the whole result: a writer failing half-way must leave stdout to the error object alone.
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer, s_outputOptions))
                {
                    result.WriteTo(writer, request.CniVersion);
                }

                stdout.Write(buffer.WrittenSpan);
                return 0;
            case CniCommand.Del:
                plugin.Delete(request);
                return 0;
            case CniCommand.Check:
                plugin.Check(request);
                return 0;
            case CniCommand.Status:
                plugin.Status(request);
                return 0;
            case CniCommand.Gc:
                plugin.GarbageCollect(request);
                return 0;
            default:
                throw new CniException(CniErrorCode.InvalidEnvironment, $"unknown CNI_COMMAND: {request.Command}");
        }
    }

    private static CniRequest BuildRequest(CniCommand command, IReadOnlyDictionary<string, string> environment, ReadOnlyMemory<byte> config, CniConfigHeader header)
    {
        // libcni's order: network name, container id and interface name first, then the version.
        CniNames.ValidateNetworkName(header.Name);
        string containerId = Get(environment, "CNI_CONTAINERID");
        string ifName = Get(environment, "CNI_IFNAME");
        if (command is CniCommand.Add or CniCommand.Del or CniCommand.Check)
        {
            CniNames.ValidateContainerId(containerId);
            CniNames.ValidateInterfaceName(ifName);
        }

        // Text that is no version at all cannot be decoded (6, as libcni's CHECK path reports it); a well-formed
        // version outside the supported list is incompatible (1). An absent version counts as 0.1.0, as in libcni.
        string version = header.CniVersion ?? string.Empty;
        if (!IsParseable(version))
        {
            throw new CniException(CniErrorCode.DecodingFailure, $"invalid version \"{version}\": the version must be of the form N.N.N");
        }

        if (!CniVersion.IsSupported(version))
        {
            throw new CniException(
                CniErrorCode.IncompatibleVersion,
                "incompatible CNI versions",
                $"config is \"{version}\", plugin supports [\"{string.Join("\" \"", CniVersion.Supported)}\"]");
        }

        switch (command)
        {
            case CniCommand.Check when !CniVersion.AtLeast(version, "0.4.0"):
                throw new CniException(CniErrorCode.IncompatibleVersion, "config version does not allow CHECK", $"config is \"{version}\"");
            case CniCommand.Status or CniCommand.Gc when !CniVersion.AtLeast(version, "1.1.0"):
                throw new CniException(
                    CniErrorCode.IncompatibleVersion,
                    $"config version does not allow {(command == CniCommand.Status ? "STATUS" : "GC")}",
                    $"config is \"{version}\"; {(command == CniCommand.Status ? "STATUS" : "GC")} needs 1.1.0 or later");
        }

        string path = Get(environment, "CNI_PATH");
        return new CniRequest
        {
            Command = command,
            ContainerId = containerId,
            Netns = Get(environment, "CNI_NETNS"),
            InterfaceName = ifName,
            Args = CniArgs.Parse(Get(environment, "CNI_ARGS")),
            Path = path.Split(':', StringSplitOptions.RemoveEmptyEntries),
            Config = config,
            CniVersion = version,
            NetworkName = header.Name!,
            PluginType = header.Type ?? string.Empty,
            Environment = environment,
        };
    }

    private static void RequireEnvironment(IReadOnlyDictionary<string, string> environment, CniCommand command)
    {
        string[] required = command switch
        {
            CniCommand.Add or CniCommand.Check => ["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"],
            CniCommand.Del => ["CNI_CONTAINERID", "CNI_IFNAME", "CNI_PATH"],
            _ => [],
        };
        string[] missing = required.Where(name => Get(environment, name).Length == 0).ToArray();
        if (missing.Length > 0)
        {
            throw new CniException(CniErrorCode.InvalidEnvironment, $"required env variables [{string.Join(",", missing)}] missing");
        }
    }

    private static CniCommand ParseCommand(string command) => command switch
    {
        "ADD" => CniCommand.Add,
        "DEL" => CniCommand.Del,
        "CHECK" => CniCommand.Check,
        "STATUS" => CniCommand.Status,
        "GC" => CniCommand.Gc,
        "VERSION" => CniCommand.Version,
        _ => throw new CniException(CniErrorCode.InvalidEnvironment, $"unknown CNI_COMMAND: {command}"),
    };

    private static int WriteVersion(ReadOnlyMemory<byte> config, Stream stdout)
    {
        string version = CniVersion.Latest;
        if (!config.IsEmpty && !config.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            CniConfigHeader header = CniConfigHeader.Read(config.Span);
            if (header.CniVersion is { } v && IsParseable(v) && CniVersion.IsSupported(v))
            {
                version = v;
            }
        }

        using var writer = new Utf8JsonWriter(stdout, s_outputOptions);
        new Schema.VersionResult { CniVersion = version, SupportedVersions = [.. CniVersion.Supported] }.Write(writer);
        return 0;
    }

    /// <summary>Writes the CNI error object.</summary>
    public static void WriteError(Stream stdout, string cniVersion, int code, string message, string? details)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        using var writer = new Utf8JsonWriter(stdout, s_outputOptions);
        new Schema.ErrorResult
        {
            CniVersion = cniVersion,
            Code = (uint)code,
            Message = message,
            Details = string.IsNullOrEmpty(details) ? null : details,
        }.Write(writer);
    }

    private static ReadOnlyMemory<byte> ReadAll(Stream stdin)
    {
        try
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16384];
            int read;
            while ((read = stdin.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxConfigBytes)
                {
                    throw new CniException(CniErrorCode.IOFailure, "error reading from stdin: configuration larger than 16 MiB");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (IOException e)
        {
            throw new CniException(CniErrorCode.IOFailure, "error reading from stdin: " + e.Message);
        }
    }

    private static bool IsParseable(string version)
    {
        try
        {
            CniVersion.Compare(version, "0.1.0");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Get(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out string? value) ? value : string.Empty;
}
