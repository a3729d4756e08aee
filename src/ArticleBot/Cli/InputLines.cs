using System.Text;

namespace ArticleBot.Cli;

/// <summary>stdin is not UTF-8: it starts with a UTF-16 or UTF-32 byte-order mark.</summary>
public sealed class InputEncodingException(string message) : Exception(message);

/// <summary>
/// The lines of a machine interface's stdin (<c>ask --json -</c>, <c>chat --json</c>), read as UTF-8 (a UTF-8
/// byte-order mark is skipped). Before a read that has to wait for more input, the caller is told, so that it can flush
/// what it wrote: each answer is on stdout as soon as its line has been read, and a program that sends one line and
/// waits for the answer never deadlocks, while a pipe of 10,000 questions still costs one write per input buffer.
/// </summary>
/// <remarks>
/// A blocking check such as <c>StreamReader.Peek</c> cannot tell "nothing buffered" from "end of input" without
/// reading, and so waited for the next line before the previous answer was written. An asynchronous read that does not
/// complete at once is the exact signal that the buffer is empty.
/// </remarks>
public sealed class InputLines(Stream input) : IDisposable
{
    private readonly StreamReader _reader = new(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
    private bool _encodingChecked;

    /// <summary>The next line, or null at the end of input.</summary>
    /// <param name="beforeWaiting">Runs when the read has to wait for more input (flush the output here).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InputEncodingException">The input starts with a UTF-16 or UTF-32 byte-order mark.</exception>
    public async Task<string?> ReadLineAsync(Func<Task> beforeWaiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(beforeWaiting);
        var next = _reader.ReadLineAsync(cancellationToken);
        if (!next.IsCompleted)
        {
            await beforeWaiting();
        }

        var line = await next;
        if (!_encodingChecked)
        {
            // The reader knows the encoding once it has read the first bytes. Honouring a UTF-16 mark (as a reader
            // does by default) turns a UTF-8 batch that happens to start with the bytes FF FE into one line of noise.
            _encodingChecked = true;
            if (_reader.CurrentEncoding is not UTF8Encoding)
            {
                throw new InputEncodingException($"stdin starts with a {_reader.CurrentEncoding.WebName.ToUpperInvariant()} byte-order mark; send UTF-8 text, one line per question.");
            }
        }

        return line;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
