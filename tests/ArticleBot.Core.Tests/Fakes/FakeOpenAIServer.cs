using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArticleBot.Core.Tests.Fakes;

/// <summary>A request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonNode Body)
{
    public JsonArray Messages => Body["messages"]!.AsArray();

    public string? LastRole => Messages[^1]!["role"]!.GetValue<string>();

    public bool Streaming => Body["stream"]?.GetValue<bool>() == true;

    /// <summary>The name of the first advertised tool whose name ends with "search".</summary>
    public string SearchTool => Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).First(n => n.EndsWith("search", StringComparison.Ordinal));

    /// <summary>The concatenated content of every tool message.</summary>
    public string ToolResults => string.Join("\n", Messages.Where(m => m!["role"]!.GetValue<string>() == "tool").Select(m => m!["content"]!.ToString()));

    public string LastUserText => Messages.Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.ToString();
}

/// <summary>What the fake sends back.</summary>
public sealed record FakeReply(int Status = 200, string? Json = null, IReadOnlyList<string>? Events = null, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false, TimeSpan EventDelay = default)
{
    private static int s_ids;

    /// <summary>A non-streamed tool call.</summary>
    public static FakeReply ToolCall(string name, string arguments) => new(Json: Envelope(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = $"call_{Interlocked.Increment(ref s_ids)}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments },
        }),
    }, "tool_calls"));

    /// <summary>A non-streamed final answer.</summary>
    public static FakeReply Text(string content) => new(Json: Envelope(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop"));

    /// <summary>A streamed tool call whose arguments arrive in fragments.</summary>
    public static FakeReply StreamedToolCall(string name, params string[] argumentFragments)
    {
        var id = $"call_{Interlocked.Increment(ref s_ids)}";
        var events = new List<string>
        {
            Chunk(new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = string.Empty } }) }, null),
        };
        events.AddRange(argumentFragments.Select(f => Chunk(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = f } }) }, null)));
        events.Add(Chunk(new JsonObject(), "tool_calls"));
        return new FakeReply(Events: events);
    }

    /// <summary>A streamed final answer in pieces.</summary>
    public static FakeReply StreamedText(params string[] pieces)
    {
        var events = new List<string> { Chunk(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null) };
        events.AddRange(pieces.Select(p => Chunk(new JsonObject { ["content"] = p }, null)));
        events.Add(Chunk(new JsonObject(), "stop"));
        return new FakeReply(Events: events);
    }

    /// <summary>An OpenAI-style error.</summary>
    public static FakeReply Error(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["message"] = $"fake error {status}", ["type"] = "server_error", ["code"] = null } }.ToJsonString(), Headers: headers);

    private static string Envelope(JsonObject message, string finishReason) => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["finish_reason"] = finishReason, ["message"] = message }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    }.ToJsonString();

    /// <summary>
    /// This reply as a server sends it when the request asked for <c>"stream": true</c>: a completed message becomes
    /// one chunk with the message as its delta, then a chunk with the finish reason. Errors and events stay as they are.
    /// </summary>
    public FakeReply AsStreamed()
    {
        if (Status != 200 || Events is not null || Json is null
            || JsonNode.Parse(Json)?["choices"]?[0] is not JsonObject choice || choice["message"] is not JsonObject message)
        {
            return this;
        }

        var delta = (JsonObject)message.DeepClone();
        if (delta["tool_calls"] is JsonArray calls)
        {
            for (var i = 0; i < calls.Count; i++)
            {
                calls[i]!["index"] = i;
            }
        }

        var finish = choice["finish_reason"]?.GetValue<string>() ?? "stop";
        return this with { Json = null, Events = [Chunk(delta, null), Chunk(new JsonObject(), finish)] };
    }

    private static string Chunk(JsonObject delta, string? finishReason) => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    }.ToJsonString();
}

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1, scripted per test: the real JSON envelope,
/// non-streamed or as server-sent events, and error statuses with headers.
/// </summary>
public sealed class FakeOpenAIServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _hang = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public FakeOpenAIServer(Func<RecordedRequest, FakeReply> handler)
    {
        Handler = handler;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>Replies to the queued scripts in order; after the last one, repeats it.</summary>
    public FakeOpenAIServer(params FakeReply[] script)
        : this(Sequence(script))
    {
    }

    public int Port { get; }

    /// <summary>The base URL to configure as Llm:Endpoint.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/v1";

    public Func<RecordedRequest, FakeReply> Handler { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Completes each time a request arrives.</summary>
    public event Action<RecordedRequest>? Received;

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _hang.TrySetResult();
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private static Func<RecordedRequest, FakeReply> Sequence(FakeReply[] script)
    {
        var next = -1;
        return _ => script[Math.Min(Interlocked.Increment(ref next), script.Length - 1)];
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, JsonNode.Parse(body) ?? new JsonObject());
            Requests.Enqueue(request);
            Received?.Invoke(request);
            var reply = Handler(request);
            if (request.Streaming)
            {
                reply = reply.AsStreamed();
            }

            if (reply.Hang)
            {
                await _hang.Task;
                context.Response.Abort();
                return;
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (reply.Events is { } events)
            {
                context.Response.ContentType = "text/event-stream";
                context.Response.SendChunked = true;
                foreach (var e in events.Append("[DONE]"))
                {
                    if (reply.EventDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(reply.EventDelay);
                    }

                    var bytes = Encoding.UTF8.GetBytes($"data: {e}\n\n");
                    await context.Response.OutputStream.WriteAsync(bytes);
                    await context.Response.OutputStream.FlushAsync();
                }
            }
            else
            {
                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(reply.Json ?? "{}");
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
        }
    }
}
