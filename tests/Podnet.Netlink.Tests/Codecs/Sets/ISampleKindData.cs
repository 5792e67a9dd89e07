namespace Podnet.Netlink.Tests.Codecs.Sets;

/// <summary>Base of the sub-message cases of <see cref="SampleMessage.Data"/>.</summary>
internal interface ISampleKindData
{
}
