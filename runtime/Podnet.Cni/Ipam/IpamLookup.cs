namespace Podnet.Cni.Ipam;

/// <summary>How the store found an attachment's addresses.</summary>
internal enum IpamLookup
{
    /// <summary>No lookup yet.</summary>
    None,

    /// <summary>From a verified index entry, without a scan.</summary>
    Index,

    /// <summary>By scanning every address file.</summary>
    Scan,
}
