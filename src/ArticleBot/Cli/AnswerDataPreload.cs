using ArticleBot.Core.Reading.Models;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;

namespace ArticleBot.Cli;

/// <summary>
/// Starts reading the answerer's fixed data (Lucene's static set-up, the script-folding tables and the shipped reading
/// models) on the thread pool as an answering command starts, so it is read while the host is built and the article loads, instead of
/// after them on the command's own thread. Both are the same for every article and every setting but
/// <c>Retrieval:ModelsPath</c> (then the shipped models are read for nothing, once). Commands that answer nothing
/// (feedback, plugins, call, add, articles, remove) do not start it.
/// </summary>
internal static class AnswerDataPreload
{
    /// <summary>Starts the reads; a failure is left to the first real use, which reports it in context.</summary>
    public static void Start() => _ = Task.Run(static () =>
    {
        try
        {
            LucenePassageIndex.WarmUp();
            _ = ScriptFolding.Default;
            _ = ReadingModels.Shipped;
        }
        catch (Exception)
        {
            // Lazy<T> caches the exception: the answerer meets it where it needs the data, and says what broke there.
        }
    });
}
