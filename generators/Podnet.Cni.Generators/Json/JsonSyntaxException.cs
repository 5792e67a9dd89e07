using System;

namespace Podnet.Cni.Generators.Json;

/// <summary>Thrown by <see cref="JsonTextParser"/> for text that is not JSON; carries the offending offset.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}
