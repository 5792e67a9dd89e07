using Podnet.Netlink.Netfilter;

namespace Podnet.Netlink.Tests.Netfilter;

public sealed class RuleOwnerTests
{
    [Fact]
    public void Tag_round_trips_through_the_nft_comment_user_data()
    {
        var owner = new RuleOwner("podnet", "3f2c9a0b1d", "eth0");

        byte[] userData = RuleComment.Encode(owner.ToTag());

        Assert.Equal("podnet:podnet:3f2c9a0b1d:eth0", owner.ToTag());
        Assert.Equal([0, (byte)(owner.ToTag().Length + 1)], userData[..2]);
        Assert.Equal(0, userData[^1]);
        Assert.True(RuleOwner.TryParse(RuleComment.Decode(userData), out RuleOwner parsed));
        Assert.Equal(owner, parsed);
    }

    [Theory]
    [InlineData("podnet:a:b")]
    [InlineData("other:a:b:c")]
    [InlineData("podnet:a::c")]
    [InlineData("podnet:a:b:c:d")]
    [InlineData(null)]
    public void Foreign_comments_are_not_owners(string? comment) => Assert.False(RuleOwner.TryParse(comment, out _));

    [Fact]
    public void Parts_with_separators_are_refused() =>
        Assert.Throws<ArgumentException>(() => new RuleOwner("a:b", "c", "eth0").ToTag());

    [Fact]
    public void Comment_is_found_after_other_user_data_and_missing_when_truncated()
    {
        byte[] data = [1, 2, 0xAA, 0xBB, .. RuleComment.Encode("hello")];

        Assert.Equal("hello", RuleComment.Decode(data));
        Assert.Null(RuleComment.Decode(data[..^2]));
        Assert.Throws<ArgumentException>(() => RuleComment.Encode(new string('x', RuleComment.MaximumLength + 1)));
    }
}
