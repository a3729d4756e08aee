using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The one place the per-turn tool cap is enforced: once the function-invoking client has run the tool calls of
/// request number <see cref="AnsweringOptions.MaxToolCallsPerTurn"/> (SK's own <c>RequestSequenceIndex</c> counts
/// them), the loop ends, so a model that keeps asking for tools (or a question telling it to) cannot run forever.
/// </summary>
public sealed class ToolCapFilter(IOptions<AnsweringOptions> options) : IAutoFunctionInvocationFilter
{
    /// <inheritdoc/>
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        if (context.RequestSequenceIndex + 1 >= options.Value.MaxToolCallsPerTurn)
        {
            context.Terminate = true;
        }
    }
}
