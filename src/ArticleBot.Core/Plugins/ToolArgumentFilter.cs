using ArticleBot.Core.Citations;
using Microsoft.SemanticKernel;

namespace ArticleBot.Core.Plugins;

/// <summary>
/// Turns a call with missing, unknown or ill-typed arguments into a tool error the caller sees ("Error: missing
/// query. Call article.search(query: string, top: integer (optional))"), instead of an exception that would end the
/// turn. The error goes on the turn too, so a fallback can give the true reason. A refused call counts as a tool
/// call of the turn, not as a completed one.
/// </summary>
public sealed class ToolArgumentFilter : IFunctionInvocationFilter
{
    /// <inheritdoc/>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var problems = ToolArguments.Problems(context.Function, context.Arguments);
        if (problems.Count > 0)
        {
            AnswerTurn.Current?.CountToolCall(); // refused before the citation filter could count it
            Fail(context, string.Join("; ", problems));
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsArgumentFailure(ex))
        {
            // Semantic Kernel's own conversion refused a value this check let through.
            Fail(context, (ex.InnerException ?? ex).Message);
        }
    }

    private static void Fail(FunctionInvocationContext context, string problem)
    {
        var message = $"the arguments of {context.Function.PluginName}.{context.Function.Name} are wrong: {problem}";
        AnswerTurn.Current?.RecordToolError(message);
        context.Result = new FunctionResult(context.Function, $"Error: {message}. Call {ToolArguments.Signature(context.Function.Metadata)}.");
    }

    private static bool IsArgumentFailure(Exception exception) => exception switch
    {
        KernelException { InnerException: ArgumentException or FormatException or InvalidCastException or OverflowException } => true,
        ArgumentException or FormatException or InvalidCastException or OverflowException => true,
        _ => false,
    };
}
