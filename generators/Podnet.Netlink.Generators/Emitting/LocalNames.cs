namespace Podnet.Netlink.Generators.Emitting;

/// <summary>Names of generated locals derived from member names (members are always accessed through <c>this.</c>/<c>result.</c>, so locals cannot hide them).</summary>
internal static class LocalNames
{
    /// <summary>A local for the member <paramref name="memberName"/> with a role <paramref name="prefix"/> such as <c>value</c>.</summary>
    public static string For(string prefix, string memberName) => prefix + "_" + memberName.TrimStart('@');
}
