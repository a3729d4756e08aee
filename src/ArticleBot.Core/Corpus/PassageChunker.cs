using ArticleBot.Abstractions;
using ArticleBot.Core.Text;

namespace ArticleBot.Core.Corpus;

/// <summary>
/// Cuts an article into passages: one per paragraph, and a long paragraph into pieces of about
/// <see cref="CorpusOptions.PassageTargetChars"/> that end at sentence boundaries and overlap by whole sentences.
/// </summary>
public sealed class PassageChunker(int targetChars, int overlapSentences)
{
    /// <summary>Chunks one document.</summary>
    /// <param name="documentKey">Prefix of the passage ids, e.g. <c>ai-race-2026</c>.</param>
    /// <param name="source">The document's relative path.</param>
    /// <param name="text">The document's text.</param>
    public List<Passage> Chunk(string documentKey, string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var passages = new List<Passage>();
        foreach (var block in ArticleStructure.Parse(text))
        {
            if (ArticleStructure.ToPassageKind(block.Kind) is not { } kind)
            {
                continue;
            }

            foreach (var (start, end) in Pieces(text, block.Start, block.End))
            {
                var id = $"{documentKey}#p{passages.Count + 1}";
                passages.Add(new Passage(id, source, block.Section, kind, start, end, text[start..end]));
            }
        }

        return passages;
    }

    private IEnumerable<(int Start, int End)> Pieces(string text, int start, int end)
    {
        if (end - start <= targetChars)
        {
            yield return (start, end);
            yield break;
        }

        var sentences = BreakOversized(text, SentenceSplitter.FullSentences(SentenceSplitter.Split(text, start, end)));
        var first = 0;
        while (first < sentences.Count)
        {
            var last = first;
            while (last + 1 < sentences.Count && sentences[last + 1].End - sentences[first].Start <= targetChars)
            {
                last++;
            }

            yield return (sentences[first].Start, sentences[last].End);
            if (last == sentences.Count - 1)
            {
                yield break;
            }

            // Step back by the overlap, but always move forward; and do not open a piece with a sentence that leans on
            // the one before it (這種…, 牠們…, it …): step back one more to take its antecedent along (once, so a text
            // of such sentences still moves on).
            var previousFirst = first;
            first = Math.Max(first + 1, last + 1 - overlapSentences);
            if (first > previousFirst + 1 && SentenceContext.LeansOnPrevious(text, sentences[first].Start, sentences[first].End, ScriptFolding.Default))
            {
                first--;
            }
        }
    }

    /// <summary>A "sentence" far longer than the target (a huge line with no punctuation) is cut by clauses, then by length.</summary>
    private List<SentenceSpan> BreakOversized(string text, List<SentenceSpan> sentences)
    {
        var limit = targetChars * 4;
        if (sentences.TrueForAll(s => s.Length <= limit))
        {
            return sentences;
        }

        var result = new List<SentenceSpan>(sentences.Count);
        foreach (var sentence in sentences)
        {
            if (sentence.Length <= limit)
            {
                result.Add(sentence);
                continue;
            }

            foreach (var clause in SentenceSplitter.Split(text, sentence.Start, sentence.End))
            {
                var position = clause.Start;
                while (clause.End - position > limit)
                {
                    var cut = position + targetChars;
                    if (char.IsLowSurrogate(text[cut]))
                    {
                        cut++;
                    }

                    result.Add(new SentenceSpan(position, cut, false));
                    position = cut;
                }

                result.Add(new SentenceSpan(position, clause.End, false));
            }
        }

        return result;
    }
}
