using ArticleBot.Core.Answering.Gate;
using ArticleBot.Core.Answering.Recognizers;

namespace ArticleBot.Core.Answering.Selection;

/// <summary>One sentence of a drafted answer and the number of the passage it cites.</summary>
/// <param name="N">The passage's number in the tool result.</param>
/// <param name="Sentence">The sentence, verbatim.</param>
public readonly record struct AnswerSentence(int N, string Sentence);

/// <summary>The sentences picked to answer a question (the one that holds the answer first) and what the gate needs to judge them.</summary>
/// <param name="Sentences">The sentences, in the order they are given.</param>
/// <param name="Features">The gate's features.</param>
/// <param name="Kind">The kind of answer the question asks for.</param>
/// <param name="LacksAskedKind">True when the question asks for a number, date, age or duration and no picked sentence holds a new one.</param>
public sealed record AnswerDraft(IReadOnlyList<AnswerSentence> Sentences, GateFeatures Features, AnswerKind Kind, bool LacksAskedKind);
