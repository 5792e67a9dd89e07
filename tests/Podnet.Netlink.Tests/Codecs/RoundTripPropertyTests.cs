using CsCheck;
using Podnet.Netlink.Tests.Codecs.Sets;

namespace Podnet.Netlink.Tests.Codecs;

/// <summary>Random values through the generated writer and parser.</summary>
public sealed class RoundTripPropertyTests
{
    [Fact]
    public void Write_then_read_gives_back_every_member()
    {
        SampleMessageGen.Message.Sample(message =>
        {
            byte[] bytes = NetlinkSerializer.ToArray(message);

            SampleMessageAssert.Equal(message, SampleMessage.Read(bytes));
        });
    }

    [Fact]
    public void GetSize_equals_the_bytes_written_and_is_aligned()
    {
        SampleMessageGen.Message.Sample(message =>
        {
            int size = message.GetSize();
            byte[] buffer = new byte[size + 64];

            int written = NetlinkSerializer.Write(message, buffer);

            Assert.Equal(size, written);
            Assert.Equal(0, size % 4);
        });
    }

    [Fact]
    public void Padding_is_zero_even_in_a_dirty_buffer()
    {
        SampleMessageGen.Message.Sample(message =>
        {
            byte[] clean = NetlinkSerializer.ToArray(message);
            byte[] dirty = new byte[clean.Length];
            dirty.AsSpan().Fill(0xFF);

            NetlinkSerializer.Write(message, dirty);

            Assert.Equal(clean, dirty);
        });
    }

    [Fact]
    public void Reading_and_writing_again_reproduces_the_same_bytes()
    {
        SampleMessageGen.Message.Sample(message =>
        {
            byte[] first = NetlinkSerializer.ToArray(message);

            byte[] second = NetlinkSerializer.ToArray(SampleMessage.Read(first));

            Assert.Equal(first, second);
        });
    }

    [Fact]
    public void Mutated_encodings_either_parse_or_throw_NetlinkParseException()
    {
        Gen<(byte[] Bytes, int[] Positions, byte[] Values, int Cut)> mutations =
            from message in SampleMessageGen.Message
            let bytes = NetlinkSerializer.ToArray(message)
            from positions in Gen.Int[0, bytes.Length - 1].Array[1, 8]
            from values in Gen.Byte.Array[8]
            from cut in Gen.Int[0, bytes.Length]
            select (bytes, positions, values, cut);

        mutations.Sample(sample =>
        {
            byte[] mutated = (byte[])sample.Bytes.Clone();
            for (int i = 0; i < sample.Positions.Length; i++)
            {
                mutated[sample.Positions[i]] = sample.Values[i];
            }

            AssertParsesOrRejects(mutated);
            AssertParsesOrRejects(mutated.AsSpan(0, sample.Cut).ToArray());
        }, iter: 5000);
    }

    [Fact]
    public void Random_bytes_either_parse_or_throw_NetlinkParseException()
    {
        Gen.Byte.Array[0, 200].Sample(AssertParsesOrRejects, iter: 5000);
    }

    private static void AssertParsesOrRejects(byte[] bytes)
    {
        try
        {
            SampleMessage parsed = SampleMessage.Read(bytes);

            // Whatever parsed must also write back consistently.
            Assert.Equal(parsed.GetSize(), NetlinkSerializer.ToArray(parsed).Length);
        }
        catch (NetlinkParseException)
        {
        }
    }
}
