namespace Podnet.Netlink;

/// <summary>
/// <c>nlmsg_flags</c> (<c>NLM_F_*</c> in <c>linux/netlink.h</c>). The high byte means different things for GET, NEW,
/// DELETE requests and ACKs, so several names share a value on purpose.
/// </summary>
[Flags]
#pragma warning disable CA1069 // The kernel defines these values per request kind; the duplicates are intended.
public enum NetlinkMessageFlags : ushort
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>NLM_F_REQUEST</c>: a request message.</summary>
    Request = 0x01,

    /// <summary><c>NLM_F_MULTI</c>: part of a multi-part reply terminated by <c>NLMSG_DONE</c>.</summary>
    Multi = 0x02,

    /// <summary><c>NLM_F_ACK</c>: reply with an acknowledgement.</summary>
    Ack = 0x04,

    /// <summary><c>NLM_F_ECHO</c>: echo this request (receive the resulting notification).</summary>
    Echo = 0x08,

    /// <summary><c>NLM_F_DUMP_INTR</c>: the dump was inconsistent because the table changed.</summary>
    DumpInterrupted = 0x10,

    /// <summary><c>NLM_F_DUMP_FILTERED</c>: the dump was filtered as requested.</summary>
    DumpFiltered = 0x20,

    /// <summary><c>NLM_F_ROOT</c> (GET): return the whole table.</summary>
    Root = 0x100,

    /// <summary><c>NLM_F_MATCH</c> (GET): return all matching entries.</summary>
    Match = 0x200,

    /// <summary><c>NLM_F_ATOMIC</c> (GET): atomic snapshot.</summary>
    Atomic = 0x400,

    /// <summary><c>NLM_F_DUMP</c> (GET) = <c>NLM_F_ROOT | NLM_F_MATCH</c>.</summary>
    Dump = Root | Match,

    /// <summary><c>NLM_F_REPLACE</c> (NEW): replace an existing object.</summary>
    Replace = 0x100,

    /// <summary><c>NLM_F_EXCL</c> (NEW): fail if the object exists.</summary>
    Exclusive = 0x200,

    /// <summary><c>NLM_F_CREATE</c> (NEW): create the object if it does not exist.</summary>
    Create = 0x400,

    /// <summary><c>NLM_F_APPEND</c> (NEW): add to the end of the list.</summary>
    Append = 0x800,

    /// <summary><c>NLM_F_NONREC</c> (DELETE): do not delete recursively.</summary>
    NonRecursive = 0x100,

    /// <summary><c>NLM_F_BULK</c> (DELETE): delete multiple objects.</summary>
    Bulk = 0x200,

    /// <summary><c>NLM_F_CAPPED</c> (ACK): the request was not copied back into the error.</summary>
    Capped = 0x100,

    /// <summary><c>NLM_F_ACK_TLVS</c> (ACK): extended-ACK attributes follow.</summary>
    AckTlvs = 0x200,
}
#pragma warning restore CA1069
