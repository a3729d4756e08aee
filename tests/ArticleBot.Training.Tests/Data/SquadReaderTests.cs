using ArticleBot.Training.Data;

namespace ArticleBot.Training.Tests.Data;

public sealed class SquadReaderTests
{
    [Fact]
    public void Read_SquadJson_GivesArticlesParagraphsQuestionsAndDistinctAnswers()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {"data": [{"title": "硫", "id": "7", "paragraphs": [{"context": "硫是黃色的。", "qas": [
              {"id": "7-1-1", "question": "硫是什麼顏色？", "answers": [{"text": "黃色", "answer_start": 2}, {"text": "黃色", "answer_start": 2}]}]}]}]}
            """);

        var articles = SquadReader.Read(path);

        var article = Assert.Single(articles);
        Assert.Equal("7", article.Key);
        Assert.Equal("硫\n\n硫是黃色的。\n", article.SeedText);
        var question = Assert.Single(article.Questions);
        Assert.Equal(["黃色"], question.Answers);
        File.Delete(path);
    }

    [Fact]
    public void Read_NotSquadJson_SaysWhichFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"articles\": []}");

        var error = Assert.Throws<FormatException>(() => SquadReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }

    [Fact]
    public void Load_TheRepositorysTrainingData_LeavesOutTheDevelopmentSetsArticles()
    {
        var sources = TrainingSources.Load(TrainingData.Folder, new HashSet<string>(StringComparer.Ordinal) { "drcd:1147" });

        Assert.Equal(["drcd", "cmrc", "xquad"], sources.Select(s => s.Name));
        Assert.DoesNotContain(sources[0].Articles, a => a.Key == "drcd:1147");
        Assert.True(sources.Sum(s => s.Articles.Sum(a => a.Questions.Count)) > 9000);
        Assert.Contains(sources[2].Articles[0].Questions, q => q.Language == "en");
    }
}
