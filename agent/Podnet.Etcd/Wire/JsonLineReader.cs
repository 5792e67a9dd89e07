using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Podnet.Etcd.Wire;

/// <summary>Reads a gateway stream: one JSON message per line, each parsed straight from the pipe's buffers.</summary>
internal sealed class JsonLineReader(Stream stream) : IAsyncDisposable
{
    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(minimumReadSize: 16 * 1024));

    /// <summary>The next message, or <see langword="null"/> at the end of the stream.</summary>
    /// <exception cref="JsonException">A line is not a <typeparamref name="T"/>.</exception>
    public async ValueTask<T?> ReadAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            ReadResult result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            SequencePosition? newline = buffer.PositionOf((byte)'\n');
            if (newline is null && !result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            ReadOnlySequence<byte> line = newline is { } end ? buffer.Slice(0, end) : buffer;
            T? message = IsBlank(line) ? null : Parse(line, typeInfo);
            _reader.AdvanceTo(newline is { } lineEnd ? buffer.GetPosition(1, lineEnd) : buffer.End);
            if (message is not null || newline is null)
            {
                return message;
            }
        }
    }

    public ValueTask DisposeAsync() => _reader.CompleteAsync();

    private static T? Parse<T>(ReadOnlySequence<byte> line, JsonTypeInfo<T> typeInfo)
    {
        var json = new Utf8JsonReader(line);
        return JsonSerializer.Deserialize(ref json, typeInfo);
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (ReadOnlyMemory<byte> segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
