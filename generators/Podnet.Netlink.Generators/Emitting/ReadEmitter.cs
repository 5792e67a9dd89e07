using Podnet.Generators;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Emitting;

/// <summary>
/// Emits <c>Read</c> and the depth-guarded <c>ReadCore</c>: header, then one pass over the attributes; the last
/// occurrence of a non-repeated attribute wins, unknown attributes are kept in order, and sub-message payloads are
/// resolved after the loop because their selector may come later.
/// </summary>
internal static class ReadEmitter
{
    /// <summary>Nesting deeper than this is rejected, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 32;

    private const int MacSize = 6;

    public static void Emit(SourceWriter writer, AttributeSetModel set)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public static {set.FullyQualifiedName} Read({RuntimeNames.Span} source) => ReadCore(source, 0);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Parses a set nested <paramref name=\"depth\"/> levels deep (the guard against unbounded recursion).</summary>");
        writer.WriteLine($"internal static {set.FullyQualifiedName} ReadCore({RuntimeNames.Span} source, int depth)");
        writer.OpenBlock();
        writer.WriteLine($"if (depth > {MaxDepth})");
        writer.OpenBlock();
        writer.WriteLine($"throw new {RuntimeNames.ParseException}(\"Netlink attribute sets are nested more than {MaxDepth} levels deep.\");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{set.FullyQualifiedName} result = new {set.FullyQualifiedName}();");
        if (set.Header is null)
        {
            writer.WriteLine($"{RuntimeNames.Span} attributes = source;");
        }
        else
        {
            writer.WriteLine($"result.{set.Header.Name} = {RuntimeNames.Reader}.ReadHeader<{set.Header.TypeName}>(source, out {RuntimeNames.Span} attributes);");
        }

        writer.WriteLine("byte[]? unknown = null;");
        writer.WriteLine("int unknownLength = 0;");
        foreach (AttributeMemberModel member in set.Members)
        {
            if (member.SubMessage is not null)
            {
                writer.WriteLine($"{RuntimeNames.Span} {LocalNames.For("payload", member.Name)} = default;");
                writer.WriteLine($"{RuntimeNames.Span} {LocalNames.For("raw", member.Name)} = default;");
                writer.WriteLine($"bool {LocalNames.For("present", member.Name)} = false;");
            }
        }

        writer.WriteLine($"{RuntimeNames.Reader} reader = new {RuntimeNames.Reader}(attributes);");
        writer.WriteLine($"while (reader.TryRead(out ushort type, out {RuntimeNames.Span} payload, out {RuntimeNames.Span} raw))");
        writer.OpenBlock();
        writer.WriteLine("switch (type)");
        writer.OpenBlock();
        foreach (AttributeMemberModel member in set.Members)
        {
            writer.WriteLine($"case {member.Type}:");
            writer.Indent();
            EmitCase(writer, member);
            writer.WriteLine("break;");
            writer.Unindent();
        }

        writer.WriteLine("default:");
        writer.Indent();
        EmitAppendUnknown(writer, "raw");
        writer.WriteLine("break;");
        writer.Unindent();
        writer.CloseBlock();
        writer.CloseBlock();

        foreach (AttributeMemberModel member in set.Members)
        {
            if (member.SubMessage is not null)
            {
                EmitResolveSubMessage(writer, member);
            }
        }

        writer.WriteLine();
        writer.WriteLine("if (unknown is not null)");
        writer.OpenBlock();
        writer.WriteLine($"result.UnknownAttributes = new {RuntimeNames.Memory}(unknown, 0, unknownLength);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return result;");
        writer.CloseBlock();
    }

    private static void EmitCase(SourceWriter writer, AttributeMemberModel member)
    {
        string target = "result." + member.Name;
        if (member.SubMessage is not null)
        {
            writer.WriteLine($"{LocalNames.For("payload", member.Name)} = payload;");
            writer.WriteLine($"{LocalNames.For("raw", member.Name)} = raw;");
            writer.WriteLine($"{LocalNames.For("present", member.Name)} = true;");
            return;
        }

        string value = PayloadCode.Read(member.Payload, "payload");
        if (member.Shape == MemberShape.IndexedArray)
        {
            EmitIndexedArrayCase(writer, member, target);
        }
        else if (member.Payload.Kind == PayloadKind.Mac && member.Shape != MemberShape.Repeated)
        {
            // Link-layer addresses of other sizes (tunnels: 4 or 16 bytes) are kept raw instead of failing the parse.
            writer.WriteLine($"if (payload.Length == {MacSize})");
            writer.OpenBlock();
            writer.WriteLine($"{target} = {value};");
            writer.CloseBlock();
            writer.WriteLine("else");
            writer.OpenBlock();
            EmitAppendUnknown(writer, "raw");
            writer.CloseBlock();
        }
        else if (member.Shape != MemberShape.Repeated)
        {
            writer.WriteLine($"{target} = {value};");
        }
        else if (member.HasSetter)
        {
            writer.WriteLine($"({target} ??= new {RuntimeNames.List}<{member.Payload.TypeName}>()).Add({value});");
        }
        else
        {
            writer.WriteLine($"{target}.Add({value});");
        }
    }

    /// <summary>Reads every entry of an indexed array in order; the entry types (the indexes) are not checked.</summary>
    private static void EmitIndexedArrayCase(SourceWriter writer, AttributeMemberModel member, string target)
    {
        string entries = LocalNames.For("entries", member.Name);
        string entry = LocalNames.For("entry", member.Name);
        string value = PayloadCode.Read(member.Payload, entry);
        if (member.HasSetter)
        {
            writer.WriteLine($"{target} ??= new {RuntimeNames.List}<{member.Payload.TypeName}>();");
        }

        writer.WriteLine($"{RuntimeNames.Reader} {entries} = new {RuntimeNames.Reader}(payload);");
        writer.WriteLine($"while ({entries}.TryRead(out _, out {RuntimeNames.Span} {entry}, out _))");
        writer.OpenBlock();
        writer.WriteLine($"{target}.Add({value});");
        writer.CloseBlock();
    }

    private static void EmitResolveSubMessage(SourceWriter writer, AttributeMemberModel member)
    {
        SubMessageModel subMessage = member.SubMessage!;
        writer.WriteLine();
        writer.WriteLine($"if ({LocalNames.For("present", member.Name)})");
        writer.OpenBlock();
        writer.WriteLine($"switch (result.{subMessage.SelectorName})");
        writer.OpenBlock();
        foreach (SubMessageCaseModel subCase in subMessage.Cases)
        {
            writer.WriteLine($"case {SubMessageCode.Literal(subCase.Value)}:");
            writer.Indent();
            writer.WriteLine($"result.{member.Name} = {PayloadCode.ReadNested(subCase.TypeName, subCase.ReadsWithDepth, LocalNames.For("payload", member.Name))};");
            writer.WriteLine("break;");
            writer.Unindent();
        }

        writer.WriteLine("default:");
        writer.Indent();
        EmitAppendUnknown(writer, LocalNames.For("raw", member.Name));
        writer.WriteLine("break;");
        writer.Unindent();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>Appends an attribute (without its trailing padding) to the unknown bytes, 4-byte aligned; new array space is zero, so padding is too.</summary>
    private static void EmitAppendUnknown(SourceWriter writer, string raw)
    {
        writer.OpenBlock();
        writer.WriteLine($"int needed = unknownLength + {RuntimeNames.Attribute}.Align({raw}.Length);");
        writer.WriteLine("if (unknown is null || unknown.Length < needed)");
        writer.OpenBlock();
        writer.WriteLine("global::System.Array.Resize(ref unknown, global::System.Math.Max(needed, unknownLength * 2));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{raw}.CopyTo(global::System.MemoryExtensions.AsSpan(unknown, unknownLength));");
        writer.WriteLine("unknownLength = needed;");
        writer.CloseBlock();
    }
}
