namespace Podnet.Cni.Ipam;

/// <summary>
/// <c>.podnet-index/.complete</c>: the network directory's <see cref="DirectoryStamp"/> as podnet
/// saw it right after it last made the attachment index complete (every allocation of the
/// directory has its entry, no entry without an allocation). While the directory's current
/// stamp equals it, nobody created, removed or renamed a file since, so the index is the whole
/// truth and no scan is needed. Anything else (absent, garbage, another directory, a foreign
/// change) means "scan". See docs/ipam.md.
/// </summary>
internal sealed class ScanCertificate
{
    public const string FileName = ".complete";

    private const string Header = "podnet-ipam-complete 1";
    private const int MaxLength = 512;

    private readonly string _indexDirectory;
    private readonly string _path;

    public ScanCertificate(string indexDirectory)
    {
        _indexDirectory = indexDirectory;
        _path = Path.Combine(indexDirectory, FileName);
    }

    /// <summary>True if the stored certificate is exactly the encoding of <paramref name="current"/>.</summary>
    public bool Holds(DirectoryStamp current)
    {
        byte[]? content;
        try
        {
            content = StoreFiles.ReadSmall(_path, MaxLength);
        }
        catch (IOException)
        {
            return false;
        }

        return content is not null && content.AsSpan().SequenceEqual(current.Encode(Header));
    }

    /// <summary>Certifies <paramref name="stamp"/> (atomically: temporary file, then rename).</summary>
    public void Write(DirectoryStamp stamp) => StoreFiles.Overwrite(_path, stamp.Encode(Header));

    /// <summary>Removes the certificate, ignoring failures (a stale one no longer matches anyway).</summary>
    public void Revoke()
    {
        try
        {
            StoreFiles.Delete(_path);
        }
        catch (IOException)
        {
        }
    }
}
