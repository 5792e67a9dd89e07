using System.Text;

namespace Podnet.Netlink.Generators.Tests.Parity;

/// <summary>
/// Builds random but syntactically plausible netlink declarations from a seed: one to three attribute sets with
/// random modifiers, headers, message types, member names, types, attribute types, accessors, nesting, sub-messages
/// and duplicate parts, mixing valid and invalid choices so that every rule is hit often.
/// </summary>
internal static class RandomDeclarations
{
    private const string Prelude = """
        using System.Runtime.InteropServices;
        namespace P;
        public enum Wide { A = 1, B = 2 }
        public enum Narrow : byte { A = 1, B = 2 }
        public enum Big : long { A = 1 }
        public interface IData { }
        public class NotASet { }
        public struct Plain { public byte Family; public byte Pad; public ushort Type; public int Index; }
        [StructLayout(LayoutKind.Auto)] public struct AutoHeader { public byte Family; public int Index; }
        [StructLayout(LayoutKind.Explicit)] public struct Overlapping { [FieldOffset(0)] public int Index; [FieldOffset(2)] public short Flags; }
        [StructLayout(LayoutKind.Explicit)] public struct Disjoint { [FieldOffset(0)] public int Index; [FieldOffset(4)] public short Flags; }
        public struct WithWideEnum { public byte Family; public Wide Kind; }
        public struct Outer { public Plain Inner; public Narrow Kind; }
        file enum FileLocal : byte { A = 1 }
        file struct FileHeader { public int Index; }
        """;

    private static readonly string[] ValidScalarTypes =
    [
        "int", "uint?", "byte", "ushort?", "long", "string?", "bool", "Narrow?", "Big", "byte[]?", "ReadOnlyMemory<byte>",
        "MacAddress?", "IPAddress?", "List<uint>", "List<Narrow>?", "List<string>",
    ];

    private static readonly string[] SetKeywords =
    [
        "public sealed partial class", "public sealed partial class", "public sealed partial class", "internal partial class",
        "public sealed class", "public abstract partial class", "public sealed partial record", "file sealed partial class",
        "public static partial class", "public partial struct",
    ];

    private static readonly string[] Headers = ["Plain", "Plain", "AutoHeader", "Overlapping", "Disjoint", "WithWideEnum", "Outer", "int", "Plain?", "FileHeader"];

    private static readonly string[] Names = ["Mtu", "Name", "Index", "Flags", "Kind", "Data", "Protocol", "Read", "Write", "UnknownAttributes", "GetSize", "ReadCore", "@class", "Address"];

    private static readonly string[] ScalarTypes =
    [
        "int", "uint?", "byte", "ushort?", "long", "string?", "bool", "bool?", "Wide", "Narrow?", "Big", "FileLocal",
        "byte[]?", "ReadOnlyMemory<byte>", "MacAddress?", "IPAddress?", "double", "object?", "NotASet?", "int[]?",
        "List<uint>", "List<Narrow>?", "List<Wide>", "List<string>", "List<bool>", "List<uint?>", "Plain",
    ];

    private static readonly int[] MessageTypes = [0, 1, 3, 15, 16, 17, 18, 20, 24, 104, 16, 17];

    /// <summary>The source for <paramref name="seed"/>.</summary>
    public static string Build(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(1, 4);
        var code = new StringBuilder(Prelude).AppendLine();
        for (int i = 0; i < count; i++)
        {
            AppendSet(code, random, i, count);
        }

        return code.ToString();
    }

