using ArticleBot.Core.Reading;
using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Tests.Fakes;

namespace ArticleBot.Core.Tests.Reading;

public sealed class ReadingModelsTests
{
    [Fact]
    public void Shipped_AreTheLearnedTrees_ForTheFeaturesThisVersionComputes()
    {
        var models = ReadingModels.Shipped;

        Assert.Empty(models.Problems);
        var ranker = Assert.IsType<TreeModel>(models.Ranker);
        var gate = Assert.IsType<TreeModel>(models.Gate);
        Assert.Equal(SentenceFeatures.Names, ranker.Features);
        Assert.Equal(DraftFeatures.Names, gate.Features);
        Assert.NotEmpty(gate.Trees.PrecisionCurve); // the target precision maps to a threshold out of fold
        Assert.Contains(ranker.Trees.Comments, c => c.Contains("CC BY-SA", StringComparison.Ordinal)); // the data and its licences
    }

    [Fact]
    public void Shipped_ModelFilesStayUnderFiveMegabytes()
    {
        foreach (var model in new[] { ReadingModels.Shipped.Ranker, ReadingModels.Shipped.Gate }.Cast<TreeModel>())
        {
            Assert.True(model.Trees.Write().Length < 5_000_000, $"{model.Name}: {model.Trees.Write().Length} bytes");
        }
    }

    [Fact]
    public void Load_FromAFolder_ReadsRetrainedModels()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, ReadingModels.RankerFile), ((TreeModel)ReadingModels.Shipped.Ranker).Trees.Write());
        File.WriteAllText(Path.Combine(folder.Path, ReadingModels.GateFile), ((TreeModel)ReadingModels.Shipped.Gate).Trees.Write());

        var models = ReadingModels.Load(folder.Path);

        Assert.Empty(models.Problems);
        Assert.IsType<TreeModel>(models.Ranker);
    }

    [Fact]
    public void Load_MissingOrDamagedFile_FallsBackToTheDocumentedDefault_WithAProblemThatSaysWhy()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, ReadingModels.RankerFile), "#articlebot-trees v1\nname ranker\nfeatures 1 Coverage\n");
        File.WriteAllText(Path.Combine(folder.Path, ReadingModels.GateFile), ((TreeModel)ReadingModels.Shipped.Ranker).Trees.Write()); // a ranker, not a gate

        var models = ReadingModels.Load(folder.Path);

        Assert.Same(ReadingModels.FallbackRanker, models.Ranker);
        Assert.Same(ReadingModels.FallbackGate, models.Gate);
        Assert.Equal(2, models.Problems.Count);
        Assert.Contains(models.Problems, p => p.Contains(ReadingModels.RankerFile, StringComparison.Ordinal) && p.Contains("ends early", StringComparison.Ordinal) && p.Contains("fallback sentence ranker", StringComparison.Ordinal));
        Assert.Contains(models.Problems, p => p.Contains(ReadingModels.GateFile, StringComparison.Ordinal) && p.Contains("other features", StringComparison.Ordinal));
    }

    [Fact]
    public void Fallback_PrefersACoveringSentenceThatHoldsTheKindAskedFor()
    {
        var covering = new float[SentenceFeatures.Count];
        covering[SentenceFeatures.Index("Coverage")] = 1;
        covering[SentenceFeatures.Index("HasKind")] = 1;

        Assert.True(ReadingModels.FallbackRanker.Probability(covering) > ReadingModels.FallbackRanker.Probability(new float[SentenceFeatures.Count]));
    }
}
