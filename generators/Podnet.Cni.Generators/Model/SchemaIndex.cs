using Podnet.Generators;

namespace Podnet.Cni.Generators.Model;

/// <summary>The exports of every schema file that can be emitted, used to resolve <c>$ref</c>s.</summary>
/// <param name="EmittableFiles">Files that are valid, define no duplicate type name and reference only emittable files.</param>
/// <param name="Exports">The exports of those files.</param>
internal sealed record SchemaIndex(EquatableArray<string> EmittableFiles, EquatableArray<ExportModel> Exports);
