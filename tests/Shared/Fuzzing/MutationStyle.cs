
namespace Podnet.Testing.Fuzzing;

/// <summary>What the mutator knows about the input format.</summary>
/// <param name="LengthFields">True for netlink: 4-aligned <c>u16 nla_len</c> fields exist and are worth lying about.</param>
/// <param name="Tokens">Format fragments worth inserting (JSON punctuation, extreme numbers, escapes).</param>
public sealed record MutationStyle(bool LengthFields, IReadOnlyList<byte[]> Tokens)
{
    public static MutationStyle Netlink { get; } = new(true, [[0, 0, 0, 0], [4, 0, 0, 0], [0xFF, 0xFF, 0xFF, 0xFF], [8, 0, 0x01, 0x80], [5, 0, 1, 0, 0x41], [0xFC, 0xFF, 0x02, 0x80]]);

    public static MutationStyle Json { get; } = new(false,
    [
        .. new[]
        {
            "{", "}", "[", "]", "\"", ",", ":", "null", "true", "false", "0", "-0", "1e999", "-1e999", "1.5", "99999999999999999999999",
            "-9223372036854775809", "4294967296", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\\uD800\"", "\"\\x\"", "\"a\":1", "{}", "[]",
            "\"cniVersion\":\"9.9.9\"", "\"type\":\"\"", "\"ranges\":[[]]", "\"subnet\":\"300.1.2.3/99\"", "\"code\":-1",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "/*", "\uFEFF", "\u00e9", "\t\r\n ",
        }.Select(System.Text.Encoding.UTF8.GetBytes),
        [0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0],
    ]);
}
