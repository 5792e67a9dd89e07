using Podnet.Generators;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Emitting;

/// <summary>Emits <c>Write(ref NetlinkWriter)</c>: header, attributes in declaration order, then the unknown attributes.</summary>
internal static class WriteEmitter
{
    public static void Emit(SourceWriter writer, AttributeSetModel set)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public void Write(ref {RuntimeNames.Writer} writer)");
        writer.OpenBlock();
        if (set.Header is not null)
        {
            writer.WriteLine($"writer.WriteHeader(this.{set.Header.Name});");
        }

        foreach (AttributeMemberModel member in set.Members)
        {
            EmitMember(writer, member);
        }

        writer.WriteLine("if (!this.UnknownAttributes.IsEmpty)");
        writer.OpenBlock();
        writer.WriteLine("writer.WriteRaw(this.UnknownAttributes.Span);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void EmitMember(SourceWriter writer, AttributeMemberModel member)
    {
        string access = "this." + member.Name;
        string start = LocalNames.For("start", member.Name);
        PayloadModel payload = member.Payload;
        switch (member.Shape)
        {
            case MemberShape.Value when payload.Kind == PayloadKind.Flag:
                writer.WriteLine($"if ({access})");
                WriteBlock(writer, payload, member.Type, access, start);
                break;
            case MemberShape.Value:
                WriteLines(writer, payload, member.Type, access, start);
                break;
            case MemberShape.NullableValue:
            case MemberShape.Reference when payload.Kind != PayloadKind.SubMessage:
                string value = LocalNames.For("value", member.Name);
                writer.WriteLine($"if ({access} is {{ }} {value})");
                WriteBlock(writer, payload, member.Type, value, start);
                break;
            case MemberShape.Reference:
                EmitSubMessage(writer, member, access, start);
                break;
            case MemberShape.IndexedArray:
                EmitIndexedArray(writer, member, access, start);
                break;
            case MemberShape.Repeated:
                string list = LocalNames.For("list", member.Name);
                writer.WriteLine($"if ({access} is {{ }} {list})");
                writer.OpenBlock();
                writer.WriteLine($"foreach ({payload.TypeName} item in {list})");
                writer.OpenBlock();
                if (payload.IsReferenceType)
                {
                    writer.WriteLine("if (item is not null)");
                    WriteBlock(writer, payload, member.Type, "item", start);
                }
                else
                {
                    WriteLines(writer, payload, member.Type, "item", start);
                }

                writer.CloseBlock();
                writer.CloseBlock();
                break;
        }
    }

    /// <summary>One nested attribute holding an entry per element, typed 1, 2, 3... (null elements are skipped; an empty list writes nothing).</summary>
    private static void EmitIndexedArray(SourceWriter writer, AttributeMemberModel member, string access, string start)
    {
        PayloadModel payload = member.Payload;
        string list = LocalNames.For("list", member.Name);
        string index = LocalNames.For("index", member.Name);
        string entryStart = LocalNames.For("entryStart", member.Name);
        writer.WriteLine($"if ({access} is {{ Count: > 0 }} {list})");
        writer.OpenBlock();
        writer.WriteLine($"int {start} = writer.BeginNested({member.Type});");
        writer.WriteLine($"ushort {index} = 0;");
        writer.WriteLine($"foreach ({payload.TypeName} item in {list})");
        writer.OpenBlock();
        if (payload.IsReferenceType)
        {
            writer.WriteLine("if (item is null)");
            writer.OpenBlock();
            writer.WriteLine("continue;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine($"{index}++;");
        foreach (string line in PayloadCode.Write(payload, index, "item", entryStart))
        {
            writer.WriteLine(line);
        }

        writer.CloseBlock();
        writer.WriteLine($"writer.EndNested({start});");
        writer.CloseBlock();
    }

    private static void EmitSubMessage(SourceWriter writer, AttributeMemberModel member, string access, string start)
    {
        writer.WriteLine($"switch ({access})");
        writer.OpenBlock();
        writer.WriteLine("case null:");
        writer.Indent();
        writer.WriteLine("break;");
        writer.Unindent();
        foreach (string typeName in SubMessageCode.DistinctCaseTypes(member))
        {
            writer.WriteLine($"case {typeName} {SubMessageCode.CaseLocal}:");
            writer.OpenBlock();
            writer.WriteLine($"int {start} = writer.BeginNested({member.Type});");
            writer.WriteLine($"{SubMessageCode.CaseLocal}.Write(ref writer);");
            writer.WriteLine($"writer.EndNested({start});");
            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine(SubMessageCode.ThrowNotACase(member));
        writer.Unindent();
        writer.CloseBlock();
    }

    private static void WriteBlock(SourceWriter writer, PayloadModel payload, int type, string value, string start)
    {
        writer.OpenBlock();
        WriteLines(writer, payload, type, value, start);
        writer.CloseBlock();
    }

    private static void WriteLines(SourceWriter writer, PayloadModel payload, int type, string value, string start)
    {
        foreach (string line in PayloadCode.Write(payload, type.ToString(System.Globalization.CultureInfo.InvariantCulture), value, start))
        {
            writer.WriteLine(line);
        }
    }
}
