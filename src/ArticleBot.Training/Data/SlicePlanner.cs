namespace ArticleBot.Training.Data;

/// <summary>
/// A corpus of a few articles of one source, as the bot would be given (the evaluation sets hold 12 DRCD or CMRC
/// articles, or 6 XQuAD ones), in one fold.
/// </summary>
/// <param name="Id">A readable id (drcd-f2-s3).</param>
/// <param name="Source">drcd, cmrc or xquad.</param>
/// <param name="Fold">The fold every article of the slice belongs to.</param>
/// <param name="Articles">Its articles.</param>
public sealed record Slice(string Id, string Source, int Fold, IReadOnlyList<TrainingArticle> Articles);

/// <summary>
/// Assigns every article to one of k folds (by a stable hash of its key, in turn, so folds are even) and cuts each
/// source's fold into slices. Everything about an article (its text, its questions, the unanswerable questions made
/// from it) stays in its fold: a model is never scored on an article it was fitted on.
/// </summary>
public static class SlicePlanner
{
    /// <summary>Plans the slices of every source.</summary>
    public static IReadOnlyList<Slice> Plan(IReadOnlyList<TrainingSource> sources, int folds)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var slices = new List<Slice>();
        foreach (var source in sources)
        {
            var ordered = source.Articles.OrderBy(a => StableHash(a.Key)).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
            for (var fold = 0; fold < folds; fold++)
            {
                var inFold = ordered.Where((_, i) => i % folds == fold).ToList();
                var count = Math.Max(1, (int)Math.Round(inFold.Count / (double)source.SliceSize));
                for (var s = 0; s < count; s++)
                {
                    // Even slices: the articles in turn, so a remainder spreads instead of making a tiny last slice.
                    var articles = inFold.Where((_, i) => i % count == s).ToList();
                    if (articles.Count > 0)
                    {
                        slices.Add(new Slice($"{source.Name}-f{fold}-s{s}", source.Name, fold, articles));
                    }
                }
            }
        }

        return slices;
    }

    /// <summary>FNV-1a over the key's UTF-16 code units: the same on every machine and run, unlike string.GetHashCode.</summary>
    public static ulong StableHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
