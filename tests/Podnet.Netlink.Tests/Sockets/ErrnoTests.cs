
namespace Podnet.Netlink.Tests.Sockets;

public sealed class ErrnoTests
{
    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(2, "ENOENT")]
    [InlineData(16, "EBUSY")]
    [InlineData(17, "EEXIST")]
    [InlineData(19, "ENODEV")]
    [InlineData(22, "EINVAL")]
    [InlineData(34, "ERANGE")]
    [InlineData(95, "EOPNOTSUPP")]
    [InlineData(97, "EAFNOSUPPORT")]
    [InlineData(105, "ENOBUFS")]
    [InlineData(-17, "EEXIST")]
    [InlineData(999, "E999")]
    public void Names_match_the_kernel_headers(int errno, string name) => Assert.Equal(name, Errno.GetName(errno));

    [Fact]
    public void Every_constant_maps_back_to_its_own_name()
    {
        // Independent source: the C headers, parsed here rather than trusted from the table.
        string[] headers = ["/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h"];
        int checkedCount = 0;
        foreach (string line in headers.SelectMany(File.ReadLines))
        {
            string[] parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && parts[0] == "#define" && int.TryParse(parts[2], out int value))
            {
                Assert.Equal(parts[1], Errno.GetName(value));
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 100, $"only {checkedCount} errno definitions found");
    }

    [Fact]
    public void Description_comes_from_the_C_library() => Assert.Equal("File exists", Errno.GetDescription(Errno.EEXIST));
}
