namespace Podnet.Bridge.Attachment;

/// <summary>Names of host-side veth ends: <c>veth</c> + 8 random hex digits, as the reference plugin names them.</summary>
internal static class HostVethName
{
    /// <remarks>
    /// The name only has to be unlikely to collide (a collision is retried), not unpredictable: <see cref="Random.Shared"/>
    /// is seeded from the kernel, whereas <c>RandomNumberGenerator</c> would load and initialise OpenSSL on every ADD
    /// (about 2 ms and 4.5 MiB of RSS in a fresh process).
    /// </remarks>
    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[4];
        Random.Shared.NextBytes(bytes);
        return "veth" + Convert.ToHexStringLower(bytes);
    }
}
