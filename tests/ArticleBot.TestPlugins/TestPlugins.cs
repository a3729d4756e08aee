using System.ComponentModel;
using ArticleBot.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace ArticleBot.TestPlugins;

/// <summary>Works: takes host services in its constructor, uses a private dependency, returns citable passages.</summary>
public sealed class Echo(IArticleSearch search, ILogger<Echo> logger)
{
    [KernelFunction("echo"), Description("Echoes the text back.")]
    public string Say([Description("The text")] string text, [Description("How many times")] int times = 1) =>
        string.Join(' ', Enumerable.Repeat(text, times));

    [KernelFunction("where"), Description("Names the load context of the plugin's private dependency.")]
    public string Where() => Dependency.Helper.Where();

    [KernelFunction("passages"), Description("Returns passages about a query, numbered for citation.")]
    public PassageSearchResult Passages([Description("The query")] string query)
    {
        logger.LogDebug("searching");
        return new PassageSearchResult(query, search.Search(query, 2).Select((p, i) => new FoundPassage(i + 1, p.Passage.Id, p.Passage.Section, p.Passage.Text)).ToList());
    }
}

/// <summary>Its constructor throws.</summary>
public sealed class BrokenConstructor
{
    public BrokenConstructor() => throw new InvalidOperationException("constructor exploded");

    [KernelFunction("never"), Description("Never reached.")]
    public string Never() => "never";
}

/// <summary>Its function throws.</summary>
public sealed class Thrower
{
    [KernelFunction("fail"), Description("Always throws.")]
    public string Fail() => throw new InvalidOperationException("function exploded");
}

/// <summary>Its function hangs.</summary>
public sealed class Sleeper
{
    [KernelFunction("sleep"), Description("Takes a minute.")]
    public async Task<string> SleepAsync()
    {
        await Task.Delay(TimeSpan.FromMinutes(1));
        return "woke up";
    }
}

/// <summary>Needs its private dependency the moment it is created.</summary>
public sealed class NeedsDependency
{
    private readonly string _where = Dependency.Helper.Where();

    [KernelFunction("where"), Description("Names the dependency's load context.")]
    public string Where() => _where;
}
