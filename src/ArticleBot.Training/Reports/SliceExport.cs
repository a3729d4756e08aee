using System.Text.Json;
using ArticleBot.Training.Data;
using ArticleBot.Training.Rows;

namespace ArticleBot.Training.Reports;

/// <summary>
/// Writes slices as evaluation sets in eval/ext's layout (a seeds folder per slice, one question set a line), so the
/// out-of-fold figures can be checked by the bot itself: <c>Corpus__SeedsPath=DIR/seeds-SLICE ArticleBot eval DIR/SLICE-SET.jsonl</c>.
/// </summary>
public static class SliceExport
{
    /// <summary>Writes the slices and their questions (answerable and made unanswerable).</summary>
    public static void Write(string folder, IReadOnlyList<Slice> slices, IReadOnlyList<QuestionRows> rows)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(folder);
        foreach (var slice in slices)
        {
            WriteSeeds(folder, slice);

            foreach (var set in rows.Where(r => r.Slice.Id == slice.Id).GroupBy(r => r.Question.Set))
            {
                using var writer = new StreamWriter(Path.Combine(folder, $"{slice.Id}-{set.Key}.jsonl"));
                foreach (var question in set.Select(r => r.Question))
                {
                    writer.Write(JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["id"] = question.Id,
                        ["lang"] = question.Language,
                        ["question"] = question.Text,
                        ["gold"] = question.Answers,
                        ["answers"] = question.Answers,
                        ["answerable"] = question.Answerable,
                    }, s_json));
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>Writes a slice's articles as the seeds folder <c>seeds-SLICE</c> in <paramref name="folder"/>, one file an article.</summary>
    public static void WriteSeeds(string folder, Slice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var seeds = Path.Combine(folder, "seeds-" + slice.Id);
        Directory.CreateDirectory(seeds);
        for (var i = 0; i < slice.Articles.Count; i++)
        {
            File.WriteAllText(Path.Combine(seeds, $"{i:00}.txt"), slice.Articles[i].Article.SeedText);
        }
    }

    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
