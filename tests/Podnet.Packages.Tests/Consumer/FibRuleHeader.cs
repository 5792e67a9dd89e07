using System.Runtime.InteropServices;

namespace FibRules;

// struct fib_rule_hdr (linux/fib_rules.h): 12 bytes, copied as laid out, so order and widths match the C struct.
[StructLayout(LayoutKind.Sequential)]
public struct FibRuleHeader
{
    public byte Family { get; set; }            // family   AF_INET = 2, AF_INET6 = 10
    public byte DestinationLength { get; set; } // dst_len  prefix length of FRA_DST
    public byte SourceLength { get; set; }      // src_len  prefix length of FRA_SRC
    public byte Tos { get; set; }               // tos
    public byte Table { get; set; }             // table    ids above 255 go in FRA_TABLE
    public byte Reserved1 { get; set; }         // res1
    public byte Reserved2 { get; set; }         // res2
    public byte Action { get; set; }            // action   FR_ACT_TO_TBL = 1
    public uint Flags { get; set; }             // flags    FIB_RULE_*
}
