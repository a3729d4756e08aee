using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArticleBot.Mcp;

/// <summary>
/// An incoming-message filter that keeps the protocol's order and shapes, over stdio and HTTP alike, where the SDK
/// would answer wrongly or with an internal error: a request before <c>initialize</c> (other than <c>ping</c>), a
/// <c>tools/call</c> without a tool name or with arguments that are not an object, a <c>resources/read</c> without a
/// URI, and <c>resources/subscribe</c>, which the server does not offer. Each gets the JSON-RPC error that says so.
/// </summary>
public static class RequestGuard
{
    /// <summary>The filter, for <c>WithMessageFilters(f =&gt; f.AddIncomingFilter(RequestGuard.Filter))</c>.</summary>
    public static McpMessageHandler Filter(McpMessageHandler next) => async (context, cancellationToken) =>
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonRpcMessage is JsonRpcRequest request)
        {
            Check(context.Server, request);
        }

        await next(context, cancellationToken);
    };

    private static void Check(McpServer server, JsonRpcRequest request)
    {
        if (request.Method is RequestMethods.Initialize or RequestMethods.Ping)
        {
            return;
        }

        // Before initialize the server knows neither the client nor the protocol version (a request of a revision
        // without the handshake carries both in its _meta, and the SDK has read them by now).
        if (server.ClientInfo is null && request.Context?.ProtocolVersion is null && request.Context?.ClientInfo is null)
        {
            throw new McpProtocolException($"Invalid Request: '{request.Method}' before initialize; send initialize first.", McpErrorCode.InvalidRequest);
        }

        switch (request.Method)
        {
            case RequestMethods.ToolsCall:
                var parameters = request.Params as JsonObject
                    ?? throw new McpProtocolException("Invalid params: tools/call needs params {\"name\": \"<tool>\", \"arguments\": {…}}.", McpErrorCode.InvalidParams);
                if (parameters["name"] is not JsonValue name || !name.TryGetValue<string>(out var tool) || string.IsNullOrWhiteSpace(tool))
                {
                    throw new McpProtocolException("Invalid params: tools/call needs params.name, the tool's name (a string); tools/list lists them.", McpErrorCode.InvalidParams);
                }

                if (parameters["arguments"] is { } arguments and not JsonObject)
                {
                    throw new McpProtocolException($"Invalid params: params.arguments of tools/call must be an object of argument names and values, not {Describe(arguments)}.", McpErrorCode.InvalidParams);
                }

                break;
            case RequestMethods.ResourcesRead:
                if ((request.Params as JsonObject)?["uri"] is not JsonValue uri || !uri.TryGetValue<string>(out _))
                {
                    throw new McpProtocolException("Invalid params: resources/read needs params.uri (a string); resources/list and resources/templates/list give them.", McpErrorCode.InvalidParams);
                }

                break;
            case RequestMethods.ResourcesSubscribe or RequestMethods.ResourcesUnsubscribe:
                throw new McpProtocolException($"Method not found: {request.Method} is not offered (the server does not declare resources.subscribe: the article does not change while it runs).", McpErrorCode.MethodNotFound);
        }
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonArray => "an array",
        JsonValue value when value.TryGetValue<string>(out _) => "a string",
        _ => node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