    private static void AppendSet(StringBuilder code, Random random, int index, int count)
    {
        string name = "S" + index;

        // Two sets in five make only valid choices of their own, so both outcomes are common.
        bool clean = random.Next(5) < 2;
        string keyword = clean || random.Next(10) < 7 ? "public sealed partial class" : Pick(random, SetKeywords);
        bool nested = !clean && random.Next(8) == 0;
        if (nested)
        {
            code.AppendLine(random.Next(4) == 0 ? $"public class Container{index} {{" : $"public partial class Container{index} {{");
        }

        code.AppendLine("[NetlinkAttributeSet]");
        if (!clean && random.Next(4) == 0)
        {
            int types = random.Next(0, 4);
            string list = string.Concat(Enumerable.Range(0, types).Select(_ => ", " + Pick(random, MessageTypes)));
            code.AppendLine($"[NetlinkMessage(NetlinkProtocol.Route{list})]");
        }

        string bases = !clean && random.Next(8) == 0 && index > 0 ? $" : S0" : random.Next(2) == 0 ? " : IData" : "";
        code.AppendLine($"{keyword} {name}{bases}");
        code.AppendLine("{");
        if (random.Next(3) == 0)
        {
            code.AppendLine($"    [NetlinkHeader] public {(clean || random.Next(2) == 0 ? "Plain" : Pick(random, Headers))} Header {{ get; set; }}");
            if (!clean && random.Next(8) == 0)
            {
                code.AppendLine("    [NetlinkHeader] public Plain Second;");
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        int members = random.Next(0, 6);
        for (int m = 0; m < members; m++)
        {
            string member = clean || random.Next(10) < 7 ? "M" + m.ToString(System.Globalization.CultureInfo.InvariantCulture) : Pick(random, Names);
            if (!used.Add(member))
            {
                member += m.ToString(System.Globalization.CultureInfo.InvariantCulture);
                used.Add(member);
            }

            AppendMember(code, random, member, m, count, clean);
        }

        if (random.Next(5) == 0 && !used.Contains("Kind") && !used.Contains("Data"))
        {
            string caseType = "S" + random.Next(count);
            string selector = !clean && random.Next(4) == 0 ? "Missing" : "Kind";
            code.AppendLine("    [NetlinkAttribute(30)] public string? Kind { get; set; }");
            code.AppendLine($"    [NetlinkAttribute(31)][NetlinkSubMessage(\"{selector}\")][NetlinkSubMessageCase(\"a\", typeof({caseType}))]{(!clean && random.Next(3) == 0 ? "[NetlinkSubMessageCase(\"a\", typeof(NotASet))]" : "")} public IData? Data {{ get; set; }}");
        }

        if (!clean && random.Next(10) == 0)
        {
            code.AppendLine("    public void Write(System.IO.TextWriter output) { }");
        }

        code.AppendLine("}");
        if (!clean && random.Next(10) == 0 && keyword.EndsWith("partial class", StringComparison.Ordinal))
        {
            string modifiers = keyword.Replace("sealed ", "", StringComparison.Ordinal).Replace("abstract ", "", StringComparison.Ordinal).Replace("static ", "", StringComparison.Ordinal);
            code.AppendLine($"[NetlinkAttributeSet] {modifiers} {name} {{ }}");
        }

        if (nested)
        {
            code.AppendLine("}");
        }
    }

    private static void AppendMember(StringBuilder code, Random random, string member, int ordinal, int count, bool clean)
    {
        int type = clean ? ordinal + 1 : random.Next(20) switch
        {
            0 => 0,
            1 => 0x4000,
            2 or 3 => random.Next(1, 4),
            _ => ordinal + 1,
        };
        string memberType = random.Next(6) == 0
            ? (random.Next(2) == 0 ? $"S{random.Next(count)}?" : $"List<S{random.Next(count)}>")
            : clean || random.Next(10) < 7 ? Pick(random, ValidScalarTypes) : Pick(random, ScalarTypes);
        var arguments = new List<string> { type.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (memberType.StartsWith("List<", StringComparison.Ordinal))
        {
            arguments.Add(clean || random.Next(6) != 0 ? (random.Next(3) == 0 ? "IndexedArray = true" : "Repeated = true") : random.Next(2) == 0 ? "Repeated = true, IndexedArray = true" : "Repeated = false");
        }
        else if (!clean && random.Next(12) == 0)
        {
            arguments.Add(random.Next(2) == 0 ? "Repeated = true" : "IndexedArray = true");
        }

        if (random.Next(16) == 0 && (!clean || memberType is "int" or "uint?" or "ushort?" or "long" or "List<uint>"))
        {
            arguments.Add("ByteOrder = NetlinkByteOrder.BigEndian");
        }

        string accessors = clean ? "{ get; set; }" : random.Next(24) switch
        {
            0 => "{ get; }",
            1 => "{ get; init; }",
            _ => "{ get; set; }",
        };
        string initializer = memberType.StartsWith("List<", StringComparison.Ordinal) && !memberType.EndsWith('?') ? " = new();" : "";
        string modifier = !clean && random.Next(40) == 0 ? "public static" : "public";
        string obsolete = random.Next(30) switch
        {
            0 => "[System.Obsolete(\"old\")]",
            1 when !clean => "[System.Obsolete(\"gone\", true)]",
            _ => "",
        };
        code.AppendLine($"    {obsolete}[NetlinkAttribute({string.Join(", ", arguments)})] {modifier} {memberType} {member} {accessors}{initializer}");
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
