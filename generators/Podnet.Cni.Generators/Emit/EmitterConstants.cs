namespace Podnet.Cni.Generators.Emit;

/// <summary>Text shared by the emitters.</summary>
internal static class EmitterConstants
{
    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Podnet.Cni.Generators\", \"0.1.0\")]";
}
