using System.Runtime.CompilerServices;

namespace ArticleBot.Core.Corpus;

/// <summary>
/// A value derived from a corpus (its figures, outline, entities, facts), computed once per corpus on first use. The
/// search's corpus changes when the seeds are reloaded and, inside a Discord server's view, is that server's: a value
/// computed for one corpus is never served for another. An entry lives as long as its corpus.
/// </summary>
/// <typeparam name="T">The derived value.</typeparam>
public sealed class PerCorpus<T>(Func<ArticleCorpus, T> compute)
    where T : class
{
    private readonly ConditionalWeakTable<ArticleCorpus, Lazy<T>> _values = new();

    /// <summary>The value for <paramref name="corpus"/>, computed on the first call for it.</summary>
    public T For(ArticleCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return _values.GetValue(corpus, c => new Lazy<T>(() => compute(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
