using System.Text;
using ArticleBot.Abstractions;
using ArticleBot.Core.Corpus;

namespace ArticleBot.Core.Citations;

/// <summary>
/// Maps the <c>[n]</c> markers of a reply to the passages returned in the same turn, never trusting the reply:
/// markers that point to nothing are removed, the rest are renumbered densely in order of appearance, and
/// each quote is checked against the seed file at its offsets before it is kept.
/// </summary>
public sealed class CitationResolver(Func<ArticleCorpus> corpus)
{
    /// <summary>A resolver over one fixed corpus.</summary>
    public CitationResolver(ArticleCorpus corpus)
        : this(() => corpus)
    {
    }

    /// <summary>A resolver over the corpus the search has now: a reload of the seeds is seen by the next citation.</summary>
    public CitationResolver(Search.ArticleSearch search)
        : this(() => search.Corpus)
    {
    }

    /// <summary>Resolves the markers of a whole reply.</summary>
    public (string Text, IReadOnlyList<Citation> Citations) Resolve(string reply, AnswerTurn turn)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var rewriter = Rewriter(turn);
        rewriter.Append(reply);
        return rewriter.Complete();
    }

    /// <summary>A resolver for a reply that arrives in pieces: what it emits is final, markers already renumbered.</summary>
    public CitationRewriter Rewriter(AnswerTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new CitationRewriter(this, turn);
    }

    /// <summary>A citation for a passage, or null when its quote does not match the seed file.</summary>
    public Citation? ToCitation(int n, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var current = corpus();
        if (!current.VerifyQuote(passage.Source, passage.Start, passage.End, passage.Text))
        {
            return null;
        }

        var document = current.GetDocument(passage.Source);
        return new Citation(n, passage.Id, passage.Source, passage.Section, passage.Start, passage.End, passage.Text, document?.Title, document?.Url);
    }
}

/// <summary>
/// Rewrites citation markers as text streams in. A possible marker (<c>[</c> followed by digits and separators) is
/// held back until it closes; whitespace is held back until something follows it, so a dropped marker takes the
/// space before it along and the emitted pieces always add up to the final text.
/// </summary>
public sealed class CitationRewriter
{
    private const int MaxMarkerLength = 32;

    private readonly CitationResolver _resolver;
    private readonly AnswerTurn _turn;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _marker = new();
    private readonly StringBuilder _space = new();
    private readonly Dictionary<int, int> _dense = [];
    private readonly List<Citation> _citations = [];

    internal CitationRewriter(CitationResolver resolver, AnswerTurn turn)
    {
        _resolver = resolver;
        _turn = turn;
    }

    /// <summary>The citations found so far, numbered as in the text.</summary>
    public IReadOnlyList<Citation> Citations => _citations;

    /// <summary>Feeds a piece of the reply; returns the text that is now final (may be empty).</summary>
    public string Append(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var emitted = new StringBuilder();
        foreach (var c in piece)
        {
            if (_marker.Length > 0)
            {
                if (c == ']')
                {
                    _marker.Append(c);
                    EmitMarker(emitted);
                    continue;
                }

                if ((char.IsAsciiDigit(c) || c is ',' or '，' or '、' or ' ') && _marker.Length < MaxMarkerLength)
                {
                    _marker.Append(c);
                    continue;
                }

                // Not a marker after all: it is text.
                var literal = _marker.ToString();
                _marker.Clear();
                EmitText(literal, emitted);
            }

            if (c == '[')
            {
                _marker.Append(c);
            }
            else
            {
                EmitCharacter(c, emitted);
            }
        }

        return emitted.ToString();
    }

    /// <summary>Ends the reply: flushes what was held back (trailing whitespace is dropped) and returns the whole text.</summary>
    public (string Text, IReadOnlyList<Citation> Citations) Complete()
    {
        if (_marker.Length > 0)
        {
            var literal = _marker.ToString();
            _marker.Clear();
            EmitText(literal, new StringBuilder());
        }

        _space.Clear();
        return (_text.ToString(), _citations);
    }

    /// <summary>Text is emitted as is, except whitespace, which waits for what follows it.</summary>
    private void EmitText(string text, StringBuilder emitted)
    {
        foreach (var c in text)
        {
            EmitCharacter(c, emitted);
        }
    }

    // Character by character, with no string per character: a streamed reply passes through here whole.
    private void EmitCharacter(char c, StringBuilder emitted)
    {
        if (char.IsWhiteSpace(c))
        {
            if (_text.Length > 0)
            {
                _space.Append(c);
            }

            return;
        }

        if (_space.Length > 0)
        {
            _text.Append(_space);
            emitted.Append(_space);
            _space.Clear();
        }

        _text.Append(c);
        emitted.Append(c);
    }

    private void EmitMarker(StringBuilder emitted)
    {
        var inner = _marker.ToString(1, _marker.Length - 2);
        _marker.Clear();
        var replacement = new StringBuilder();
        var numbers = inner.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length == 0)
        {
            EmitText($"[{inner}]", emitted);
            return;
        }

        foreach (var part in numbers)
        {
            if (!int.TryParse(part, out var n) || _turn.Find(n) is not { } passage)
            {
                continue;
            }

            if (!_dense.TryGetValue(n, out var number))
            {
                if (_resolver.ToCitation(_citations.Count + 1, passage) is not { } citation)
                {
                    continue;
                }

                number = citation.N;
                _dense[n] = number;
                _citations.Add(citation);
            }

            replacement.Append('[').Append(number).Append(']');
        }

        if (replacement.Length == 0)
        {
            _space.Clear(); // a dropped marker takes the space before it along
            return;
        }

        Write(_space.ToString(), emitted);
        _space.Clear();
        Write(replacement.ToString(), emitted);
    }

    private void Write(string text, StringBuilder emitted)
    {
        _text.Append(text);
        emitted.Append(text);
    }
}
