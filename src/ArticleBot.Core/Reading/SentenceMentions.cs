using System.Runtime.CompilerServices;
using ArticleBot.Core.Language.Mentions;
using ArticleBot.Core.Corpus;

namespace ArticleBot.Core.Reading;

/// <summary>
/// The typed mentions of each sentence, found once: sentences are shared by every question of a corpus, and the
/// recognisers (regular expressions, dictionary look-ups) are the reader's dearest step. Keyed by the folded
/// sentence's identity (the search keeps one folded string per sentence), so the cache lives as long as the corpus.
/// </summary>
/// <param name="finder">The recognisers.</param>
public sealed class SentenceMentions(MentionFinder finder)
{
    private readonly ConditionalWeakTable<string, Found> _found = new();

    /// <summary>The recognisers.</summary>
    public MentionFinder Finder => finder;

    /// <summary>The mentions of a folded sentence that can answer a question of kind <paramref name="asked"/>.</summary>
    public IReadOnlyList<Mention> Answering(AnswerKind asked, string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (asked is AnswerKind.Any or AnswerKind.YesNo)
        {
            return [];
        }

        return _found.GetValue(folded, f => new Found(f, finder)).Answering(asked);
    }

    /// <summary>True when a folded sentence opens by pointing back to the one before (它, 該, this …).</summary>
    public bool LeansOnPrevious(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return _found.GetValue(folded, f => new Found(f, finder)).LeansBack.Value;
    }

    /// <summary>True when a folded sentence speaks of a person by pronoun (他, 她).</summary>
    public bool RefersToSomeoneBefore(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return _found.GetValue(folded, f => new Found(f, finder)).RefersBack.Value;
    }

    /// <summary>The names a folded sentence gives with a naming word (称为…).</summary>
    public IReadOnlyList<Mention> Namings(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return _found.GetValue(folded, f => new Found(f, finder)).Namings.Value;
    }

    /// <summary>The names a folded sentence holds (people, places, organisations, titles).</summary>
    public IReadOnlyList<Mention> Names(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return _found.GetValue(folded, f => new Found(f, finder)).Names;
    }

    private sealed class Found(string folded, MentionFinder finder)
    {
        private readonly Mention[]?[] _answering = new Mention[]?[Enum.GetValues<AnswerKind>().Length];
        private Mention[]? _quantities;
        private Mention[]? _cues;
        private Mention[]? _names;

        public Lazy<bool> LeansBack { get; } = new(() => SentenceContext.LeansOnPrevious(folded));

        public Lazy<bool> RefersBack { get; } = new(() => SentenceContext.RefersToSomeoneBefore(folded));

        // Filled once per kind; a race only computes the same array twice.
        public Mention[] Answering(AnswerKind asked) => _answering[(int)asked] ??= [.. (asked switch
        {
            AnswerKind.Number or AnswerKind.Date or AnswerKind.Age or AnswerKind.Duration => Quantities,
            AnswerKind.Reason or AnswerKind.Manner or AnswerKind.Definition => Cues,
            _ => Names,
        }).Where(m => AnswerKindClassifier.Answers(asked, m.Kind))];

        public Mention[] Quantities => _quantities ??= [.. MentionFinder.Quantities(folded)];

        public Mention[] Cues => _cues ??= [.. MentionFinder.Cues(folded)];

        public Mention[] Names => _names ??= [.. finder.Names(folded)];

        public Lazy<Mention[]> Namings { get; } = new(() => [.. NamingRecognizer.Find(folded)]);
    }
}
