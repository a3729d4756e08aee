using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Ingest.Fetching;

/// <summary>A fetched resource: its final URL (after redirects), its bytes and what the server said they are.</summary>
public sealed record FetchedResource(Uri Url, byte[] Bytes, string? MediaType, string? Charset);

/// <summary>
/// Fetches a reader's link without letting it reach into the bot's own network. Only http and https; every hop of a
/// redirect is checked again (scheme and address), up to <c>Ingest:MaxRedirects</c>. The address check happens where
/// it cannot be dodged: in the socket handler's connect callback, on the address actually connected to, after DNS
/// resolution, so a name that resolves to 127.0.0.1 (or changes its answer between a check and the connection) is
/// refused too. No proxy is used, since a proxy would hide the address reached. Size (<c>Ingest:MaxBytes</c>, by
/// Content-Length and while reading) and time (<c>Ingest:TimeoutSeconds</c>, for all hops) are capped.
/// </summary>
public sealed partial class SafeFetcher : IDisposable
{
    private readonly IngestOptions _options;
    private readonly HttpClient _client;
    private readonly ILogger<SafeFetcher> _logger;
    private readonly Func<IPAddress, string?> _forbidden;

    /// <summary>Creates the fetcher with its own connection pool.</summary>
    public SafeFetcher(IOptions<IngestOptions> options, ILogger<SafeFetcher> logger)
        : this(options, logger, AddressPolicy.Forbidden)
    {
    }

    /// <summary>Creates the fetcher with another address policy (tests forbid one loopback address and serve on another).</summary>
    internal SafeFetcher(IOptions<IngestOptions> options, ILogger<SafeFetcher> logger, Func<IPAddress, string?> forbidden)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _forbidden = forbidden;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown;q=0.9,*/*;q=0.1");
    }

    /// <summary>Fetches <paramref name="url"/>, following redirects.</summary>
    /// <exception cref="ImportRefusedException">The link is refused; the message says why.</exception>
    public async Task<FetchedResource> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                CheckScheme(current);
                if (IPAddress.TryParse(current.IdnHost, out var literal))
                {
                    CheckAddress(current, literal);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        throw new ImportRefusedException(RefusalReason.TooManyRedirects,
                            $"Refused {url}: more than {_options.MaxRedirects} redirects (Ingest:MaxRedirects).");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    Log.Redirected(_logger, current, next);
                    current = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ImportRefusedException(RefusalReason.Unreachable,
                        $"Could not fetch {current}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                var contentType = response.Content.Headers.ContentType;
                var bytes = await ReadCappedAsync(response.Content, current, timeout.Token);
                return new FetchedResource(current, bytes, contentType?.MediaType?.ToLowerInvariant(), contentType?.CharSet);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImportRefusedException(RefusalReason.Timeout,
                $"Refused {url}: it took longer than {_options.TimeoutSeconds} s (Ingest:TimeoutSeconds).");
        }
        catch (HttpRequestException ex)
        {
            if (Find<ImportRefusedException>(ex) is { } refused)
            {
                throw new ImportRefusedException(refused.Reason, refused.Message, ex);
            }

            throw new ImportRefusedException(RefusalReason.Unreachable, $"Could not fetch {current}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private static void CheckScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ImportRefusedException(RefusalReason.UnsupportedScheme,
                $"Refused {url}: only http and https links are fetched.");
        }
    }

    private void CheckAddress(Uri url, IPAddress address)
    {
        if (!_options.AllowPrivateAddresses && _forbidden(address) is { } kind)
        {
            throw new ImportRefusedException(RefusalReason.PrivateAddress,
                $"Refused {url}: {url.IdnHost} is {kind} ({address}); set Ingest:AllowPrivateAddresses=true to allow it.");
        }
    }

    /// <summary>Resolves the host, refuses forbidden addresses, connects, and checks the address actually connected to.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var url = context.InitialRequestMessage.RequestUri!;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new ImportRefusedException(RefusalReason.Unreachable, $"Could not fetch {url}: {host} has no address.");
        }

        foreach (var address in addresses)
        {
            CheckAddress(url, address);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            if (socket.RemoteEndPoint is IPEndPoint connected)
            {
                CheckAddress(url, connected.Address);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, Uri url, CancellationToken cancellationToken)
    {
        var max = _options.MaxBytes;
        if (content.Headers.ContentLength is { } length && length > max)
        {
            throw TooLarge(url, $"{length:N0} bytes");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(url, $"over {max:N0} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private ImportRefusedException TooLarge(Uri url, string size) => new(RefusalReason.TooLarge,
        $"Refused {url}: it is larger ({size}) than Ingest:MaxBytes allows ({_options.MaxBytes:N0} bytes).");

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9001, EventName = "ImportRedirected", Level = LogLevel.Information, Message = "Import of {From} redirected to {To}")]
        public static partial void Redirected(ILogger logger, Uri from, Uri to);
    }
}
