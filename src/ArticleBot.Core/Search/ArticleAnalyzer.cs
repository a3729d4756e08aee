using ArticleBot.Core.Language.Segmentation;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis;

namespace ArticleBot.Core.Search;

/// <summary>
/// The Lucene analyzer of the passage index: the input is already folded (see <see cref="Text.ScriptFolding"/>),
/// and <see cref="TermScanner"/> makes the terms, so queries built from the same scanner match exactly.
/// </summary>
internal sealed class ArticleAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new ArticleTokenizer(reader));

    private sealed class ArticleTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly List<ScannedTerm> _terms = [];
        private bool _scanned;
        private int _next;

        public ArticleTokenizer(TextReader input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (!_scanned)
            {
                TermScanner.Scan(m_input.ReadToEnd(), _terms);
                _scanned = true;
            }

            if (_next >= _terms.Count)
            {
                return false;
            }

            _term.SetEmpty().Append(_terms[_next++].Text);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _terms.Clear();
            _scanned = false;
            _next = 0;
        }
    }
}
