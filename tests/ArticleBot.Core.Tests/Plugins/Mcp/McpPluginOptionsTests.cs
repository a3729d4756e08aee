using ArticleBot.Core.Plugins.Mcp;

namespace ArticleBot.Core.Tests.Plugins.Mcp;

public sealed class McpPluginOptionsTests
{
    [Fact]
    public void Validator_NamesTheServer_WhenItHasNeitherOrBothOfCommandAndUrl_OrABadUrl()
    {
        var options = new McpPluginOptions();
        options.McpServers["neither"] = new McpServerDeclaration();
        options.McpServers["both"] = new McpServerDeclaration { Command = "node", Url = "http://127.0.0.1:1/mcp" };
        options.McpServers["ftp"] = new McpServerDeclaration { Url = "ftp://example/mcp" };
        options.McpServers["good"] = new McpServerDeclaration { Command = "dotnet" };

        var result = new McpPluginOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Plugins:McpServers:neither:", StringComparison.Ordinal) && f.Contains("not neither", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Plugins:McpServers:both:", StringComparison.Ordinal) && f.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Plugins:McpServers:ftp:Url:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_NoServers_Succeeds() => Assert.True(new McpPluginOptionsValidator().Validate(null, new McpPluginOptions()).Succeeded);
}
