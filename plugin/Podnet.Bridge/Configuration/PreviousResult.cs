using Podnet.Cni;
using Podnet.Cni.Schema;

namespace Podnet.Bridge.Configuration;

/// <summary>Reads a result (<c>prevResult</c>, or a delegated IPAM plugin's output) with the generated types.</summary>
internal static class PreviousResult
{
    /// <summary>
    /// Decodes the result; its addresses, CIDRs and MACs are checked by the generated reader. A result that is not
    /// one is content podnet cannot decode (6), also when only an address in it is malformed.
    /// </summary>
    public static SuccessResult Parse(ReadOnlySpan<byte> json) =>
        BridgeSettingsParser.Decode(json, SuccessResult.Parse, "prevResult", formatErrorCode: CniErrorCode.DecodingFailure);
}
