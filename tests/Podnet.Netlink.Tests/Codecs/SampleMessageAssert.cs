using Podnet.Netlink.Tests.Codecs.Sets;

namespace Podnet.Netlink.Tests.Codecs;

/// <summary>Member-by-member equality of parsed sample sets (empty repeated lists read back as absent).</summary>
internal static class SampleMessageAssert
{
    public static void Equal(SampleMessage expected, SampleMessage actual)
    {
        Assert.Equal(expected.Header, actual.Header);
        Assert.Equal(expected.U8, actual.U8);
        Assert.Equal(expected.S8, actual.S8);
        Assert.Equal(expected.U16, actual.U16);
        Assert.Equal(expected.S16, actual.S16);
        Assert.Equal(expected.U32, actual.U32);
        Assert.Equal(expected.S32, actual.S32);
        Assert.Equal(expected.U64, actual.U64);
        Assert.Equal(expected.S64, actual.S64);
        Assert.Equal(expected.Port, actual.Port);
        Assert.Equal(expected.BigU64, actual.BigU64);
        Assert.Equal(expected.Color, actual.Color);
        Assert.Equal(expected.Up, actual.Up);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Blob, actual.Blob);
        Assert.Equal(expected.Memory?.ToArray(), actual.Memory?.ToArray());
        Assert.Equal(expected.Mac, actual.Mac);
        Assert.Equal(expected.Broadcast, actual.Broadcast);
        Assert.Equal(expected.Address4, actual.Address4);
        Assert.Equal(expected.Address6, actual.Address6);
        Equal(expected.Inner, actual.Inner);
        Equal(expected.Peer, actual.Peer);
        Assert.Equal(NullIfEmpty(expected.Numbers), actual.Numbers);
        Assert.Equal(expected.Names, actual.Names);
        ListEqual(expected.Inners, actual.Inners, Equal);
        Assert.Equal(NullIfEmpty(expected.Addresses), actual.Addresses);
        Assert.Equal(NullIfEmpty(expected.Colors), actual.Colors);
        Assert.Equal(expected.Kind, actual.Kind);
        switch (expected.Data)
        {
            case null:
                Assert.Null(actual.Data);
                break;
            case SampleAlphaData alpha:
                Assert.Equal(alpha.Mode, Assert.IsType<SampleAlphaData>(actual.Data).Mode);
                break;
            case SampleBetaData beta:
                SampleBetaData actualBeta = Assert.IsType<SampleBetaData>(actual.Data);
                Assert.Equal(beta.Learning, actualBeta.Learning);
                Equal(beta.Peer, actualBeta.Peer);
                break;
        }

        Assert.Equal(expected.UnknownAttributes.ToArray(), actual.UnknownAttributes.ToArray());
    }

    public static void Equal(SampleInner? expected, SampleInner? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is not null && actual is not null)
        {
            Assert.Equal(expected.Value, actual.Value);
            Assert.Equal(expected.Label, actual.Label);
        }
    }

    public static void Equal(SamplePeer? expected, SamplePeer? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is not null && actual is not null)
        {
            Assert.Equal(expected.Header, actual.Header);
            Assert.Equal(expected.Name, actual.Name);
        }
    }

    private static List<T>? NullIfEmpty<T>(List<T>? list) => list is { Count: > 0 } ? list : null;

    private static void ListEqual<T>(List<T>? expected, List<T>? actual, Action<T?, T?> equal)
        where T : class
    {
        List<T>? normalized = NullIfEmpty(expected);
        Assert.Equal(normalized is null, actual is null);
        if (normalized is not null && actual is not null)
        {
            Assert.Equal(normalized.Count, actual.Count);
            for (int i = 0; i < normalized.Count; i++)
            {
                equal(normalized[i], actual[i]);
            }
        }
    }
}
