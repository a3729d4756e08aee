using System.Text.Json;

namespace ArticleBot.Training.Data;

/// <summary>One question of a reading-comprehension set, with the answer texts annotators marked in its paragraph.</summary>
/// <param name="Id">The source's question id.</param>
/// <param name="Text">The question.</param>
/// <param name="Answers">The answer texts, the annotator's first, without repeats.</param>
public sealed record SquadQuestion(string Id, string Text, IReadOnlyList<string> Answers);

/// <summary>One paragraph and its questions.</summary>
/// <param name="Context">The paragraph.</param>
/// <param name="Questions">Its questions.</param>
public sealed record SquadParagraph(string Context, IReadOnlyList<SquadQuestion> Questions);

/// <summary>One article (SQuAD's <c>data[]</c> entry).</summary>
/// <param name="Key">A key unique within its source (the article id, or its index).</param>
/// <param name="Title">Its title.</param>
/// <param name="Paragraphs">Its paragraphs.</param>
public sealed record SquadArticle(string Key, string Title, IReadOnlyList<SquadParagraph> Paragraphs)
{
    /// <summary>The article as a seed file: the title, then each paragraph, separated by blank lines (as eval/ext's seeds).</summary>
    public string SeedText => Title.Replace('_', ' ').Trim() + "\n\n" + string.Join("\n\n", Paragraphs.Select(p => p.Context.Trim())) + "\n";

    /// <summary>Every question of the article.</summary>
    public IEnumerable<SquadQuestion> Questions => Paragraphs.SelectMany(p => p.Questions);
}

/// <summary>Reads SQuAD-format JSON (<c>data[].paragraphs[].context</c>, <c>qas[].question</c>, <c>qas[].answers[].text</c>).</summary>
public static class SquadReader
{
    /// <summary>Reads a file's articles.</summary>
    /// <exception cref="FormatException">The file is not SQuAD JSON; the message names the file.</exception>
    public static IReadOnlyList<SquadArticle> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var articles = new List<SquadArticle>();
            var index = 0;
            foreach (var article in document.RootElement.GetProperty("data").EnumerateArray())
            {
                var key = article.TryGetProperty("id", out var id) ? id.ToString() : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var title = article.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                var paragraphs = new List<SquadParagraph>();
                foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
                {
                    var questions = new List<SquadQuestion>();
                    foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                    {
                        var answers = new List<string>();
                        foreach (var answer in qa.GetProperty("answers").EnumerateArray())
                        {
                            var text = answer.GetProperty("text").GetString()?.Trim();
                            if (!string.IsNullOrEmpty(text) && !answers.Contains(text, StringComparer.Ordinal))
                            {
                                answers.Add(text);
                            }
                        }

                        questions.Add(new SquadQuestion(qa.GetProperty("id").ToString(), qa.GetProperty("question").GetString()?.Trim() ?? string.Empty, answers));
                    }

                    paragraphs.Add(new SquadParagraph(paragraph.GetProperty("context").GetString() ?? string.Empty, questions));
                }

                articles.Add(new SquadArticle(key, title, paragraphs));
                index++;
            }

            return articles;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{path} is not SQuAD JSON: {ex.Message}", ex);
        }
    }
}
