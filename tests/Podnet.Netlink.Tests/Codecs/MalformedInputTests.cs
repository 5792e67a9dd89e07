using Podnet.Netlink.Tests.Codecs.Sets;
using static Podnet.Netlink.Tests.Codecs.AttributeBytes;

namespace Podnet.Netlink.Tests.Codecs;

/// <summary>Malformed input is rejected with <see cref="NetlinkParseException"/>, never another exception.</summary>
public sealed class MalformedInputTests
{
    [Fact]
    public void A_truncated_header_is_rejected()
    {
        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(new byte[5]));
    }

    [Fact]
    public void An_attribute_length_past_the_end_is_rejected()
    {
        byte[] input = Concat(EmptyHeader, U32(5, 1));
        input[8] = 200;

        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(input));
    }

    [Fact]
    public void An_attribute_length_below_the_header_size_is_rejected()
    {
        byte[] input = Concat(EmptyHeader, U32(5, 1));
        input[8] = 2;

        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(input));
    }

    [Fact]
    public void A_payload_too_short_for_its_integer_is_rejected()
    {
        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(Concat(EmptyHeader, Attribute(5, 1, 2))));
    }

    [Fact]
    public void A_bad_address_length_is_rejected()
    {
        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(Concat(EmptyHeader, Attribute(18, 1, 2, 3, 4, 5))));
    }

    [Fact]
    public void A_lying_length_inside_a_nested_set_is_rejected()
    {
        byte[] inner = U32(1, 5);
        inner[0] = 64;

        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(Concat(EmptyHeader, Nested(20, inner))));
    }

    [Fact]
    public void A_truncated_nested_header_is_rejected()
    {
        Assert.Throws<NetlinkParseException>(() => SampleMessage.Read(Concat(EmptyHeader, Nested(21, [1, 2, 3]))));
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        SampleRecursive parsed = SampleRecursive.Read(NestedChain(32));

        int depth = 0;
        for (SampleRecursive? current = parsed; current?.Child is not null; current = current.Child)
        {
            depth++;
        }

        Assert.Equal(32, depth);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_rejected()
    {
        Assert.Throws<NetlinkParseException>(() => SampleRecursive.Read(NestedChain(33)));
        Assert.Throws<NetlinkParseException>(() => SampleRecursive.Read(NestedChain(5000)));
    }

    /// <summary>A chain of <paramref name="levels"/> nested <c>Child</c> attributes, the innermost holding a value.</summary>
    private static byte[] NestedChain(int levels)
    {
        byte[] current = U32(2, 1);
        for (int i = 0; i < levels; i++)
        {
            current = Nested(1, current);
        }

        return current;
    }
}
