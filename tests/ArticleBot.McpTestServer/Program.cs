// An MCP server (stdio) whose tools misbehave on purpose, to prove that a plugin in its own process cannot take the
// bot down. `--exit-on-start N` exits before answering anything (a server that cannot start).
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ArticleBot.McpTestServer;
using ModelContextProtocol.Server;

if (args.Length == 2 && args[0] == "--exit-on-start")
{
    Console.Error.WriteLine("hostile server: refusing to start");
    return int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
}

var builder = Host.CreateEmptyApplicationBuilder(settings: null);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMcpServer().WithStdioServerTransport().WithTools([typeof(HostileTools)]);
Console.Error.WriteLine($"hostile server {Environment.ProcessId} started");
await builder.Build().RunAsync();
return 0;
