using Podnet.Generators;
using Podnet.Netlink.Generators.Model;

namespace Podnet.Netlink.Generators.Emitting;

/// <summary>Emits <c>GetSize()</c>: the exact encoded size, computed without allocating.</summary>
internal static class SizeEmitter
{
    public static void Emit(SourceWriter writer, AttributeSetModel set)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public int GetSize()");
        writer.OpenBlock();
        writer.WriteLine(set.Header is null ? "int size = 0;" : $"int size = {RuntimeNames.Attribute}.SizeOfHeader<{set.Header.TypeName}>();");
        foreach (AttributeMemberModel member in set.Members)
        {
            EmitMember(writer, member);
        }

        writer.WriteLine($"size += {RuntimeNames.Attribute}.Align(this.UnknownAttributes.Length);");
        writer.WriteLine("return size;");
        writer.CloseBlock();
    }

    private static void EmitMember(SourceWriter writer, AttributeMemberModel member)
    {
        string access = "this." + member.Name;
        PayloadModel payload = member.Payload;
        switch (member.Shape)
        {
            case MemberShape.Value when payload.Kind == PayloadKind.Flag:
                writer.WriteLine($"if ({access})");
                WriteAdd(writer, PayloadCode.Size(payload, access));
                break;
            case MemberShape.Value:
                writer.WriteLine($"size += {PayloadCode.Size(payload, access)};");
                break;
            case MemberShape.NullableValue:
            case MemberShape.Reference when payload.Kind != PayloadKind.SubMessage:
                string value = LocalNames.For("value", member.Name);
                writer.WriteLine($"if ({access} is {{ }} {value})");
                WriteAdd(writer, PayloadCode.Size(payload, value));
                break;
            case MemberShape.Reference:
                EmitSubMessage(writer, member, access);
                break;
            case MemberShape.Repeated:
                EmitRepeated(writer, member, access, indexed: false);
                break;
            case MemberShape.IndexedArray:
                EmitRepeated(writer, member, access, indexed: true);
                break;
        }
    }

    /// <summary>One attribute per element; an indexed array adds the header of the nested attribute that holds them.</summary>
    private static void EmitRepeated(SourceWriter writer, AttributeMemberModel member, string access, bool indexed)
    {
        PayloadModel payload = member.Payload;
        string list = LocalNames.For("list", member.Name);
        writer.WriteLine(indexed ? $"if ({access} is {{ Count: > 0 }} {list})" : $"if ({access} is {{ }} {list})");
        writer.OpenBlock();
        if (indexed)
        {
            writer.WriteLine($"size += {RuntimeNames.Attribute}.SizeOf(0);");
        }

        if (!PayloadCode.HasVariableSize(payload))
        {
            writer.WriteLine($"size += {list}.Count * {PayloadCode.Size(payload, "item")};");
        }
        else
        {
            writer.WriteLine($"foreach ({payload.TypeName} item in {list})");
            writer.OpenBlock();
            if (payload.IsReferenceType)
            {
                writer.WriteLine("if (item is not null)");
                WriteAdd(writer, PayloadCode.Size(payload, "item"));
            }
            else
            {
                writer.WriteLine($"size += {PayloadCode.Size(payload, "item")};");
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static void EmitSubMessage(SourceWriter writer, AttributeMemberModel member, string access)
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
            writer.Indent();
            writer.WriteLine($"size += {RuntimeNames.Attribute}.SizeOf({SubMessageCode.CaseLocal}.GetSize());");
            writer.WriteLine("break;");
            writer.Unindent();
        }

        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine(SubMessageCode.ThrowNotACase(member));
        writer.Unindent();
        writer.CloseBlock();
    }

    private static void WriteAdd(SourceWriter writer, string size)
    {
        writer.OpenBlock();
        writer.WriteLine($"size += {size};");
        writer.CloseBlock();
    }
}
