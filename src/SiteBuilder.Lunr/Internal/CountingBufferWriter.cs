using System.Buffers;

namespace SiteBuilder.Lunr.Internal;

/// <summary>An <see cref="IBufferWriter{T}"/> that keeps nothing: it counts the bytes written through one reused buffer.</summary>
internal sealed class CountingBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    public void Reset() => Count = 0;

    public void Advance(int count) => Count += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

    private byte[] Buffer(int sizeHint)
    {
        if (sizeHint > _buffer.Length)
        {
            _buffer = new byte[sizeHint];
        }

        return _buffer;
    }
}
