using System.Text.Json;
using ModelContextProtocol.Client;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>Connects the official C# MCP client to the built executable, and checks citations against the seed.</summary>
internal static class McpTestClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the built executable as an MCP server over stdio.</summary>
    public static async Task<McpClient> ConnectAsync(IEnumerable<string>? extraArgs = null, Action<string>? stderr = null)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "articlebot",
            Command = "dotnet",
            Arguments = [Path.Combine(BotProcess.OutputDirectory, "ArticleBot.dll"), "mcp", .. extraArgs ?? []],
            WorkingDirectory = BotProcess.OutputDirectory,
            EnvironmentVariables = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" },
            StandardErrorLines = stderr,
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        return await McpClient.CreateAsync(transport, new McpClientOptions { InitializationTimeout = TimeSpan.FromSeconds(120) }, cancellationToken: timeout.Token);
    }

    /// <summary>Every citation's quote is the seed file's text at [start, end).</summary>
    public static async Task AssertVerbatimAsync(JsonElement citations, bool expectSome)
    {
        var seed = await File.ReadAllTextAsync(BotProcess.SeedFile, Ct);
        if (expectSome)
        {
            Assert.True(citations.GetArrayLength() > 0, "expected citations");
        }

        foreach (var citation in citations.EnumerateArray())
        {
            Assert.Equal("seeds/ai-race-2026.txt", citation.GetProperty("source").GetString());
            Assert.StartsWith("ai-race-2026#p", citation.GetProperty("passageId").GetString(), StringComparison.Ordinal);
            var start = citation.GetProperty("start").GetInt32();
            var end = citation.GetProperty("end").GetInt32();
            Assert.Equal(seed[start..end], citation.GetProperty("quote").GetString());
            Assert.StartsWith("passage://", citation.GetProperty("uri").GetString(), StringComparison.Ordinal);
        }
    }
}
