namespace Podnet.Node.Installation;

/// <summary>
/// Puts the plugin binary into the CNI bin directory and the conflist into the CNI configuration directory.
/// Both writes are atomic (temporary file + rename), so a runtime never sees half a file.
/// </summary>
public sealed class NodeInstallation(string binDirectory, string confDirectory, string confName, bool force)
{
    /// <summary>What happened to one file.</summary>
    public enum Outcome
    {
        /// <summary>The file did not exist and was written.</summary>
        Created,

        /// <summary>The file existed with other content and was replaced.</summary>
        Replaced,

        /// <summary>The file already had this content.</summary>
        Unchanged,
    }

    public string BinaryPath => Path.Combine(binDirectory, "podnet");

    public string ConflistPath => Path.Combine(confDirectory, confName);

    /// <summary>Copies <paramref name="sourceBinary"/> to <c>&lt;bin&gt;/podnet</c> (mode 0755).</summary>
    public Outcome InstallBinary(string sourceBinary)
    {
        Directory.CreateDirectory(binDirectory);
        if (Path.GetFullPath(sourceBinary) == Path.GetFullPath(BinaryPath))
        {
            return Outcome.Unchanged;
        }

        byte[] content = File.ReadAllBytes(sourceBinary);
        return WriteAtomically(BinaryPath, content, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, overwrite: true);
    }

    /// <summary>Writes the conflist; a different existing file is only replaced with <c>--force</c>.</summary>
    public Outcome InstallConflist(byte[] content)
    {
        Directory.CreateDirectory(confDirectory);
        return WriteAtomically(ConflistPath, content, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, force);
    }

    private static Outcome WriteAtomically(string path, byte[] content, UnixFileMode mode, bool overwrite)
    {
        bool exists = File.Exists(path);
        if (exists)
        {
            if (File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
            {
                return Outcome.Unchanged;
            }

            if (!overwrite)
            {
                throw new InstallException($"{path} exists with different content; use --force to replace it");
            }
        }

        string temporary = $"{path}.tmp-{Environment.ProcessId}";
        try
        {
            using (var stream = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = mode,
            }))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return exists ? Outcome.Replaced : Outcome.Created;
    }
}
