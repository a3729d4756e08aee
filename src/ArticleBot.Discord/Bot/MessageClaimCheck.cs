using System.Text;
using System.Text.Json;
using ArticleBot.Abstractions;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Citations;
using ArticleBot.Core.Claims;
using ArticleBot.Core.Plugins;
using ArticleBot.Core.Text;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// "Check against the article": cuts a message into claims (<see cref="ClaimSplitter"/>) and checks each one with the
/// article plugin's <c>verify</c> function, called through the kernel like any tool (so the plugin guard, timeouts and
/// passage filter apply). The passages it returns become citations only when their quotes match the seed file
/// (<see cref="CitationResolver"/>), as in any answer. The result is an <see cref="ArticleAnswer"/> with one verdict
/// line per claim, so it is posted, recorded and rated like an answer.
/// </summary>
public sealed class MessageClaimCheck(PluginInvoker invoker, IArticleSearch search, CitationResolver citations)
{
    /// <summary>The function that checks one claim.</summary>
    public const string VerifyFunction = ArticlePlugin.PluginName + "." + ArticlePlugin.VerifyFunction;

    /// <summary>How the check is labelled as a backend in the ratings store.</summary>
    public const string Backend = "claim-check (" + VerifyFunction + ")";

    private const string VerdictSeparator = " => ";
    private const int QuotedClaimLimit = 300;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The claims worth checking in <paramref name="message"/> (empty: nothing to check).</summary>
    public static IReadOnlyList<Claim> Claims(string message) => ClaimSplitter.Split(message ?? string.Empty);

    /// <summary>Checks every claim of <paramref name="message"/>; a claim whose check fails says so, the others are still checked.</summary>
    public async Task<ArticleAnswer> CheckAsync(string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cited = new List<Citation>();
        var text = new StringBuilder("Checked against the article / 對照文章查核：\n");
        foreach (var (claim, i) in Claims(message).Select((c, i) => (c, i)))
        {
            var (verdict, passages) = await VerifyAsync(claim.Text, cancellationToken);
            var markers = new StringBuilder();
            foreach (var found in passages)
            {
                if (Cite(found, cited) is int n)
                {
                    markers.Append('[').Append(n).Append(']');
                }
            }

            text.Append(i + 1).Append(". ").Append(Label(verdict)).Append(" “").Append(TextCut.AtMost(claim.Text, QuotedClaimLimit)).Append("” — ")
                .Append(Explain(verdict));
            if (markers.Length > 0)
            {
                text.Append(' ').Append(markers);
            }

            text.Append('\n');
        }

        return new ArticleAnswer(QuestionText.Clean(message, int.MaxValue), text.ToString().TrimEnd(), cited.Count > 0, Backend, cited, []);
    }

    /// <summary>The verdict text the verify function gave (after <c>=&gt;</c>) and its passages; a failed call is reported as such.</summary>
    private async Task<(string Verdict, IReadOnlyList<FoundPassage> Passages)> VerifyAsync(string claim, CancellationToken cancellationToken)
    {
        try
        {
            var result = await invoker.InvokeAsync(VerifyFunction, new Dictionary<string, string>(StringComparer.Ordinal) { ["claim"] = claim }, cancellationToken);
            var parsed = JsonSerializer.Deserialize<PassageSearchResult>(result.Result, s_json);
            if (parsed is null)
            {
                return ("could not check: the verify function returned nothing", []);
            }

            var at = parsed.Query.LastIndexOf(VerdictSeparator, StringComparison.Ordinal);
            return (at < 0 ? parsed.Query : parsed.Query[(at + VerdictSeparator.Length)..], parsed.Passages ?? []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missing or failing plugin, or a result that is not passages: this claim is not checked, the rest are.
            return ("could not check: " + PluginCallFailure.Describe(VerifyFunction, ex), []);
        }
    }

    /// <summary>The citation number of a passage (shared by claims citing the same one); null when its quote does not verify.</summary>
    private int? Cite(FoundPassage found, List<Citation> cited)
    {
        if (cited.FirstOrDefault(c => c.PassageId == found.Id) is { } already)
        {
            return already.N;
        }

        if (search.GetPassage(found.Id) is not { } passage || citations.ToCitation(cited.Count + 1, passage) is not { } citation)
        {
            return null;
        }

        cited.Add(citation);
        return citation.N;
    }

    private static string Label(string verdict) => verdict switch
    {
        _ when verdict.StartsWith("supported", StringComparison.Ordinal) => "✅ **Supported**",
        _ when verdict.StartsWith("contradicted", StringComparison.Ordinal) => "❌ **Contradicted**",
        _ when verdict.StartsWith("not covered", StringComparison.Ordinal) => "❔ **Not covered**",
        _ => "⚠️ **Not checked**",
    };

    private static string Explain(string verdict)
    {
        var colon = verdict.IndexOf(": ", StringComparison.Ordinal);
        return verdict.StartsWith("supported", StringComparison.Ordinal)
            ? "the article says so."
            : colon < 0 ? verdict + "." : verdict[(colon + 2)..] + ".";
    }
}
