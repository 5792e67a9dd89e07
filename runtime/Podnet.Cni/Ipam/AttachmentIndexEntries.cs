using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The entries of podnet's attachment index (<see cref="CertifiedAttachmentIndex"/>), <c>&lt;network dir&gt;/.podnet-index/</c>:
/// one file per attachment listing its addresses, so DEL needs no scan of the store. The reference never writes it and
/// its files can never be mistaken for the reference's (see docs/ipam.md); entries are only hints
/// that are verified against the address files before anything is removed.
/// </summary>
internal sealed class AttachmentIndexEntries
{
    public const string DirectoryName = ".podnet-index";

    private const string Header = "podnet-ipam-index 1";
    private const int MaxLength = 64 * 1024;

    private readonly string _directory;

    public AttachmentIndexEntries(string networkDirectory)
    {
        _directory = Path.Combine(networkDirectory, DirectoryName);
    }

    /// <summary>True if the index directory exists (as a real directory, not a symlink).</summary>
    public bool Exists()
    {
        var info = new DirectoryInfo(_directory);
        if (info.LinkTarget is not null)
        {
            // Podnet never makes this a link: treat it as damage; the caller recreates the directory.
            StoreFiles.Delete(_directory);
            return false;
        }

        return info.Exists;
    }

    /// <summary>The index directory, <c>&lt;network dir&gt;/.podnet-index</c>.</summary>
    public string DirectoryPath => _directory;

    /// <summary>
    /// The addresses indexed for the attachment, or null if there is no entry or
    /// (<paramref name="damaged"/>) the entry cannot be read or parsed.
    /// </summary>
    public List<IPAddress>? TryRead(IpamAttachment attachment, out bool damaged)
    {
        damaged = false;
        byte[]? content;
        try
        {
            content = StoreFiles.ReadSmall(EntryPath(_directory, attachment), MaxLength);
        }
        catch (IOException)
        {
            damaged = true;
            return null;
        }

        if (content is null)
        {
            return null;
        }

        List<IPAddress>? addresses = Parse(content, out IpamAttachment? owner);
        damaged = addresses is null || owner != attachment;
        return damaged ? null : addresses;
    }

    /// <summary>Records the attachment's addresses (deletes the entry when there are none).</summary>
    public void Write(IpamAttachment attachment, IReadOnlyCollection<IPAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            Delete(attachment);
            return;
        }

        if (!Exists())
        {
            Directory.CreateDirectory(_directory);
        }

        WriteEntry(attachment, addresses);
    }

    public void Delete(IpamAttachment attachment) => StoreFiles.Delete(EntryPath(_directory, attachment));

    /// <summary>Creates the (empty) index directory.</summary>
    public void Create() => Directory.CreateDirectory(_directory);

    /// <summary>
    /// Makes the index exactly <paramref name="truth"/> (from a full scan, under the lock):
    /// writes missing or different entries, deletes entries of attachments without addresses,
    /// unreadable entries and leftover temporary files. Entries already right are not rewritten.
    /// </summary>
    public void Rebuild(IReadOnlyDictionary<IpamAttachment, List<IPAddress>> truth)
    {
        if (!Exists())
        {
            Create();
        }

        var pending = new Dictionary<string, KeyValuePair<IpamAttachment, List<IPAddress>>>(StringComparer.Ordinal);
        foreach (KeyValuePair<IpamAttachment, List<IPAddress>> entry in truth)
        {
            pending[EntryPath(_directory, entry.Key)] = entry;
        }

        // Listed first: the loop below creates and renames files in the directory.
        foreach (string path in Directory.GetFiles(_directory))
        {
            if (Path.GetFileName(path) == ScanCertificate.FileName)
            {
                continue;
            }

            if (!pending.Remove(path, out KeyValuePair<IpamAttachment, List<IPAddress>> wanted))
            {
                StoreFiles.Delete(path);
                continue;
            }

            List<IPAddress>? current = TryRead(wanted.Key, out _);
            if (current is null || !current.ToHashSet().SetEquals(wanted.Value))
            {
                WriteEntry(wanted.Key, wanted.Value);
            }
        }

        foreach (KeyValuePair<IpamAttachment, List<IPAddress>> entry in pending.Values)
        {
            WriteEntry(entry.Key, entry.Value);
        }
    }

    private void WriteEntry(IpamAttachment attachment, IReadOnlyCollection<IPAddress> addresses) =>
        StoreFiles.Replace(_directory, EntryPath(_directory, attachment), Content(attachment, addresses));

    private static List<IPAddress>? Parse(byte[] content, out IpamAttachment? owner)
    {
        owner = null;
        string[] lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 3 || lines[0] != Header || !CniNames.IsValidContainerId(lines[1]) || !CniNames.IsValidInterfaceName(lines[2]))
        {
            return null;
        }

        var addresses = new List<IPAddress>(lines.Length - 3);
        for (int i = 3; i < lines.Length; i++)
        {
            if (!IpAddressText.TryParse(lines[i], out IPAddress? address))
            {
                return null;
            }

            addresses.Add(address);
        }

        owner = new IpamAttachment(lines[1], lines[2]);
        return addresses;
    }

    private static string EntryPath(string directory, IpamAttachment attachment)
    {
        // ':' occurs in neither a container ID nor an interface name, so the name is unambiguous,
        // and a name with a single ':' never parses as an address (the reference's scan skips it).
        string name = $"{attachment.ContainerId}:{attachment.InterfaceName}";
        if (Encoding.UTF8.GetByteCount(name) > 200)
        {
            name = "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        }

        return Path.Combine(directory, name);
    }

    private static byte[] Content(IpamAttachment attachment, IEnumerable<IPAddress> addresses)
    {
        // The header has a space, so the content can never equal a container ID or the
        // "<id>\r\n<ifname>" the reference matches when it deletes an attachment's files.
        var text = new StringBuilder();
        text.Append(Header).Append('\n').Append(attachment.ContainerId).Append('\n').Append(attachment.InterfaceName).Append('\n');
        foreach (IPAddress address in addresses)
        {
            text.Append(IpAddressText.Format(address)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
