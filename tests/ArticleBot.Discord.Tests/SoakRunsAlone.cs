namespace ArticleBot.Discord.Tests;

/// <summary>The soaks run alone: they measure memory and time for the whole process, which other tests would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakRunsAlone
{
    public const string Name = "Soak (runs alone)";
}
