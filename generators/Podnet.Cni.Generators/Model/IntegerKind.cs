namespace Podnet.Cni.Generators.Model;

/// <summary>The C# type an integer schema maps to (see specs/cni/README.md for the rule).</summary>
internal enum IntegerKind
{
    Int32,
    UInt32,
    Int64,
    UInt64,
}
