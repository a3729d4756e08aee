using ArticleBot.Abstractions;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Citations;

/// <summary>
/// Sees every kernel function invocation. When a function returns passages, they are numbered for the current
/// turn (so numbers are unique across several searches in one turn) and the result is rewritten with those
/// numbers, which is what the model sees and cites.
/// </summary>
public sealed class CitationFilter(IArticleSearch search) : IFunctionInvocationFilter
{
    /// <inheritdoc/>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var turn = AnswerTurn.Current;
        turn?.CountToolCall();
        await next(context);
        if (turn is null)
        {
            return;
        }

        turn.CountCompletedToolCall();

        var renumbered = context.Result.GetValue<object>() switch
        {
            PassageSearchResult result => result with { Passages = Renumber(result.Passages, turn) }, // keeps a derived result's analysis
            FoundPassage passage => Renumber([passage], turn).FirstOrDefault(),
            IEnumerable<FoundPassage> passages => (object)Renumber(passages, turn),
            _ => null,
        };

        if (renumbered is not null)
        {
            context.Result = new FunctionResult(context.Result, renumbered);
        }
    }

    /// <summary>Keeps only passages of the corpus (a plugin cannot invent one) and gives them the turn's numbers.</summary>
    private List<FoundPassage> Renumber(IEnumerable<FoundPassage> passages, AnswerTurn turn) =>
        passages.Select(p => (Found: p, Passage: search.GetPassage(p.Id)))
            .Where(x => x.Passage is not null)
            .Select(x => x.Found with { N = turn.Register(x.Passage!), Text = x.Passage!.Text, Section = x.Passage.Section })
            .ToList();
}
