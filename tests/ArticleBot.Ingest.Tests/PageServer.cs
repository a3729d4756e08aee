using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArticleBot.Ingest.Tests;

/// <summary>A response the page server sends: status, headers and body, exactly as given (no charset added).</summary>
public sealed record PageResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static PageResponse Ok(string contentType, byte[] body) => new(200, new Dictionary<string, string> { ["Content-Type"] = contentType }, body);

    public static PageResponse Html(string html, string contentType = "text/html; charset=utf-8") => Ok(contentType, Encoding.UTF8.GetBytes(html));

    public static PageResponse Redirect(string location, int status = 302) => new(status, new Dictionary<string, string> { ["Location"] = location }, []);
}

/// <summary>
/// A small HTTP/1.1 server on a loopback address that serves fixed responses by path, the way a web server sends
/// them (raw headers, so a test controls the charset and content type exactly). One request per connection.
/// </summary>
public sealed class PageServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, Func<PageResponse>> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public PageServer(IPAddress? address = null)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        BaseUrl = new Uri($"http://{endpoint.Address}:{endpoint.Port}/");
        _ = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Url(string path) => new(BaseUrl, path);

    public void Serve(string path, PageResponse response) => _routes[path] = () => response;

    public void Serve(string path, Func<PageResponse> response) => _routes[path] = response;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
                {
                    head.Append((char)buffer[0]);
                }

                var path = head.ToString().Split(' ') is { Length: > 1 } parts ? parts[1] : "/";
                Requests.Enqueue(path);
                var response = _routes.TryGetValue(path, out var route) ? route() : new PageResponse(404, new Dictionary<string, string>(), "not found"u8.ToArray());
                var header = new StringBuilder($"HTTP/1.1 {response.Status} {(response.Status == 200 ? "OK" : "Status")}\r\n");
                foreach (var (name, value) in response.Headers)
                {
                    header.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                header.Append("Content-Length: ").Append(response.Body.Length).Append("\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()));
                await stream.WriteAsync(response.Body);
            }
            catch (IOException)
            {
                // The client went away (a refused size, a timeout): nothing to answer.
            }
        }
    }
}
