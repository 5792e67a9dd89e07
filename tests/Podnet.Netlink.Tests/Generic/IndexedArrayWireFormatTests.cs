using System.Buffers.Binary;
using Podnet.Netlink.Generic;

namespace Podnet.Netlink.Tests.Generic;

/// <summary>The byte layout of indexed arrays (YNL <c>indexed-array</c>), on the controller's <c>CTRL_ATTR_OPS</c>.</summary>
public sealed class IndexedArrayWireFormatTests
{
    [Fact]
    public void An_indexed_array_is_one_nested_attribute_with_entries_typed_1_2_3()
    {
        var message = new ControlMessage
        {
            Operations = [new ControlOperation { Id = 3, Flags = 0x0E }, new ControlOperation { Id = 10, Flags = 0x02 }],
        };

        byte[] bytes = NetlinkSerializer.ToArray(message);

        // genlmsghdr (4) + CTRL_ATTR_OPS: header (4) + 2 entries of header (4) + OP_ID (8) + OP_FLAGS (8).
        Assert.Equal(4 + 4 + (2 * (4 + 8 + 8)), bytes.Length);
        Assert.Equal(bytes.Length - 4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(6 | NetlinkAttribute.NestedFlag, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal(1 | NetlinkAttribute.NestedFlag, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)));
        Assert.Equal(2 | NetlinkAttribute.NestedFlag, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(30)));
        Assert.Equal(GetSize(message), bytes.Length);

        ControlMessage read = ControlMessage.Read(bytes);
        Assert.Equal([(3u, 0x0Eu), (10u, 0x02u)], read.Operations.Select(op => (op.Id!.Value, op.Flags!.Value)));
        Assert.True(read.UnknownAttributes.IsEmpty);
    }

    [Fact]
    public void Entries_are_read_in_order_whatever_their_types()
    {
        // The kernel numbers entries from 1, but a reader must not depend on it.
        byte[] group(ushort index, string name, uint id)
        {
            var inner = new ControlMulticastGroup { Name = name, Id = id };
            byte[] payload = NetlinkSerializer.ToArray(inner);
            byte[] entry = new byte[4 + payload.Length];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)entry.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(2), (ushort)(index | NetlinkAttribute.NestedFlag));
            payload.CopyTo(entry, 4);
            return entry;
        }

        byte[] entries = [.. group(7, "monitor", 5), .. group(0, "notify", 2)];
        byte[] bytes = new byte[4 + 4 + entries.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), (ushort)(4 + entries.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), 7 | NetlinkAttribute.NestedFlag);
        entries.CopyTo(bytes, 8);

        ControlMessage read = ControlMessage.Read(bytes);

        Assert.Equal([("monitor", 5u), ("notify", 2u)], read.MulticastGroups.Select(g => (g.Name!, g.Id!.Value)));
        Assert.Equal(5u, GenericFamily.From(new ControlMessage { FamilyId = 21, FamilyName = "x", MulticastGroups = read.MulticastGroups }).MulticastGroup("monitor"));
    }

    private static int GetSize<T>(T value)
        where T : INetlinkSerializable<T> => value.GetSize();
}
