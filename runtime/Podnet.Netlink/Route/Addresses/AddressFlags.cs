namespace Podnet.Netlink.Route;

/// <summary>Address flags (<c>IFA_F_*</c> in <c>linux/if_addr.h</c>).</summary>
[Flags]
public enum AddressFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary><c>IFA_F_SECONDARY</c>.</summary>
    Secondary = 0x01,

    /// <summary><c>IFA_F_NODAD</c>: skip duplicate address detection.</summary>
    NoDad = 0x02,

    /// <summary><c>IFA_F_DADFAILED</c>.</summary>
    DadFailed = 0x08,

    /// <summary><c>IFA_F_TENTATIVE</c>.</summary>
    Tentative = 0x40,

    /// <summary><c>IFA_F_PERMANENT</c>.</summary>
    Permanent = 0x80,

    /// <summary><c>IFA_F_NOPREFIXROUTE</c>.</summary>
    NoPrefixRoute = 0x200,
}
