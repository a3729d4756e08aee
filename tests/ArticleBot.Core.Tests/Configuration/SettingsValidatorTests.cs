using ArticleBot.Core.Answering;
using ArticleBot.Core.Configuration;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArticleBot.Core.Tests.Configuration;

public sealed class SettingsValidatorTests
{
    [Fact]
    public void Validate_OutOfRange_NamesTheSettingTheRangeAndTheValue()
    {
        var result = new SettingsValidator<CorpusOptions>(CorpusOptions.SectionName).Validate(null, new CorpusOptions { PassageTargetChars = 5 });

        Assert.True(result.Failed);
        Assert.Equal("Corpus:PassageTargetChars must be between 40 and 20000 (got 5)", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_MissingRequired_SaysItIsRequired()
    {
        var result = new SettingsValidator<CorpusOptions>(CorpusOptions.SectionName).Validate(null, new CorpusOptions { SeedsPath = string.Empty });

        Assert.Equal("Corpus:SeedsPath is required", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SettingsValidator<RetrievalOptions>(RetrievalOptions.SectionName).Validate(null, new RetrievalOptions()).Succeeded);
        Assert.True(new SettingsValidator<AnsweringOptions>(AnsweringOptions.SectionName).Validate(null, new AnsweringOptions()).Succeeded);
    }

    [Fact]
    public void AnsweringOptions_ReadTheOldLlmKeys_AndTheNewSectionWins()
    {
        // Arrange
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:MaxToolCallsPerTurn"] = "3",
            ["Llm:MaxHistoryTurns"] = "2",
            ["Answering:MaxHistoryTurns"] = "5",
        }).Build());
        services.AddSettings<AnsweringOptions>(AnsweringOptions.SectionName, AnsweringOptions.LegacySectionName);

        // Act
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<AnsweringOptions>>().Value;

        // Assert
        Assert.Equal(3, options.MaxToolCallsPerTurn);
        Assert.Equal(5, options.MaxHistoryTurns);
    }

    [Fact]
    public void AnsweringOptions_OutOfRange_ThrowsWithTheMessage()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Answering:MaxToolCallsPerTurn"] = "99" }).Build());
        services.AddSettings<AnsweringOptions>(AnsweringOptions.SectionName);

        var error = Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<AnsweringOptions>>().Value);

        Assert.Equal("Answering:MaxToolCallsPerTurn must be between 1 and 20 (got 99)", Assert.Single(error.Failures));
    }
}
