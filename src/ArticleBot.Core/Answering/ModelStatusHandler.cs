using ArticleBot.Core.Citations;

namespace ArticleBot.Core.Answering;

/// <summary>
/// Notes each model request attempt's HTTP status on the answer turn (it sits inside the retry handler, so it sees
/// every attempt). A fallback can then say what the server did, not just how the wait ended: a 429 whose Retry-After
/// outlasted <c>Llm:TimeoutSeconds</c> is rate limiting, not a slow model.
/// </summary>
internal sealed class ModelStatusHandler : DelegatingHandler
{
    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        AnswerTurn.Current?.RecordModelStatus((int)response.StatusCode, response.Headers.RetryAfter?.Delta);
        return response;
    }
}
