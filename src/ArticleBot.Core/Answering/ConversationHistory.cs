using Microsoft.Extensions.AI;

namespace ArticleBot.Core.Answering;

/// <summary>
/// The recent turns of one conversation (a console session, a Discord channel or thread), bounded by a number
/// of turns and a character budget; the oldest turns go first. Thread-safe.
/// </summary>
public sealed class ConversationHistory(int maxTurns, int maxChars)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Question, string Answer)> _turns = new();

    /// <summary>Records a finished turn.</summary>
    public void Add(string question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            _turns.AddLast((question, answer));
            while (_turns.Count > maxTurns || (_turns.Count > 0 && Characters() > maxChars))
            {
                _turns.RemoveFirst();
            }
        }
    }

    /// <summary>The turns as chat messages, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Messages()
    {
        lock (_gate)
        {
            return _turns.SelectMany(t => new[] { new ChatMessage(ChatRole.User, t.Question), new ChatMessage(ChatRole.Assistant, t.Answer) }).ToList();
        }
    }

    /// <summary>Forgets every turn.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _turns.Clear();
        }
    }

    private int Characters() => _turns.Sum(t => t.Question.Length + t.Answer.Length);
}
