using ArticleBot.Core.ArticleTools;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Language.English;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using ArticleBot.Training.Data;

namespace ArticleBot.Training.Rows;

/// <summary>One made claim as the verifier read it.</summary>
/// <param name="Slice">The slice (corpus) it was checked against.</param>
/// <param name="Claim">The claim.</param>
/// <param name="Check">The verifier's verdict under the hand-set rule, with the support features when it reached the support decision.</param>
/// <param name="Label">True for a true claim whose deciding sentence holds its answer (a "Yes" that eval scores right).</param>
public sealed record ClaimRow(Slice Slice, MadeClaim Claim, ClaimCheck Check, bool Label)
{
    /// <summary>The slice's fold.</summary>
    public int Fold => Slice.Fold;

    /// <summary>True when the verifier reached the support decision (a Chinese claim whose best sentence contradicts none of it).</summary>
    public bool Decides => Check.SupportFeatures is not null;

    /// <summary>True for a claim made false (another figure, person or thing in its answer's place).</summary>
    public bool False => Claim.Kind != "claim-true";

    /// <summary>True when the refutation model decides the claim: one slot filled otherwise, and the rule does not contradict it.</summary>
    public bool Refutable => Check.SlotFeatures is not null && Check.Verdict != Verdict.Contradicted;
}

/// <summary>
/// Checks the claims made from a slice's questions (<see cref="ClaimMaker"/>) with the bot's own verifier over the
/// slice's articles, chunked and indexed as seeds would be, under the hand-set support rule: the rows the support model
/// learns from, and the rule's verdicts it is measured against.
/// </summary>
public sealed class ClaimRowBuilder(ScriptFolding folder, int perArticle, int passageTargetChars = 240, int overlapSentences = 1)
{
    private readonly Lazy<Cedict> _dictionary = new(() => Cedict.Load());
    private readonly WordGlosses _glosses = new();

    /// <summary>The rows of one slice's claims.</summary>
    public List<ClaimRow> Build(Slice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var claims = ClaimMaker.Make(slice, perArticle);
        if (claims.Count == 0)
        {
            return [];
        }

        var documents = slice.Articles.Select((a, i) => new SeedDocument($"seeds/{i:00}.txt", $"{i:00}", a.Article.SeedText)).ToList();
        var corpus = new ArticleCorpus(documents, new PassageChunker(passageTargetChars, overlapSentences));
        using var search = new ArticleSearch(corpus, folder, dictionary: _dictionary.Value);
        var entities = new EntityFinder(search, folder);
        var lexicon = ClaimLexicon.Shipped;
        var facts = new FactTable(search, entities, folder, lexicon);
        var verifier = new ClaimVerifier(new ClaimReader(search, entities, folder, facts), facts, entities, _glosses, new ClaimGapJudge(_glosses, lexicon), ClaimSupport.Rule, SlotRefutation.None);
        return [.. claims.Select(claim =>
        {
            var check = verifier.Verify(claim.Text);
            var gold = folder.Fold(claim.Gold);
            var label = claim.Kind == "claim-true" && (check.Sentence ?? check.ReadSentence) is { } sentence && folder.Fold(sentence).Contains(gold, StringComparison.Ordinal);
            return new ClaimRow(slice, claim, check, label);
        })];
    }
}
