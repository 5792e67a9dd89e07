using System;
using System.Collections.Generic;

namespace Podnet.Generators;

/// <summary>Creates <see cref="EquatableArray{T}"/> values.</summary>
internal static class EquatableArrayExtensions
{
    /// <summary>Copies <paramref name="items"/> into an array with value equality.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);
}
