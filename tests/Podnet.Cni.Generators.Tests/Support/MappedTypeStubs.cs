namespace Podnet.Cni.Generators.Tests.Support;

/// <summary>
/// The API surface the generated code uses of the types mapped formats need (Podnet.Cni's <c>IpAddressText</c> and
/// <c>IpCidr</c>, Podnet.Netlink's <c>MacAddress</c>), as source, so the generator tests compile its output without
/// the runtime assemblies. Without it the compilation lacks them, which is how the PN2010 tests see that case.
/// </summary>
internal static class MappedTypeStubs
{
    public const string Source = """
        #nullable enable
        namespace Podnet.Cni
        {
            public static class IpAddressText
            {
                public static bool TryParse(System.ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out System.Net.IPAddress? address) =>
                    System.Net.IPAddress.TryParse(text, out address);

                public static string Format(System.Net.IPAddress address) => address.ToString();
            }

            public readonly record struct IpCidr(System.Net.IPAddress Address, int PrefixLength)
            {
                public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text, out IpCidr cidr)
                {
                    cidr = default;
                    return false;
                }
            }
        }

        namespace Podnet.Netlink
        {
            public readonly record struct MacAddress(ulong Value)
            {
                public static bool TryParse(System.ReadOnlySpan<char> text, out MacAddress mac)
                {
                    mac = default;
                    return false;
                }
            }
        }
        """;
}
