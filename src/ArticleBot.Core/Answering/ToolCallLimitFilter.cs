using ArticleBot.Core.Llm;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Ends a model's tool-calling loop once the turn has made <see cref="LlmOptions.MaxToolCallsPerTurn"/> calls,
/// so a model that keeps asking for tools (or a question that tells it to) cannot run forever.
/// </summary>
public sealed class ToolCallLimitFilter(IOptions<LlmOptions> options) : IAutoFunctionInvocationFilter
{
    /// <inheritdoc/>
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        if (TurnCitations.Current is { } turn && turn.ToolCalls >= options.Value.MaxToolCallsPerTurn)
        {
            context.Terminate = true;
        }
    }
}
