using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>One schema file ready to emit: every reference replaced by the shape it points at.</summary>
internal sealed record ResolvedSchemaModel(string Namespace, string FileName, EquatableArray<TypeModel> Types);
