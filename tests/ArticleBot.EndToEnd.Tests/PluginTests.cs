using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ArticleBot.EndToEnd.Tests;

/// <summary>The plugin guide, followed by a test: build a new plugin, load it, call it, replace it while the bot runs.</summary>
public sealed class PluginTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-guide-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Plugins => Path.Combine(_root, "plugins");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Executable_ShipsNoRoslyn()
    {
        var deps = File.ReadAllText(Path.Combine(BotProcess.OutputDirectory, "ArticleBot.deps.json"));

        Assert.DoesNotContain("Microsoft.CodeAnalysis", deps, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(BotProcess.OutputDirectory, "Microsoft.CodeAnalysis*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SamplePlugins_AreListed_KeyFiguresAnswersOffline()
    {
        var list = await BotProcess.RunAsync(["plugins", "--json"], cancellationToken: Ct);
        var call = await BotProcess.RunAsync(["call", "KeyFigures.key_figures", "contains=騰訊"], cancellationToken: Ct);

        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Stdout);
        var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("builtin", plugins["article"].GetProperty("kind").GetString());
        Assert.Equal("loaded", plugins["KeyFigures"].GetProperty("state").GetString());
        Assert.Equal("unavailable", plugins["ArticleWriter"].GetProperty("state").GetString());
        Assert.Contains("Llm:Provider", plugins["ArticleWriter"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var parameter = plugins["ArticleWriter"].GetProperty("functions")[0].GetProperty("parameters")[0];
        Assert.Equal(("topic", "string", true), (parameter.GetProperty("name").GetString(), parameter.GetProperty("type").GetString(), parameter.GetProperty("required").GetBoolean()));
        Assert.Equal(0, call.ExitCode);
        Assert.Contains("10億 — 騰訊宣布", call.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_BadArguments_ListTheParameters_Exit2()
    {
        var run = await BotProcess.RunAsync(["call", "KeyFigures.key_figures", "colour=red"], cancellationToken: Ct);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown argument colour", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[contains=<string>]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuideSteps_BuildLoadCall_ThenHotReload_WithACorruptNeighbour()
    {
        // Steps 1-4 of plugins/README.md: create, reference, write, build into a plugin folder.
        await BuildPluginAsync("v1");

        // Step 5: check and call.
        var settings = $"--Plugins:Directories:0={Plugins}";
        var list = await BotProcess.RunAsync(["plugins", "--json", settings], cancellationToken: Ct);
        var call = await BotProcess.RunAsync(["call", "HelloPlugin.hello", "name=Ada", "--json", settings], cancellationToken: Ct);
        Assert.Contains("\"name\":\"HelloPlugin\",\"kind\":\"compiled\",\"state\":\"loaded\"", list.Stdout, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(call.Stdout))
        {
            Assert.Equal("Hello, Ada (v1): 30 passages", json.RootElement.GetProperty("result").GetString());
        }

        // Hot reload in a running chat: a new version, and a corrupt plugin beside it.
        using var chat = BotProcess.Start([settings, "--Plugins:ReloadDebounceMilliseconds=300"]);
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await chat.StandardOutput.ReadLineAsync(Ct) is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }, Ct);
        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        await SendAsync(chat, "/call HelloPlugin.hello name=Ada");
        await WaitForAsync(() => Output().Contains("(v1)", StringComparison.Ordinal), "v1 answers");

        await BuildPluginAsync("v2");
        var corrupt = Directory.CreateDirectory(Path.Combine(Plugins, "Broken")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(corrupt, "Broken.dll"), Encoding.ASCII.GetBytes("MZ this is not a real assembly"), Ct);
        var deadline = Stopwatch.StartNew();
        while (!Output().Contains("(v2)", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(40))
        {
            await SendAsync(chat, "/call HelloPlugin.hello name=Ada");
            await Task.Delay(500, Ct);
        }

        await SendAsync(chat, "/plugins");
        await SendAsync(chat, "英偉達的市值突破了多少？");
        await SendAsync(chat, "/quit");
        await chat.WaitForExitAsync(Ct);
        await reading;

        Assert.Contains("Hello, Ada (v2)", Output(), StringComparison.Ordinal);
        Assert.Contains("Broken (compiled, failed: not a valid .NET assembly", Output(), StringComparison.Ordinal);
        Assert.Contains("5萬億", Output(), StringComparison.Ordinal);
        Assert.Equal(0, chat.ExitCode);
    }

    private static async Task SendAsync(Process process, string line)
    {
        await process.StandardInput.WriteLineAsync(line.AsMemory(), Ct);
        await process.StandardInput.FlushAsync(Ct);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Writes and builds the guide's HelloPlugin; <paramref name="version"/> shows in its greeting.</summary>
    private async Task BuildPluginAsync(string version)
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "HelloPlugin")).FullName;
        var abstractions = Path.Combine(BotProcess.OutputDirectory, "ArticleBot.Abstractions.dll");
        await File.WriteAllTextAsync(Path.Combine(project, "HelloPlugin.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EnableDynamicLoading>true</EnableDynamicLoading>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.SemanticKernel.Abstractions" Version="1.82.0">
                  <Private>false</Private>
                  <ExcludeAssets>runtime</ExcludeAssets>
                </PackageReference>
                <Reference Include="ArticleBot.Abstractions">
                  <HintPath>{abstractions}</HintPath>
                  <Private>false</Private>
                </Reference>
              </ItemGroup>
            </Project>
            """, Ct);
        await File.WriteAllTextAsync(Path.Combine(project, "Hello.cs"), $$"""
            using System.ComponentModel;
            using ArticleBot.Abstractions;
            using Microsoft.SemanticKernel;

            public sealed class HelloPlugin(IArticleSearch search)
            {
                [KernelFunction("hello"), Description("Greets someone and says how long the article is.")]
                public string Hello([Description("Who to greet")] string name) =>
                    $"Hello, {name} ({{version}}): {search.Info.PassageCount} passages";
            }
            """, Ct);
        var build = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _root };
        foreach (var arg in new[] { "build", project, "-c", "Release", "-o", Path.Combine(Plugins, "HelloPlugin"), "--nologo", "-v", "q" })
        {
            build.ArgumentList.Add(arg);
        }

        build.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(build)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"plugin build failed: {await stdout}{await stderr}");
    }
}
