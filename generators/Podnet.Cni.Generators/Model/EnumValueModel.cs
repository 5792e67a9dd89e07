namespace Podnet.Cni.Generators.Model;

/// <summary>One string of a schema enum and the C# member that stands for it.</summary>
internal sealed record EnumValueModel(string JsonValue, string MemberName);
