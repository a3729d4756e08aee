// A sample MCP plugin: counts the words of a text, Chinese or English. The bot runs it in its own process:
//   "Plugins": { "McpServers": { "wordcount": { "Command": "dotnet", "Args": ["artifacts/bin/McpWordCount/debug/McpWordCount.dll"] } } }
// stdout carries only the protocol, so logs go to stderr (the bot writes them to its log).
using McpWordCount;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateEmptyApplicationBuilder(settings: null);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMcpServer(o => o.ServerInfo = new() { Name = "wordcount", Version = "1.0.0" })
    .WithStdioServerTransport()
    .WithTools([typeof(WordCountTools)]);
await builder.Build().RunAsync();
