namespace Podnet.Netlink.Generators.Model;

/// <summary>How a member holds its attribute value(s), which decides when the attribute is written.</summary>
internal enum MemberShape
{
    /// <summary>A non-nullable value type: always written (a <c>bool</c> flag only when <see langword="true"/>).</summary>
    Value,

    /// <summary>A <c>Nullable&lt;T&gt;</c>: written when it has a value.</summary>
    NullableValue,

    /// <summary>A reference type: written when not <see langword="null"/>.</summary>
    Reference,

    /// <summary>A <c>List&lt;T&gt;</c> with <c>Repeated = true</c>: one attribute per element.</summary>
    Repeated,

    /// <summary>A <c>List&lt;T&gt;</c> with <c>IndexedArray = true</c>: one nested attribute with an entry per element, typed by its 1-based index.</summary>
    IndexedArray,
}
