namespace ArticleBot.EndToEnd.Tests;

/// <summary>
/// The tests that run the .NET SDK (<c>dotnet run</c> of the bot, <c>dotnet build</c> of the plugin guide) share
/// one collection, so they run one after another: two builds of the same projects at once contend for their
/// outputs and MSBuild nodes, and on two cores the quickstart's <c>dotnet run</c> then took 40 s instead of 5 s.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuilds
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dotnet builds";
}
